import { Outputs, type OutputName } from '../constants.js';
import { formatLocation, OperationalError, UserError } from '../errors.js';
import { writeTextFile } from '../files/write-text.js';
import { boundJson, capOutput, MAX_ANNOTATION_CHARS, truncate } from './limits.js';
import { renderMarkdown } from './markdown.js';
import type { Annotation, OutputValues, StageResult } from './result.js';
import { annotationLocation } from './workspace-path.js';

/** Where a result goes: the runner (src/report/action-sink.ts) or a terminal (src/report/cli-sink.ts). */
export interface Sink {
  /** An output named by the Outputs constants (src/constants.ts). */
  setOutput(name: OutputName, value: string): void;
  /** Message and title are untrusted: the sink escapes them, and cuts them (boundAnnotation). */
  annotate(annotation: Annotation): void;
  /** Markdown of the job summary (already escaped). */
  summary(markdown: string): Promise<void>;
  /** Text the action wrote itself. */
  info(text: string): void;
  /** Text that may hold untrusted pieces (metric names, file contents): printed inert, cut at MAX_LOG_CHARS. */
  untrusted(text: string): void;
  /**
   * Writes a debug line (src/debug.ts: scrubbed, one line, capped; the sink escapes it as any
   * untrusted text); undefined when debug output is off, the default.
   */
  readonly debug?: (line: string) => void;
  /** Exit code for a violated verdict and for an error (bad input or a bug). */
  readonly exitCodes: { violation: number; error: number };
  /** Resolves when the sink can write (the action's loads @actions/core in the background); awaited before the first output. */
  ready?(): Promise<void>;
}

export interface ReportOptions {
  failOnViolation: boolean;
  reportPath: string;
  summary: boolean;
  workspace: string;
}

/** The runner keeps this many annotations of one level per step; the rest are folded into the last. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10;

/**
 * Turns any stage's result into outputs, report file, summary, annotations and an exit code.
 * Everything written is capped (src/report/limits.ts): each output, the summary, the report's values.
 */
export async function report(result: StageResult, opts: ReportOptions, sink: Sink): Promise<number> {
  const outputs: OutputValues = { ...result.outputs };
  if (result.report !== undefined) {
    const json = JSON.stringify(boundJson(result.report), null, 2) + '\n';
    outputs[Outputs.Report] = await writeTextFile(opts.reportPath, json, {
      what: 'report-path',
      workspace: opts.workspace,
    });
  }
  for (const [name, value] of Object.entries(outputs) as [OutputName, string][]) {
    const capped = capOutput(value);
    sink.setOutput(name, capped.value);
    if (capped.note) sink.annotate({ level: 'warning', message: `output '${name}' ${capped.note}` });
  }
  for (const notice of result.notices ?? []) sink.annotate({ level: 'notice', message: notice });

  // A verdict the user chose not to enforce is shown as warnings, never as errors.
  const annotations = opts.failOnViolation
    ? result.annotations
    : result.annotations.map((a) => (a.level === 'error' ? { ...a, level: 'warning' as const } : a));
  for (const a of capAnnotations(annotations)) sink.annotate(a);

  const markdown = renderMarkdown(result.summary);
  if (opts.summary) await sink.summary(markdown);
  sink.untrusted(markdown.trimEnd());
  if (result.ok) return 0;
  if (opts.failOnViolation) return sink.exitCodes.violation;
  sink.info('fail-on-violation is false: the verdict is in the outputs, the job goes on.');
  return 0;
}

/**
 * Reports an error that stopped a stage: one annotation, a negative verdict, no stack for user
 * errors. `verdict` is the stage's failing verdict outputs (its descriptor's `verdictOnError`:
 * a run that could not run never reads as a pass); {} when no stage was chosen.
 */
export function reportError(err: unknown, verdict: OutputValues, workspace: string, sink: Sink): number {
  for (const [name, value] of Object.entries(verdict) as [OutputName, string][]) sink.setOutput(name, value);
  if (err instanceof UserError) {
    sink.annotate({
      level: 'error',
      title: 'ml-quality-gate: bad input',
      message: err.message,
      ...annotationLocation(workspace, err),
    });
  } else if (err instanceof OperationalError) {
    sink.annotate({ level: 'error', title: 'ml-quality-gate: could not run', message: err.message });
  } else {
    const e = err instanceof Error ? err : new Error(String(err));
    sink.annotate({
      level: 'error',
      title: 'ml-quality-gate: internal error',
      message: `${e.message} (this is a bug; please report it)`,
    });
    sink.untrusted(e.stack ?? e.message);
  }
  return sink.exitCodes.error;
}

/** Keeps the first nine annotations of a level and folds the rest into a tenth. */
export function capAnnotations(annotations: Annotation[]): Annotation[] {
  const out: Annotation[] = [];
  for (const level of ['error', 'warning', 'notice'] as const) {
    const of = annotations.filter((a) => a.level === level);
    if (of.length <= MAX_ANNOTATIONS_PER_LEVEL) {
      out.push(...of);
      continue;
    }
    const kept = of.slice(0, MAX_ANNOTATIONS_PER_LEVEL - 1);
    const rest = of.slice(MAX_ANNOTATIONS_PER_LEVEL - 1);
    out.push(...kept, { level, title: `${rest.length} more`, message: foldMessages(rest) });
  }
  return out;
}

/** One line per annotation, as many as fit in one annotation's message; then how many more. */
function foldMessages(annotations: Annotation[]): string {
  const lines: string[] = [];
  let length = 0;
  for (const a of annotations) {
    const line = truncate(withLocation(a), MAX_ANNOTATION_CHARS);
    if (length + line.length > MAX_ANNOTATION_CHARS - 40 && lines.length > 0) break;
    lines.push(line);
    length += line.length + 1;
  }
  const more = annotations.length - lines.length;
  return lines.join('\n') + (more ? `\n… (truncated, ${more} more)` : '');
}

/** `file:line:column: message` (or `at: message`): an annotation as one line of text. */
export function withLocation(a: Annotation): string {
  const at = a.file ? formatLocation(a) : a.at;
  return at ? `${at}: ${a.message}` : a.message;
}
