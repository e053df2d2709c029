/**
 * A metrics CSV (not a logger history: those have a `step` or `epoch` column, lightning-csv.ts).
 * Read only when its shape says unambiguously which cell is which metric; otherwise refused:
 *
 * - long: header `name`/`metric`/`key` then `value`/`score`, one metric a row, named by its first cell;
 * - pandas `Series.to_csv()`: header `,0` (or no header at all), then `<name>,<number>` rows;
 * - a scikit-learn classification report written by pandas (`DataFrame(report).to_csv()`, either
 *   orientation): a first column of labels (the index, whatever its header says) and
 *   precision/recall/f1-score(/support) columns or rows, named as the JSON report is
 *   (`<class>.precision`, `macro avg.f1-score`, `accuracy`);
 * - wide with one row of values (a pandas index column, if any, is dropped), named by the header.
 *
 * A wide CSV with several rows and no step/epoch column is refused: which row holds the metrics is
 * a guess (the first? the last? a mean?). Names are trimmed; cells are numbers (`nan`/`inf` kept as
 * NaN/Infinity) or else kept as text.
 */
import { UserError } from '../../errors.js';
import type { CsvRow } from '../csv-rows.js';
import { parseNumberText } from '../../data/number.js';
import type { Metric, MetricFile } from '../types.js';
import { cellValue, readWideCsv } from './lightning-csv.js';

const NAME_HEADERS = ['name', 'metric', 'metric_name', 'key'];
const VALUE_HEADERS = ['value', 'score'];
const REPORT_FIELDS = ['precision', 'recall', 'f1-score'];

const lower = (cell: string | undefined) => (cell ?? '').trim().toLowerCase();
/** The first header cell pandas writes for an unnamed index: empty, or `Unnamed: 0` after a round trip. */
const isIndexHeader = (cell: string | undefined) => /^(?:|unnamed: 0)$/.test(lower(cell));

export function readCsv(rows: CsvRow[], file: string): MetricFile {
  const [header, ...body] = rows;
  if (isLongHeader(header)) return readLong(body, file);
  if (isHeaderlessLong(rows)) return readLong(rows, file);
  const report = readReport(header, body, file);
  if (report) return report;
  if (isIndexHeader(header.cells[0]) && body.length <= 1) {
    return readWideCsv([dropFirst(header), ...body.map(dropFirst)], file, 'csv');
  }
  if (body.length > 1) {
    throw new UserError(
      `a wide CSV with ${body.length} rows of values and no step or epoch column: which row holds the metrics ` +
        `is ambiguous. Write one row, a name,value table, or a logger history with a step or epoch column`,
      file,
      body[1].line,
    );
  }
  return readWideCsv(rows, file, 'csv');
}

const dropFirst = (row: CsvRow): CsvRow => ({ ...row, cells: row.cells.slice(1) });

function isLongHeader(header: CsvRow): boolean {
  if (header.cells.length !== 2) return false;
  const [name, value] = header.cells.map(lower);
  return (
    (NAME_HEADERS.includes(name) && VALUE_HEADERS.includes(value)) ||
    (isIndexHeader(name) && (value === '0' || VALUE_HEADERS.includes(value)))
  );
}

/** `accuracy,0.9` lines and nothing else: a name,value table without its header (old pandas' Series.to_csv). */
function isHeaderlessLong(rows: CsvRow[]): boolean {
  return rows.every(
    (r) =>
      r.cells.length === 2 && parseNumberText(r.cells[0]) === undefined && parseNumberText(r.cells[1]) !== undefined,
  );
}

function readLong(rows: CsvRow[], file: string): MetricFile {
  const metrics = rows.map((row) => {
    if (row.cells.length !== 2) {
      throw new UserError(`malformed CSV: ${row.cells.length} cells in a name,value table`, file, row.line);
    }
    const name = row.cells[0].trim();
    if (name === '') throw new UserError(`a value without a metric name in a name,value table`, file, row.line);
    return { name, value: cellValue(row.cells[1]), file, line: row.line };
  });
  return { file, format: 'csv', metrics, aliases: {} };
}

/**
 * A pandas-written scikit-learn classification report, named as the JSON report is; undefined when
 * the table is not one. Transposed (`DataFrame(report).T`): a row per class and average, columns
 * precision, recall, f1-score, support. Not transposed: the other way round. The `accuracy` row (or
 * column) repeats one number in every cell: it is read as `accuracy`, and refused if its cells differ.
 */
function readReport(header: CsvRow, body: CsvRow[], file: string): MetricFile | undefined {
  // The first column holds the labels (pandas' index, whatever its header says).
  const columns = header.cells.map((c) => c.trim());
  const labels = body.map((r) => r.cells[0]?.trim() ?? '');
  const byRow = REPORT_FIELDS.every((f) => columns.slice(1).includes(f));
  const byColumn = !byRow && REPORT_FIELDS.every((f) => labels.includes(f));
  if (!byRow && !byColumn) return undefined;
  const metrics: Metric[] = [];
  const accuracy: Metric[] = [];
  body.forEach((row, r) => {
    if (row.cells.length !== columns.length) {
      throw new UserError(
        `malformed CSV: ${row.cells.length} cells but the header has ${columns.length}`,
        file,
        row.line,
      );
    }
    for (let c = 1; c < columns.length; c++) {
      if (row.cells[c].trim() === '') continue;
      const [outer, inner] = byRow ? [labels[r], columns[c]] : [columns[c], labels[r]];
      const m = { name: `${outer}.${inner}`, value: cellValue(row.cells[c]), file, line: row.line };
      if (outer === 'accuracy') {
        if (REPORT_FIELDS.includes(inner)) accuracy.push(m);
      } else metrics.push(m);
    }
  });
  if (accuracy.length > 0) {
    const differs = accuracy.find((m) => !Object.is(m.value, accuracy[0].value));
    if (differs) {
      throw new UserError(
        `the accuracy ${byRow ? 'row' : 'column'} of this classification report holds different numbers ` +
          `(${accuracy.map((m) => `${m.name.slice(9)} ${String(m.value)}`).join(', ')}); pandas writes one value in every cell`,
        file,
        differs.line,
      );
    }
    metrics.push({ ...accuracy[0], name: 'accuracy' });
  }
  return { file, format: 'sklearn-report', metrics, aliases: {} };
}
