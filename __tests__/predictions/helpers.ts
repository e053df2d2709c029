/** Writes predictions tables to real files (CSV or JSON Lines) in a temporary folder, for the reader. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Cell = string | number | boolean | null;

/** A temporary folder, removed by `cleanup()`. */
export function tempFolder(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'mqg-predictions-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A cell as pandas' to_csv writes it: booleans True/False, null empty, numbers in their shortest form. */
function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes `columns` (equal-length arrays) as `<dir>/<name>` in CSV or JSON Lines by the extension. */
export function writeTable(dir: string, name: string, columns: Record<string, Cell[]>): string {
  const names = Object.keys(columns);
  const n = columns[names[0]].length;
  const lines: string[] = [];
  if (name.endsWith('.jsonl')) {
    for (let i = 0; i < n; i++) lines.push(JSON.stringify(Object.fromEntries(names.map((c) => [c, columns[c][i]]))));
  } else {
    lines.push(names.map((c) => csvCell(c)).join(','));
    for (let i = 0; i < n; i++) lines.push(names.map((c) => csvCell(columns[c][i])).join(','));
  }
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
