import * as path from 'node:path';
import { UserError } from './errors.js';
import { METRICS_FORMATS, type MetricsFormat } from './metrics/formats.js';

export const STAGES = ['validate', 'gate', 'drift', 'promote'] as const;
export type StageName = (typeof STAGES)[number];
/** Stages built so far; the others answer "not yet available", never a pass. */
export const AVAILABLE_STAGES: readonly StageName[] = ['gate'];

/** Every input declared in action.yml (a test keeps the two lists equal); the CLI's flags. */
export const INPUT_NAMES = ['stage', 'metrics', 'metrics-format', 'thresholds', 'baseline', 'fail-on-violation', 'report-path', 'summary'];

/** Reads one input by its action.yml name, trimmed; '' when not given. */
export type InputReader = (name: string) => string;

export interface CommonSettings {
  stage: StageName;
  failOnViolation: boolean;
  /** Where the JSON report goes (absolute). */
  reportPath: string;
  /** Write the job summary. */
  summary: boolean;
  /** Root that annotation paths are made relative to. */
  workspace: string;
}

export interface GateSettings extends CommonSettings {
  stage: 'gate';
  /** One path, several paths one per line, or globs. */
  metrics: string;
  metricsFormat: MetricsFormat;
  /** Inline YAML/JSON or the path of a rules file. */
  thresholds: string;
  /** Baseline metrics file; '' when none. */
  baseline: string;
}

export type Settings = GateSettings;

/**
 * Reads every input once, validates it, and returns the typed settings of the chosen stage.
 * action.yml's `required:` is not enforced by the runner, so every check is made here.
 */
export function readSettings(input: InputReader, env: NodeJS.ProcessEnv = process.env): Settings {
  const stage = readStage(input('stage'));
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const common = {
    failOnViolation: readBoolean(input, 'fail-on-violation', true),
    summary: readBoolean(input, 'summary', true),
    reportPath: path.resolve(input('report-path') || defaultReportPath(stage, env)),
    workspace,
  };
  switch (stage) {
    case 'gate':
      return {
        ...common,
        stage,
        metrics: required(input, 'metrics', stage),
        metricsFormat: readChoice(input, 'metrics-format', METRICS_FORMATS, 'auto'),
        thresholds: required(input, 'thresholds', stage),
        baseline: input('baseline'),
      };
    default:
      throw new UserError(
        `stage '${stage}' is not yet available in this version of ml-quality-gate; available: ${AVAILABLE_STAGES.join(', ')}`,
      );
  }
}

function readStage(value: string): StageName {
  if (!value) throw new UserError(`input 'stage' is required; valid stages: ${STAGES.join(', ')}`);
  const stage = STAGES.find((s) => s === value.toLowerCase());
  if (!stage) throw new UserError(`unknown stage '${value}'; valid stages: ${STAGES.join(', ')}`);
  return stage;
}

function required(input: InputReader, name: string, stage: string): string {
  const value = input(name);
  if (!value) throw new UserError(`input '${name}' is required for stage '${stage}'`);
  return value;
}

/** The YAML 1.2 core booleans, as core.getBooleanInput accepts; anything else is an error. */
function readBoolean(input: InputReader, name: string, fallback: boolean): boolean {
  const value = input(name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UserError(`input '${name}' must be true or false, got '${value}'`);
}

function readChoice<T extends string>(input: InputReader, name: string, choices: readonly T[], fallback: T): T {
  const value = input(name) || fallback;
  const choice = choices.find((c) => c === value);
  if (!choice) throw new UserError(`input '${name}' must be one of ${choices.join(', ')}; got '${value}'`);
  return choice;
}

function defaultReportPath(stage: string, env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP
    ? path.join(env.RUNNER_TEMP, `ml-quality-gate-${stage}.json`)
    : path.join('.ml-quality-gate', `${stage}-report.json`);
}
