/**
 * The two kinds of error a stage may end with, besides a bug:
 *
 * - `UserError`: what the user gave us (inputs, files, rules) is wrong. The location lives in the
 *   fields (`file` or `input`, `line`, `column`), never in the message: the sink prints it once,
 *   as `file:line:column: message`, and annotates the file's line.
 * - `OperationalError`: something outside the input failed (git, a server, the file system). Also
 *   reported without a stack trace, as "could not run".
 *
 * Any other thrown error is a bug in the action and is reported with its stack.
 */

/** Where an error is: a file (as the user gave its path) or an input holding inline text. */
export interface Location {
  file?: string;
  /** Name of the input whose inline text is meant, when there is no file (`thresholds`). */
  input?: string;
  line?: number;
  column?: number;
}

export class UserError extends Error {
  readonly file?: string;
  readonly input?: string;
  readonly line?: number;
  readonly column?: number;

  /**
   * @example
   * new UserError("rule for 'f1': min must be a number", 'gate.yml', 3)
   * new UserError("rule for 'f1': min must be a number", { input: 'thresholds', line: 3 })
   */
  constructor(message: string, at: string | Location = {}, line?: number, column?: number) {
    super(message);
    this.name = 'UserError';
    const loc: Location = typeof at === 'string' ? { file: at, line, column } : at;
    this.file = loc.file;
    this.input = loc.input;
    this.line = loc.line;
    this.column = loc.column;
  }

  /**
   * One error for several problems: the first one's location in the fields, each further problem on
   * its own line with its own location.
   */
  static combine(problems: (Location & { message: string })[]): UserError {
    const [first, ...rest] = problems;
    const more = rest.map((p) => `\n${formatLocation(p) ? `${formatLocation(p)}: ` : ''}${p.message}`).join('');
    return new UserError(`${first.message}${more}`, first);
  }
}

/** A failure outside the user's input (git, network, file system): no stack trace, not "bad input". */
export class OperationalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OperationalError';
  }
}

/**
 * `file:line:column`, `input 'name' line 3`, or '' when nothing is known.
 *
 * @example
 * formatLocation({ file: 'gate.yml', line: 3 }) // 'gate.yml:3'
 * formatLocation({ input: 'thresholds', line: 2 }) // "input 'thresholds' line 2"
 */
export function formatLocation(loc: Location): string {
  if (loc.file) return `${loc.file}${loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : ''}`;
  if (loc.input) return `input '${loc.input}'${loc.line ? ` line ${loc.line}` : ''}`;
  return '';
}

/** The message with its location in front, once: what a sink prints. */
export function locatedMessage(err: UserError): string {
  const at = formatLocation(err);
  return at ? `${at}: ${err.message}` : err.message;
}
