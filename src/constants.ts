/**
 * The names of the action's stages, inputs and outputs, as action.yml spells them (as actions/cache's
 * src/constants.ts does): code names an input or output through these constants, so a misspelt name
 * is a type error. Which stage reads or sets which lives in the stage descriptors (src/stage-defs/);
 * a test keeps both equal to action.yml.
 */

/** Set on globalThis by dist/cli/index.js (scripts/package.mjs) before it imports the bundle: the run is the CLI's. */
export const CLI_ENTRY = Symbol.for('ml-quality-gate.cli');

/** The stages, in the order action.yml and the CLI's help list them. */
export const STAGES = ['validate', 'gate', 'drift', 'promote'] as const;
export type StageName = (typeof STAGES)[number];

/** Every input of action.yml. */
export const Inputs = {
  Stage: 'stage',
  Metrics: 'metrics',
  MetricsFormat: 'metrics-format',
  Thresholds: 'thresholds',
  Baseline: 'baseline',
  Predictions: 'predictions',
  BaselinePredictions: 'baseline-predictions',
  FailOnViolation: 'fail-on-violation',
  ReportPath: 'report-path',
  Summary: 'summary',
  PrometheusUrl: 'prometheus-url',
  PrometheusQueries: 'prometheus-queries',
  PrometheusToken: 'prometheus-token',
  PrometheusMaxAge: 'prometheus-max-age',
  RequiredMetrics: 'required-metrics',
  MetricsSchema: 'metrics-schema',
  Data: 'data',
  Expectations: 'expectations',
  InferExpectations: 'infer-expectations',
  Reference: 'reference',
  Current: 'current',
  DataFormat: 'data-format',
  Columns: 'columns',
  ExcludeColumns: 'exclude-columns',
  CategoricalColumns: 'categorical-columns',
  NumericalColumns: 'numerical-columns',
  DriftMethod: 'drift-method',
  DriftThreshold: 'drift-threshold',
  DriftConfig: 'drift-config',
  DriftShare: 'drift-share',
  NewCategoryShare: 'new-category-share',
  Correction: 'correction',
  ProfileOut: 'profile-out',
  ProfileShards: 'profile-shards',
  MemoryBudget: 'memory-budget',
  ModelName: 'model-name',
  ModelPath: 'model-path',
  PromoteTo: 'promote-to',
  Version: 'version',
  Bump: 'bump',
  Rollback: 'rollback',
  ChampionCheck: 'champion-check',
  Push: 'push',
  StoreDir: 'store-dir',
  NotifyWebhook: 'notify-webhook',
  NotifyOn: 'notify-on',
  NotifyEmailTo: 'notify-email-to',
  NotifyEmailFrom: 'notify-email-from',
  SmtpUrl: 'smtp-url',
  Comment: 'comment',
  CommentKey: 'comment-key',
  GithubToken: 'github-token',
} as const;
export type InputName = (typeof Inputs)[keyof typeof Inputs];

/** Every output of action.yml. */
export const Outputs = {
  Passed: 'passed',
  Failed: 'failed',
  Metrics: 'metrics',
  Report: 'report',
  Valid: 'valid',
  Errors: 'errors',
  DriftDetected: 'drift-detected',
  DriftedColumns: 'drifted-columns',
  DriftShare: 'drift-share',
  Profile: 'profile',
  Version: 'version',
  Tag: 'tag',
  PreviousVersion: 'previous-version',
  Promoted: 'promoted',
  ArtifactId: 'artifact-id',
} as const;
export type OutputName = (typeof Outputs)[keyof typeof Outputs];
