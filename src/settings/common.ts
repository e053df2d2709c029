import { realpath, stat } from 'node:fs/promises';
import { debug, reason } from '../debug.js';
import * as path from 'node:path';
import { Inputs, type InputName, type StageName } from '../constants.js';
import { UserError } from '../errors.js';
import { checkOutputPath, within, workspaceRoot } from '../files/workspace.js';
import { resolveMetricPaths } from '../metrics/paths.js';
import { readEmailSettings, type EmailSettings } from './email.js';
import { readBoolean, readChoice, type InputReader } from './inputs.js';
import { defaultReportPath } from '../local-dir.js';

export const NOTIFY_ON = ['failure', 'always', 'never'] as const;

/** `comment`: no pull-request comment, one comment edited in place on every run, or a new one each run. */
export const COMMENT_MODES = ['off', 'update', 'new'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

/** Settings every stage has. */
export interface CommonSettings {
  stage: StageName;
  failOnViolation: boolean;
  /** Where the JSON report goes (absolute). */
  reportPath: string;
  /** Write the job summary. */
  summary: boolean;
  /** Root that relative paths and annotation paths are relative to (src/files/workspace.ts). */
  workspace: string;
  /** Slack-compatible webhook URL; '' for none. A secret: never logged. */
  notifyWebhook: string;
  notifyOn: (typeof NOTIFY_ON)[number];
  /** Email notification (settings/email.ts); undefined when not asked. Holds the SMTP password. */
  notifyEmail?: EmailSettings;
  /** Pull-request comment (src/comment/). */
  comment: CommentMode;
  /** Token the comment is posted with; a secret: masked (main.ts), never logged. */
  githubToken: string;
  /** Part of the comment's id: tells apart matrix legs and steps of one stage in one job. */
  commentKey: string;
}

export function readCommonSettings(stage: StageName, input: InputReader, env: NodeJS.ProcessEnv): CommonSettings {
  const workspace = workspaceRoot(env);
  return {
    stage,
    failOnViolation: readBoolean(input, Inputs.FailOnViolation, true),
    summary: readBoolean(input, Inputs.Summary, true),
    reportPath: path.resolve(workspace, input(Inputs.ReportPath) || defaultReportPath(stage, env)),
    workspace,
    notifyWebhook: input(Inputs.NotifyWebhook),
    notifyOn: readChoice(input, Inputs.NotifyOn, NOTIFY_ON, 'failure'),
    notifyEmail: readEmailSettings(input),
    comment: readChoice(input, Inputs.Comment, COMMENT_MODES, 'off'),
    githubToken: input(Inputs.GithubToken),
    commentKey: input(Inputs.CommentKey),
  };
}

/** Inputs that name files or folders a stage reads or writes (one per line; globs in GLOB_INPUTS). */
const PATH_INPUTS: readonly InputName[] = [
  Inputs.Metrics,
  Inputs.Baseline,
  Inputs.MetricsSchema,
  Inputs.Data,
  Inputs.Expectations,
  Inputs.InferExpectations,
  Inputs.Reference,
  Inputs.Current,
  Inputs.ProfileOut,
  Inputs.ProfileShards,
  Inputs.ModelPath,
  // Inline YAML or a file: only a one-line value can be a file.
  Inputs.Thresholds,
  Inputs.DriftConfig,
  Inputs.PrometheusQueries,
];
const GLOB_INPUTS: readonly InputName[] = [Inputs.Metrics, Inputs.Baseline, Inputs.ProfileShards];
const ONE_LINE_INPUTS: readonly InputName[] = [Inputs.Thresholds, Inputs.DriftConfig, Inputs.PrometheusQueries];

/**
 * Refuses, before the stage runs, a report path that cannot be written (a folder, a path under a
 * file, a link out of the workspace: checkOutputPath) or that would overwrite a file another input
 * names, or land inside a folder one names (`model-path`), by any path to it (links, hard links).
 */
export async function checkReportPath(s: CommonSettings, input: InputReader): Promise<void> {
  const shown = input(Inputs.ReportPath) || s.reportPath;
  await checkOutputPath(shown, { what: 'report-path', cwd: s.workspace, workspace: s.workspace });
  const report = await identify(s.reportPath);
  for (const name of PATH_INPUTS) {
    for (const file of await inputPaths(input, name, s.workspace)) {
      const other = await identify(path.resolve(s.workspace, file));
      const same = report.id !== undefined && report.id === other.id;
      if (same || within(other.real, report.real)) {
        throw new UserError(
          `input 'report-path' (${shown}) is ${same || other.real === report.real ? 'the file' : 'inside the folder'} of input '${name}' (${file}): the report would overwrite or change it; choose another path`,
          { input: Inputs.ReportPath },
        );
      }
    }
  }
}

/** The paths an input names; a glob's matches (none when it matches nothing: the stage says so). */
async function inputPaths(input: InputReader, name: InputName, workspace: string): Promise<string[]> {
  const value = input(name);
  if (!value || value.startsWith('registry:')) return [];
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (ONE_LINE_INPUTS.includes(name) && lines.length > 1) return [];
  if (!GLOB_INPUTS.includes(name)) return lines;
  return resolveMetricPaths(lines.join('\n'), workspace).catch((e) => {
    // The stage refuses the input with its own message; here the lines are compared as written.
    debug(`input '${name}' not resolved to files for the report-path check: ${reason(e)}`);
    return lines;
  });
}

/** A path's real location (of its deepest existing part, for a new file) and, when it exists, its inode. */
async function identify(abs: string): Promise<{ real: string; id?: string }> {
  // Not there (yet) is an answer: the deepest existing part is identified instead.
  const info = await stat(abs).catch(() => undefined);
  if (info) return { real: await realpath(abs), id: `${info.dev}:${info.ino}` };
  const parent = path.dirname(abs);
  if (parent === abs) return { real: abs };
  return { real: path.join((await identify(parent)).real, path.basename(abs)) };
}
