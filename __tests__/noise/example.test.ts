import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { comparePredictions } from '../../src/noise/predictions.js';
import { differenceVerdict } from '../../src/noise/verdict.js';
import { readPredictionPair } from '../../src/predictions/pair.js';

/** The worked example of docs/noise.md ("Noise-aware gating") (scripts/golden/noise_example.py). */
const dir = (name: string) => fileURLToPath(new URL(`../fixtures/predictions/${name}`, import.meta.url));
const expected = JSON.parse(readFileSync(dir('expected.json'), 'utf8')) as {
  candidate: Record<string, number>;
  baseline: Record<string, number>;
  mcnemar: { worse: number; better: number; p_value: number; p_worse: number };
};

test('the worked example: a 1.6-point drop a max-drop 0.02 rule lets through is worse, with evidence', async () => {
  const { candidate, baseline } = await readPredictionPair(dir('candidate.csv'), dir('baseline.csv'));
  // (1 000 resamples: the numbers checked here do not depend on them, and Jest's sandbox is slow)
  const { comparisons } = comparePredictions(candidate, baseline, { resamples: 1000 });
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.abs(b);
  for (const [metric, value] of Object.entries(expected.candidate)) {
    const c = comparisons.find((x) => x.metric === metric)!;
    expect({ metric, candidate: close(c.candidate.value, value) }).toEqual({ metric, candidate: true });
    expect({ metric, baseline: close(c.baseline!.value, expected.baseline[metric]) }).toEqual({
      metric,
      baseline: true,
    });
  }
  const accuracy = comparisons.find((x) => x.metric === 'accuracy')!;
  expect(close(accuracy.difference!.evidence!.pBelow(0), expected.mcnemar.p_worse)).toBe(true);
  // the plain rule: a drop of 0.016 is within max-drop 0.02
  expect(-accuracy.difference!.value).toBeLessThan(0.02);
  expect(differenceVerdict(accuracy.difference!, { direction: 'higher' }).text).toBe('worse (p = 0.0028)');
});
