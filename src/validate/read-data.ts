/**
 * Reads the `data` files with the drift stage's readers (streamed into typed columns), one at a
 * time to bound memory. The readers refuse a file with a header but no data rows; validation must
 * instead report such a dataset as failing its rules (never a vacuous pass), so that case is read
 * here as a table of zero rows with the header's columns. Missing, empty (0-byte) and unparseable
 * files stay UserErrors.
 */
import { UserError } from '../errors.js';
import { detectFormat } from '../data/format.js';
import { readTable } from '../data/read.js';
import { readBlocks } from '../data/source.js';
import type { Column, DataFormat, Table } from '../data/types.js';
import { parseCsvRows } from '../metrics/csv-rows.js';

export async function readDataFiles(paths: string[], format: DataFormat | undefined): Promise<Table[]> {
  const tables: Table[] = [];
  for (const p of paths) tables.push(await readData(p, format));
  return tables;
}

async function readData(file: string, format: DataFormat | undefined): Promise<Table> {
  try {
    return await readTable(file, { format });
  } catch (e) {
    // read.ts's wording for a file whose only content is the header (or, for JSONL/Parquet, no rows).
    if (!(e instanceof UserError) || !/: the file (has a header but no data rows|has no data rows)$/.test(e.message)) throw e;
    const detected = detectFormat(file, { format });
    return { file, format: detected.format, rowCount: 0, columns: (await headerNames(file, detected.format, detected.gzip)).map(emptyColumn), lineAnchors: new Int32Array(0) };
  }
}

async function headerNames(file: string, format: DataFormat, gzip: boolean): Promise<string[]> {
  if (format === 'jsonl') return []; // no row, no key
  if (format === 'parquet') {
    const { asyncBufferFromFile, parquetMetadataAsync, parquetSchema } = await import('hyparquet');
    return parquetSchema(await parquetMetadataAsync(await asyncBufferFromFile(file))).children.map((c) => c.element.name);
  }
  let text = '';
  await readBlocks(file, gzip, (buf, end) => { text += buf.toString('utf8', 0, end); return end; });
  if (format === 'tsv') return text.replace(/^\uFEFF/, '').split(/\r?\n/)[0].split('\t');
  return parseCsvRows(text, file)[0]?.cells ?? [];
}

function emptyColumn(name: string): Column {
  return { kind: 'numeric', name, values: new Float64Array(0), missing: 0, integerLike: true, distinct: 0 };
}
