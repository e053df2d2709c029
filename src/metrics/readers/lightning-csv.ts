/**
 * PyTorch Lightning CSVLogger `metrics.csv` (https://lightning.ai/docs/pytorch/stable/api/lightning.pytorch.loggers.csv_logs.html),
 * also the wide form of any metrics CSV: a header of metric names, one row per logging step, empty
 * cells where a metric was not logged (train rows have no val columns). Each column keeps its last
 * non-empty cell, on that row's line; `step` and `epoch` are columns like the others. Column names
 * are trimmed (Ultralytics pads them with spaces); a name used by two columns is refused (unique.ts).
 * Cells are numbers (`nan`/`inf` kept as NaN/Infinity) or else kept as text.
 */
import { UserError } from '../../errors.js';
import type { CsvRow } from '../csv-rows.js';
import { parseNumberText } from '../../data/number.js';
import type { Metric, MetricFile } from '../types.js';

export function cellValue(cell: string): number | string {
  return parseNumberText(cell) ?? cell;
}

export function readWideCsv(rows: CsvRow[], file: string, format: string): MetricFile {
  if (rows.length === 0) throw new UserError(`empty file`, file);
  const [header, ...body] = rows;
  const names = header.cells.map((c) => c.trim());
  const last = new Map<number, Metric>();
  for (const row of body) {
    if (row.cells.length !== header.cells.length) {
      throw new UserError(
        `malformed CSV: ${row.cells.length} cells but the header has ${header.cells.length}`,
        file,
        row.line,
      );
    }
    row.cells.forEach((cell, c) => {
      if (cell.trim() === '') return;
      if (names[c] === '') throw new UserError(`a value in a column without a name (column ${c + 1})`, file, row.line);
      last.set(c, { name: names[c], value: cellValue(cell), file, line: row.line });
    });
  }
  const metrics = [...last].sort((a, b) => a[0] - b[0]).map(([, m]) => m);
  return { file, format, metrics, aliases: {} };
}
