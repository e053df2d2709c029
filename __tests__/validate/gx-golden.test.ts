/**
 * Every comparable case of Great Expectations' test definitions (gx-golden.ts) run through our
 * validate logic: parse the expectations, read the CSV, check. The verdict must be GX's, and so
 * must the number of failing rows where GX lists its unexpected rows.
 */
import * as path from 'node:path';
import { UserError } from '../../src/errors.js';
import { cellTextsFor } from '../../src/validate/cell-text.js';
import { checkTable } from '../../src/validate/check.js';
import { parseExpectations } from '../../src/validate/parse.js';
import { readDataFiles } from '../../src/validate/read-data.js';
import { agrees, comparable, deliberate, gx, writeCases, type GxCase, type Ours } from './gx-golden.js';

const dir = writeCases();

async function ours(c: GxCase): Promise<Ours> {
  let exp;
  try {
    exp = await parseExpectations(c.expectations!, 'gx.yml');
  } catch (e) {
    if (e instanceof UserError) return { outcome: 'refuse', failing: null, message: e.message };
    throw e;
  }
  const [table] = await readDataFiles([path.join(dir, `${c.dataset}.csv`)], undefined);
  const results = checkTable(table, exp, await cellTextsFor(table, exp));
  const rule = results[results.length - 1];
  return {
    outcome: results.every((r) => r.passed) ? 'pass' : 'fail',
    failing: rule.failing,
    message: results.map((r) => `${r.text}: ${r.message}`).join('; '),
  };
}

test('the fixture holds GX cases of every expectation we map', () => {
  expect(new Set(gx.cases.map((c) => c.expectation)).size).toBe(11);
  expect(comparable.length).toBeGreaterThanOrEqual(90);
});

test('every comparable GX case agrees with our validate logic', async () => {
  const disagreements: string[] = [];
  for (const c of comparable) {
    const o = await ours(c);
    if (!agrees(c, o))
      disagreements.push(
        `${c.id}: GX ${c.gx}${c.gx_unexpected === null ? '' : ` (${c.gx_unexpected} unexpected)`}, ours ${o.outcome}` +
          `${o.failing === null ? '' : ` (${o.failing} failing)`}: ${o.message}`,
      );
  }
  expect({ agree: `${comparable.length - disagreements.length} of ${comparable.length}`, disagreements }).toEqual({
    agree: `${comparable.length} of ${comparable.length}`,
    disagreements: [],
  });
});

test.each(deliberate.map((c) => [c.id, c] as const))('deliberate difference: %s', async (_id, c) => {
  const o = await ours(c);
  expect({ outcome: o.outcome, why: c.differs }).toEqual({ outcome: c.ours, why: c.differs });
});
