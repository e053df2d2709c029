/**
 * What every stage returns. Stages print nothing: one reporter turns a result into outputs, the job
 * summary, annotations and the exit code (src/report/action-reporter.ts for the action,
 * src/report/cli-reporter.ts for the CLI).
 */
import type { OutputName } from '../constants.js';

export type Level = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: Level;
  /** Untrusted text allowed: the reporter escapes it. */
  message: string;
  title?: string;
  /** Path relative to the workspace, with forward slashes. */
  file?: string;
  line?: number;
  column?: number;
  /**
   * A location that cannot be a `file` (inline input text, a file outside the workspace): the sink
   * prints it in front of the message.
   */
  at?: string;
}

/** Summary content, rendered to Markdown by one function so action and CLI show the same text. */
export type SummaryBlock =
  | { kind: 'heading'; text: string; level?: 2 | 3 }
  | { kind: 'text'; text: string }
  /** Cells are plain, untrusted text; the renderer escapes every one. */
  | { kind: 'table'; header: string[]; rows: string[][] }
  /** Trusted Markdown written by the action itself (no untrusted text inside). */
  | { kind: 'markdown'; markdown: string }
  | { kind: 'details'; summary: string; blocks: SummaryBlock[] };

/** Output values by name. */
export type OutputValues = Partial<Record<OutputName, string>>;

export interface StageResult {
  stage: string;
  /** The verdict: false fails the job (or warns, when fail-on-violation is false). */
  ok: boolean;
  /** One line, e.g. "2 of 5 metrics failed". Untrusted text allowed. */
  headline: string;
  /** Named by the Outputs constants (src/constants.ts): a misspelt output is a type error. */
  outputs: OutputValues;
  summary: SummaryBlock[];
  annotations: Annotation[];
  /** JSON report written by the reporter; its path becomes the `report` output. */
  report?: unknown;
  /** Notices about how the run went (e.g. local store used); not part of the verdict. */
  notices?: string[];
}
