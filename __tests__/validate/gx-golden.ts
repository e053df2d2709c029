/**
 * Great Expectations' own test definitions, converted by scripts/golden/gx_expectations.py into
 * __tests__/fixtures/validate/gx/cases.json: each case is a CSV dataset (written by pandas as GX's
 * DataFrame), one expectations file in our syntax, and GX's verdict. Shared by the unit test (our
 * validate logic on every case) and the integration test (the built action on a sample).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GxCase {
  id: string;
  expectation: string;
  in: Record<string, unknown>;
  dataset: number;
  /** GX's verdict; `error` when its definition expects an exception (never a pass). */
  gx: 'pass' | 'fail' | 'error' | null;
  /** Unexpected rows GX lists (result_format COMPLETE), when its definition lists them. */
  gx_unexpected: number | null;
  expectations?: string;
  skip?: string;
  /** A deliberate difference: our expected outcome, and why. */
  ours?: 'fail' | 'refuse';
  differs?: string;
}

export interface GxFixture {
  commit: string;
  datasets: { id: string; csv: string }[];
  cases: GxCase[];
}

export const gx: GxFixture = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/validate/gx/cases.json', import.meta.url)), 'utf8'),
);

/** Cases whose semantics we share with GX: each must agree. */
export const comparable = gx.cases.filter((c) => !c.skip && !c.differs);
/** Cases where we differ on purpose: each must give our documented outcome. */
export const deliberate = gx.cases.filter((c) => !c.skip && c.differs);

/** Our outcome: the verdict, or `refuse` when the expectations file is refused (a UserError). */
export interface Ours {
  outcome: 'pass' | 'fail' | 'refuse';
  /** Failing rows of the case's rule, for row rules. */
  failing: number | null;
  message: string;
}

/** Does our outcome agree with GX's? An expected exception agrees with a refusal or a failure. */
export function agrees(c: GxCase, ours: Ours): boolean {
  if (c.differs) return ours.outcome === c.ours;
  if (c.gx === 'error') return ours.outcome !== 'pass';
  if (ours.outcome !== c.gx) return false;
  return c.gx_unexpected === null || ours.failing === null || ours.failing === c.gx_unexpected;
}

/** Writes every dataset (`<n>.csv`) and case (`<i>.yml`) to a temporary folder; returns its path. */
export function writeCases(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mqg-gx-'));
  gx.datasets.forEach((d, n) => writeFileSync(path.join(dir, `${n}.csv`), d.csv));
  gx.cases.forEach((c, i) => c.expectations && writeFileSync(path.join(dir, `${i}.yml`), c.expectations));
  return dir;
}
