/**
 * A metrics CSV in either form: long, a `name,value` table (header `name`/`metric`/`key` then
 * `value`), one metric per row on its line; or wide, metric names in the header, read like a
 * Lightning CSVLogger file (lightning-csv.ts: last non-empty cell of each column).
 */
import type { CsvRow } from '../csv-rows.js';
import type { MetricFile } from '../types.js';
import { cellValue, readWideCsv } from './lightning-csv.js';

function isLongCsv(rows: CsvRow[]): boolean {
  const header = rows[0]?.cells.map((c) => c.trim().toLowerCase());
  return header?.length === 2 && ['name', 'metric', 'key'].includes(header[0]) && header[1] === 'value';
}

export function readCsv(rows: CsvRow[], file: string): MetricFile {
  if (!isLongCsv(rows)) return readWideCsv(rows, file, 'csv');
  const metrics = rows
    .slice(1)
    .map((row) => ({ name: row.cells[0], value: cellValue(row.cells[1] ?? ''), file, line: row.line }));
  return { file, format: 'csv', metrics, aliases: {} };
}
