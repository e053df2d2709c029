/**
 * Reads the `data` files with the drift stage's readers (streamed into typed columns), one at a
 * time to bound memory. A file with a header but no data rows is read as a table of zero rows, so
 * that validation reports it as failing its rules (never a vacuous pass); missing, empty (0-byte)
 * and unparseable files stay UserErrors.
 */
import { readTable } from '../data/read.js';
import type { DataFormat, Table } from '../data/types.js';

export async function readDataFiles(paths: string[], format: DataFormat | undefined): Promise<Table[]> {
  const tables: Table[] = [];
  for (const p of paths) tables.push(await readTable(p, { format, allowEmpty: true }));
  return tables;
}
