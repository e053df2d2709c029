/**
 * Champion vs challenger on paired predictions (issue 14, item 5), with real git: the version tag
 * records the path of the predictions it was promoted with, the champion's file is read from git
 * at its commit and paired with the challenger's, and the rules decide on the paired tests (exact
 * McNemar for accuracy) — a challenger refused only on evidence (`significance`), or promoted only
 * on evidence (`confidence`). Without the champion's predictions, the check falls back and says so.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPromote } from '../../src/stages/promote.js';
import { commitModel, gitFixture, promoteSettings, tagMessage, tagsOf, type Fixture } from './helpers.js';

let fx: Fixture;
beforeEach(() => {
  fx = gitFixture();
});
afterEach(() => fx.cleanup());

const N = 2000;
const SIGNIFICANCE = 'defaults: { significance: 0.05 }\naccuracy: { min: 0.8, max-drop: 0 }';
const CONFIDENCE = 'defaults: { confidence: 0.95 }\naccuracy: { min: 0.8, max-drop: 0 }';
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** A binary test set of N examples (y_true alternating) where the model is wrong exactly on `wrong`. */
function predictionsCsv(wrong: number[], yTrue = (i: number) => i % 2): string {
  const w = new Set(wrong);
  const rows = range(0, N).map((i) => `ex${i},${yTrue(i)},${w.has(i) ? 1 - yTrue(i) : yTrue(i)}`);
  return `id,y_true,y_pred\n${rows.join('\n')}\n`;
}

/** Commits the model with its predictions at `file` (committed unless under .ml-quality-gate/). */
function commitWithPredictions(
  repo: string,
  wrong: number[],
  file = 'reports/predictions.csv',
  yTrue?: (i: number) => number,
) {
  mkdirSync(join(repo, file, '..'), { recursive: true });
  writeFileSync(join(repo, file), predictionsCsv(wrong, yTrue));
  return commitModel(repo, { eval_loss: 0.3 }, `weights ${wrong.length} ${wrong[0]}`);
}

const promote = (repo: string, thresholds: string, predictions = 'reports/predictions.csv') =>
  runPromote(promoteSettings(repo, { thresholds, predictions }), { env: {}, cwd: repo });

/** The champion: 90 % right (wrong on examples 0–199). */
async function champion(repo: string, file?: string) {
  commitWithPredictions(repo, range(0, 200), file);
  const result = await promote(repo, SIGNIFICANCE, file);
  expect(result.ok).toBe(true);
  return result;
}

test('the version tag records the predictions path and the file is stored with the model', async () => {
  const repo = fx.clone('work');
  const result = await champion(repo);
  expect(tagMessage(repo, 'churn@v0.1.0').predictions).toBe('reports/predictions.csv');
  expect(tagMessage(repo, 'churn@v0.1.0').metrics).toMatchObject({ accuracy: 0.9 });
  const stored = result.outputs['artifact-id'] as string;
  expect(existsSync(join(stored, 'reports', 'predictions.csv'))).toBe(true);
});

test('significance: 10 examples lost and 6 gained (McNemar p ≈ 0.23) is within noise, so the challenger is promoted', async () => {
  const repo = fx.clone('work');
  await champion(repo);
  commitWithPredictions(repo, [...range(6, 200), ...range(200, 210)]);
  // the plain rule refuses 0.898 against 0.9
  expect((await promote(repo, 'accuracy: { min: 0.8, max-drop: 0 }')).ok).toBe(false);
  const result = await promote(repo, SIGNIFICANCE);
  expect(result.outputs.promoted).toBe('true');
  expect(JSON.stringify(result.summary)).toContain("Paired with the champion v0.1.0's predictions");
});

test('significance: 40 examples lost and none gained is evidence, so the challenger is refused', async () => {
  const repo = fx.clone('work');
  await champion(repo);
  commitWithPredictions(repo, range(0, 240));
  const result = await promote(repo, SIGNIFICANCE);
  expect(result.ok).toBe(false);
  expect(result.outputs.promoted).toBe('false');
  expect(JSON.stringify(result.annotations)).toContain('worse (p');
});

test('confidence: 10 gained and 6 lost is not evidence enough to replace the champion; 50 gained and 2 lost is', async () => {
  const repo = fx.clone('work');
  await champion(repo);
  commitWithPredictions(repo, [...range(10, 200), ...range(200, 206)]);
  const small = await promote(repo, CONFIDENCE);
  expect(small.ok).toBe(false);
  expect(JSON.stringify(small.annotations)).toContain('does not clear 0');
  commitWithPredictions(repo, [...range(50, 200), ...range(200, 202)]);
  expect((await promote(repo, CONFIDENCE)).outputs.promoted).toBe('true');
});

test('a champion promoted without predictions: the check falls back to its tag metrics and says so', async () => {
  const repo = fx.clone('work');
  commitModel(repo, { accuracy: 0.9 });
  expect((await runPromote(promoteSettings(repo, { thresholds: SIGNIFICANCE }), { env: {}, cwd: repo })).ok).toBe(true);
  commitWithPredictions(repo, [...range(6, 200), ...range(200, 210)]);
  const result = await promote(repo, SIGNIFICANCE);
  const summary = JSON.stringify(result.summary);
  expect(summary).toContain('Not paired: the champion v0.1.0 recorded no predictions in its version tag');
  expect((result.report as { champion_note: string }).champion_note).toContain('Not paired');
});

test('a champion whose predictions were never committed: the check falls back and says so', async () => {
  const repo = fx.clone('work');
  await champion(repo, '.ml-quality-gate/eval/predictions.csv');
  commitWithPredictions(repo, [...range(6, 200), ...range(200, 210)]);
  const result = await promote(repo, SIGNIFICANCE);
  expect(JSON.stringify(result.summary)).toMatch(
    /Not paired: the champion v0\.1\.0's predictions \.ml-quality-gate\/eval\/predictions\.csv at [0-9a-f]{12} are not in its commit/,
  );
});

test("predictions of a different test set than the champion's are refused, and nothing is promoted", async () => {
  const repo = fx.clone('work');
  await champion(repo);
  const before = tagsOf(repo);
  commitWithPredictions(repo, range(0, 200), 'reports/predictions.csv', (i) => (i < 1000 ? 1 : 0));
  await expect(promote(repo, SIGNIFICANCE)).rejects.toThrow(/both files must label the same test set/);
  await expect(promote(repo, SIGNIFICANCE)).rejects.toThrow(
    /champion v0\.1\.0's predictions, committed at [0-9a-f]{12}/,
  );
  expect(tagsOf(repo)).toEqual(before);
});
