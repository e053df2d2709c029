/**
 * CSV (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180) split into rows that remember their 1-based
 * line: quoted fields (with `""` escapes and line breaks inside), LF or CRLF endings, a BOM, no final
 * newline. Blank lines are skipped. An unclosed quote is a UserError at the quote's line.
 */
import { UserError } from '../errors.js';

export interface CsvRow {
  cells: string[];
  line: number;
}

export function parseCsvRows(text: string, file: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && cell === '') {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new UserError(`malformed CSV: quoted field never closed`, file, quoteLine);
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        } else if (text[i] === '\n') {
          line++;
        }
        cell += text[i++];
      }
      i++;
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += c;
    }
    i++;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
