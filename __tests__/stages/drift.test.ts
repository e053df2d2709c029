/**
 * The drift stage in-process (readSettings → runStage, no dist/): its StageResult with and without
 * drift, and the UserError of bad input with its location. examples/data/*.csv are
 * scripts/gen-bench-data.mjs's output at 1 500 rows: in current.csv num_normal and num_score are
 * shifted and cat_channel re-weighted; every other column has the reference's distribution.
 */
import { UserError } from '../../src/errors.js';
import { errorOf, runInProcess, summaryText } from '../helpers/in-process.js';

const REFERENCE = 'examples/data/reference.csv';
const CURRENT = 'examples/data/current.csv';
const drift = (inputs: Record<string, string>) => runInProcess({ stage: 'drift', ...inputs });

test('the same data on both sides: no drift, share 0', async () => {
  const result = await drift({ reference: REFERENCE, current: REFERENCE });
  expect(result).toMatchObject({ stage: 'drift', ok: true });
  expect(result.outputs).toEqual({ 'drift-detected': 'false', 'drifted-columns': '[]', 'drift-share': '0' });
  expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
});

test('shifted columns drift; an unchanged one does not; the dataset drifts at 3 of 4', async () => {
  const result = await drift({
    reference: REFERENCE,
    current: CURRENT,
    columns: 'num_normal, num_score, cat_channel, num_uniform',
  });
  expect(result.ok).toBe(false);
  expect(result.outputs['drift-detected']).toBe('true');
  expect(JSON.parse(result.outputs['drifted-columns'] as string).sort()).toEqual(
    ['cat_channel', 'num_normal', 'num_score'].sort(),
  );
  expect(result.outputs['drift-share']).toBe('0.75');
  const rows = summaryText(result.summary);
  expect(rows.find((l) => l.includes('| num_uniform |'))).toMatch(/^✅/);
  expect(rows.find((l) => l.includes('| cat_channel |'))).toMatch(/^❌/);
});

test('drift-share decides the dataset verdict: the drifted columns of 20 stay below its 0.5', async () => {
  const result = await drift({ reference: REFERENCE, current: CURRENT });
  expect(JSON.parse(result.outputs['drifted-columns'] as string)).toEqual(
    expect.arrayContaining(['num_normal', 'num_score', 'cat_channel']),
  );
  expect(Number(result.outputs['drift-share'])).toBeLessThan(0.5);
  expect(result.outputs['drift-detected']).toBe('false');
  expect(result.ok).toBe(true);
  // With drift-share at that share, the same columns make the dataset drift.
  const strict = await drift({
    reference: REFERENCE,
    current: CURRENT,
    'drift-share': result.outputs['drift-share'] as string,
  });
  expect(strict.outputs['drift-detected']).toBe('true');
});

describe('bad input: a UserError with its location in the fields', () => {
  test('a ragged CSV row: file and line', async () => {
    const file = '__tests__/fixtures/drift/ragged.csv';
    const e = await errorOf(drift({ reference: file, current: '__tests__/fixtures/drift/small.csv' }));
    expect(e).toBeInstanceOf(UserError);
    // Line 4 of ragged.csv is `3`: one field where the header has two.
    expect(e).toMatchObject({ file, line: 4 });
  });

  test.each([
    [{ reference: REFERENCE, current: CURRENT, 'drift-share': '0' }, 'drifts even when no column drifts'],
    [{ reference: REFERENCE }, "input 'current' is required for stage 'drift'"],
    [{ reference: REFERENCE, current: CURRENT, thresholds: 'a: 1' }, "input 'thresholds' is not used by stage 'drift'"],
  ])('settings %j are refused before the stage runs', async (inputs, message) => {
    const e = await errorOf(drift(inputs));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toContain(message);
  });
});
