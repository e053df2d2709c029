/**
 * Escaping of untrusted text (metric names, column names, file contents) for the two places it
 * ends up: Markdown/HTML in the job summary, and the job log, where the runner treats a line that
 * starts with `::` or contains `##[` as a workflow command.
 */

const CELL: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '|': '&#124;',
  '`': '&#96;',
  '[': '&#91;',
  ']': '&#93;',
  '*': '&#42;',
  '\\': '&#92;',
};

/** One summary table cell or inline text: HTML and Markdown metacharacters become entities. */
export function escapeCell(text: string): string {
  return text.replace(/[&<>"|`[\]*\\]/g, (c) => CELL[c]).replace(/\r\n|\r|\n/g, ' ');
}

/**
 * One value for the log, on a line the action starts itself: control characters are shown as
 * escapes so the value cannot start a new line, and `##[` is broken so it cannot open a legacy
 * command. `%0A` needs nothing: the runner decodes it only inside a command's own data.
 */
export function inert(text: string): string {
  return (
    text
      // Control characters are exactly what must not reach the log raw.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .replace(/##\[/g, '#\u200b#[')
  );
}
