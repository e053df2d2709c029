/**
 * An error in what the user gave us (inputs, files, rules). The reporter prints its message as one
 * annotation pointing at `file`/`line` and exits non-zero, without a stack trace; any other thrown
 * error is a bug in the action and is reported with its stack.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Location prefix `file:line:column: ` used in messages, omitting what is unknown. */
export function where(file?: string, line?: number, column?: number): string {
  if (!file) return '';
  return `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: `;
}
