/** Shared by the drift and profile integration tests: golden cases, CSV writing, running drift. */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runAction, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { expectBadInput as expectBad } from './bad-input.js';

export interface GoldenCase {
  id: string;
  kind: string;
  reference: number[];
  current: number[];
  expected: Record<string, number>;
}
const golden: GoldenCase[] = JSON.parse(
  readFileSync(path.join(ROOT, '__tests__/fixtures/golden/two_sample_stats.json'), 'utf8'),
).cases;
export const goldenCase = (id: string) => golden.find((c) => c.id === id) as GoldenCase;

/** Writes columns (same length each) as a CSV; `undefined` cells are left empty (missing). */
export function writeCsv(file: string, columns: Record<string, (string | number | undefined)[]>): string {
  const names = Object.keys(columns);
  const n = columns[names[0]].length;
  const lines = [names.join(',')];
  for (let i = 0; i < n; i++) lines.push(names.map((k) => String(columns[k][i] ?? '')).join(','));
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

export const drift = (inputs: Record<string, string>, cwd = ROOT): ActionRun =>
  runAction({ stage: 'drift', ...inputs }, cwd);
export const report = (run: ActionRun) => JSON.parse(readFileSync(run.outputs.report, 'utf8'));
export const column = (run: ActionRun, name: string) =>
  report(run).columns.find((c: { name: string }) => c.name === name);

/** SciPy agreement: 1e-9 relative, or 1e-12 absolute below 1e-3. */
export function expectClose(actual: number, expected: number): void {
  if (Math.abs(expected) < 1e-3) expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12);
  else expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(1e-9);
}

/**
 * A run stopped by bad input: one error naming the fragments, no stack trace, and the failing
 * verdict — `drift-detected: true`, so a drift that could not be measured never reads as no drift.
 */
export function expectBadInput(run: ActionRun, ...fragments: string[]): void {
  expectBad(run, { 'drift-detected': 'true' }, ...fragments);
  expect(run.code).toBe(1);
}
