// Noise-aware verdicts (issue 14): calibration and power of the `significance: 0.05` rule against
// today's plain max-drop rule, on simulated evaluations at n = 200, 2 000 and 20 000, and the speed
// of the comparison at 10^6 examples. Figures are printed, never asserted.
//
// The pure functions come from the TypeScript sources, bundled by ncc (scripts/bench/noise-entry.ts)
// into a temporary folder: the action's dist/ exports no library functions.
//
// Simulated model pairs (accuracy 0.90 for the baseline): on each example the two models are both
// right, only one right, or both wrong; under the null both are right alone on 4 % of the examples
// (q = 0.04, so they disagree on 8 %, a typical pair of retrained models). A true drop of δ moves
// δ of the examples from "both right" to "only the baseline right".
//  - paired: both models scored on the same test set (a resample of the population);
//  - unpaired: each on its own test set — the "two evaluations of equally good models".
// Monte-Carlo error: a rate r from R simulations has standard error √(r(1 − r)/R) (0.22 points for
// 5 % at R = 10 000), printed as "± 2 SE". ~16 min on a busy 2-core machine; fewer simulations with
// BENCH_SIMULATIONS (default 10 000), BENCH_METRIC_SIMULATIONS (500) and BENCH_LARGE_SIMULATIONS (200).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, tempDir } from './lib.mjs';

const NS = [200, 2000, 20_000];
const ALPHA = 0.05;
const Q = 0.04;
const BASE_ACCURACY = 0.9;
const R = Number(process.env.BENCH_SIMULATIONS ?? 10_000);

/** Bundles scripts/bench/noise-entry.ts with ncc and imports it. */
async function load() {
  const out = tempDir('mqg-bench-noise-');
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      'scripts/bench/noise-entry.ts',
      '-o',
      out,
      '--transpile-only',
      '--quiet',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  return import(pathToFileURL(path.join(out, 'index.js')).href);
}

const pct = (r) => `${(100 * r).toFixed(1)} %`;
const se = (r, runs) => Math.sqrt((r * (1 - r)) / runs);
const withError = (r, runs) => `${pct(r).padStart(6)} ± ${(200 * se(r, runs)).toFixed(1)}`;
const exceeds = (x, limit) => x > limit + 1e-9; // src/rules/evaluate.ts's slack
/** A standard normal draw (Irwin–Hall with 12 uniforms: plenty for simulated model scores). */
const gauss = (u) => {
  let s = 0;
  for (let i = 0; i < 12; i++) s += u();
  return s - 6;
};

export default async function noise() {
  const t0 = Date.now();
  const lib = await load();
  const u = lib.mulberry32(14);
  const binomial = (n, p) => lib.sampleBinomial(n, p, u);
  /** Joint counts on one test set: [both right, only candidate right, only baseline right, both wrong]. */
  const pairedCounts = (n, drop) => {
    const probs = [BASE_ACCURACY - Q - drop, Q, Q + drop, 1 - BASE_ACCURACY - Q];
    const out = [];
    let left = n;
    let mass = 1;
    for (let j = 0; j < 3; j++) {
      const c = left > 0 ? binomial(left, Math.min(1, probs[j] / mass)) : 0;
      out.push(c);
      left -= c;
      mass -= probs[j];
    }
    out.push(left);
    return out;
  };

  console.log(
    `noise-aware verdicts: ${R} simulated evaluations per cell, α = ${ALPHA}, Node ${process.version}, load ${loadavg()[0].toFixed(1)}`,
  );
  console.log('accuracy 0.90 (baseline), models disagree on 8 % of examples; rates as % ± 2 SE\n');

  // 1. False failures under the null.
  console.log('False failures, two equally good models (should be ≤ 5 % for the significance rule):');
  console.log(
    '  n        | unpaired: max-drop 0.01 | significance (2-prop z) | sig. + max-drop 0.01 || ' +
      'paired: max-drop 0.01 | significance (McNemar) | sig. + max-drop 0.01 (bootstrap)',
  );
  for (const n of NS) {
    let plainU = 0;
    let zU = 0;
    let zMarginU = 0;
    let plainP = 0;
    let mcnemar = 0;
    let marginP = 0;
    const bootRuns = Math.min(R, 2000);
    for (let r = 0; r < R; r++) {
      // unpaired: separate test sets
      const xc = binomial(n, BASE_ACCURACY);
      const xb = binomial(n, BASE_ACCURACY);
      if (exceeds((xb - xc) / n, 0.01)) plainU++;
      if (lib.twoProportionZ(xc, n, xb, n, { alternative: 'smaller' }).pValue < ALPHA) zU++;
      if (lib.twoProportionZ(xc, n, xb, n, { alternative: 'smaller', value: -0.01 }).pValue < ALPHA) zMarginU++;
      // paired: one test set
      const [both, cOnly, bOnly, none] = pairedCounts(n, 0);
      if (exceeds((bOnly - cOnly) / n, 0.01)) plainP++;
      if (lib.mcnemarExact(bOnly, cOnly).pWorse < ALPHA) mcnemar++;
      if (r < bootRuns) {
        const [diff] = lib.bootstrapReplicates([both, cOnly, bOnly, none], 1, (c, out) => {
          out[0] = (c[1] - c[2]) / n;
        });
        if (lib.bootstrapPValue(diff.sort(), -0.01, 'below') < ALPHA) marginP++;
      }
    }
    console.log(
      [
        `  ${String(n).padEnd(8)}`,
        withError(plainU / R, R).padEnd(23),
        withError(zU / R, R).padEnd(23),
        `${withError(zMarginU / R, R).padEnd(20)} || ${withError(plainP / R, R).padEnd(21)}`,
        withError(mcnemar / R, R).padEnd(22),
        `${withError(marginP / bootRuns, bootRuns)} (R = ${bootRuns})`,
      ].join(' | '),
    );
  }

  // 2. Power against true drops, and what the plain rules let through.
  console.log('\nPower: share of evaluations the significance rule fails (margin 0), paired data unless marked:');
  console.log(
    '  n        | drop | McNemar (paired) | 2-prop z on the same pairs | 2-prop z, unpaired data | plain max-drop 0.02 misses',
  );
  for (const n of NS) {
    for (const drop of [0.01, 0.02, 0.03, 0.05]) {
      let mc = 0;
      let zSame = 0;
      let zUnpaired = 0;
      let missed = 0;
      for (let r = 0; r < R; r++) {
        const [both, cOnly, bOnly] = pairedCounts(n, drop);
        const xc = both + cOnly;
        const xb = both + bOnly;
        if (lib.mcnemarExact(bOnly, cOnly).pWorse < ALPHA) mc++;
        if (lib.twoProportionZ(xc, n, xb, n, { alternative: 'smaller' }).pValue < ALPHA) zSame++;
        const uc = binomial(n, BASE_ACCURACY - drop);
        const ub = binomial(n, BASE_ACCURACY);
        if (lib.twoProportionZ(uc, n, ub, n, { alternative: 'smaller' }).pValue < ALPHA) zUnpaired++;
        if (!exceeds((xb - xc) / n, 0.02)) missed++;
      }
      console.log(
        [
          `  ${String(n).padEnd(8)}`,
          `${(drop * 100).toFixed(0).padStart(2)} pt`,
          withError(mc / R, R).padEnd(16),
          withError(zSame / R, R).padEnd(26),
          withError(zUnpaired / R, R).padEnd(23),
          withError(missed / R, R),
        ].join(' | '),
      );
    }
  }

  // 3. The margin rule at its boundary: a true drop of exactly the margin should fail ≤ 5 %.
  console.log(
    '\nsignificance + max-drop 0.01 when the true drop is exactly 0.01 (the null at the boundary; should be ≤ 5 %):',
  );
  const boundaryRuns = Math.min(R, 2000);
  for (const n of NS) {
    let boot = 0;
    let z = 0;
    for (let r = 0; r < boundaryRuns; r++) {
      const [both, cOnly, bOnly, none] = pairedCounts(n, 0.01);
      const [diff] = lib.bootstrapReplicates([both, cOnly, bOnly, none], 1, (c, out) => {
        out[0] = (c[1] - c[2]) / n;
      });
      if (lib.bootstrapPValue(diff.sort(), -0.01, 'below') < ALPHA) boot++;
      const uc = binomial(n, BASE_ACCURACY - 0.01);
      const ub = binomial(n, BASE_ACCURACY);
      if (lib.twoProportionZ(uc, n, ub, n, { alternative: 'smaller', value: -0.01 }).pValue < ALPHA) z++;
    }
    console.log(
      `  n = ${String(n).padEnd(6)}  paired bootstrap ${withError(boot / boundaryRuns, boundaryRuns)}   ` +
        `unpaired 2-prop z ${withError(z / boundaryRuns, boundaryRuns)}   (R = ${boundaryRuns})`,
    );
  }

  // 4. The other metrics: two equally good (exchangeable) models with scores, the full comparison.
  const resamples = 1000;
  console.log(
    `\nOther metrics, two equally good models (positives 30 %), ${resamples} resamples per comparison: false failures`,
  );
  const classes = ['0', '1'];
  const names = ['f1', 'f1_macro', 'precision_weighted', 'roc_auc', 'log_loss'];
  for (const n of NS) {
    const runs =
      n >= 20_000
        ? Number(process.env.BENCH_LARGE_SIMULATIONS ?? 200)
        : Number(process.env.BENCH_METRIC_SIMULATIONS ?? 500);
    const fails = Object.fromEntries(names.map((m) => [m, 0]));
    const methods = {};
    for (let r = 0; r < runs; r++) {
      const yTrue = new Int32Array(n);
      const model = () => ({ yPred: new Int32Array(n), score: new Float64Array(n) });
      const [c, b] = [model(), model()];
      for (let i = 0; i < n; i++) {
        const y = u() < 0.3 ? 1 : 0;
        const shared = gauss(u);
        yTrue[i] = y;
        for (const m of [c, b]) {
          m.score[i] = 1 / (1 + Math.exp(-((2 * y - 1) * 1.2 + shared + 0.7 * gauss(u))));
          m.yPred[i] = m.score[i] >= 0.5 ? 1 : 0;
        }
      }
      const p = (m) => ({
        file: 'sim',
        n,
        classes,
        numericLabels: true,
        yTrue,
        yPred: m.yPred,
        score: m.score,
        line: () => undefined,
      });
      const { comparisons } = lib.comparePredictions(p(c), p(b), { resamples, seed: r + 1 });
      for (const x of comparisons) {
        if (!names.includes(x.metric)) continue;
        methods[x.metric] = x.difference.evidence?.method;
        const direction = x.metric === 'log_loss' ? 'lower' : 'higher';
        if (lib.differenceVerdict(x.difference, { direction, significance: ALPHA }).kind === 'worse') fails[x.metric]++;
      }
    }
    console.log(
      `  n = ${String(n).padEnd(6)} (R = ${runs}) ` +
        names
          .map(
            (m) => `${m} ${withError(fails[m] / runs, runs)}${methods[m] === 'jackknife-normal' ? ' (jackknife)' : ''}`,
          )
          .join(' | '),
    );
  }

  // 5. Speed at 10^6 examples.
  console.log('\nSpeed, paired comparison of two models on 1 000 000 examples (binary, with scores), one thread:');
  const n = 1_000_000;
  const yTrue = new Int32Array(n);
  const sc = new Float64Array(n);
  const sb = new Float64Array(n);
  const pc = new Int32Array(n);
  const pb = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const y = u() < 0.3 ? 1 : 0;
    const shared = gauss(u);
    yTrue[i] = y;
    sc[i] = Math.round(1e6 / (1 + Math.exp(-((2 * y - 1) * 1.2 + shared + 0.7 * gauss(u))))) / 1e6;
    sb[i] = Math.round(1e6 / (1 + Math.exp(-((2 * y - 1) * 1.15 + shared + 0.7 * gauss(u))))) / 1e6;
    pc[i] = sc[i] >= 0.5 ? 1 : 0;
    pb[i] = sb[i] >= 0.5 ? 1 : 0;
  }
  const pred = (yPred, score) => ({
    file: 'sim',
    n,
    classes,
    numericLabels: true,
    yTrue,
    yPred,
    score,
    line: () => undefined,
  });
  let t = performance.now();
  const full = lib.comparePredictions(pred(pc, sc), pred(pb, sb));
  const ms = performance.now() - t;
  const methods = [...new Set(full.comparisons.map((c) => `${c.metric}: ${c.difference.evidence?.method}`))];
  console.log(`  all metrics, 10 000 resamples: ${(ms / 1000).toFixed(2)} s`);
  console.log(`    ${methods.join(', ')}`);
  t = performance.now();
  lib.comparePredictions(pred(pc, undefined), pred(pb, undefined));
  console.log(
    `  accuracy, precision, recall, F1 (all averages) alone: ${((performance.now() - t) / 1000).toFixed(2)} s ` +
      '— multinomial draws over the distinct outcomes',
  );
  const B = 50;
  t = performance.now();
  lib.comparePredictions(pred(pc, sc), pred(pb, sb), { resamples: B, maxBootstrapWork: Infinity });
  const perResample = (performance.now() - t) / B;
  console.log(
    `  per-example paired bootstrap of log loss and ROC AUC (what the work budget avoids): ${perResample.toFixed(0)} ms per resample → ` +
      `~${((perResample * 10_000) / 1000 / 60).toFixed(0)} min for 10 000`,
  );

  // Reading the two files (CSV, 1 000 000 rows each) and pairing them by id.
  const dir = path.join(ROOT, 'bench-data', 'noise');
  if (!existsSync(path.join(dir, 'baseline.csv'))) {
    mkdirSync(dir, { recursive: true });
    for (const [name, yPred, score] of [
      ['candidate.csv', pc, sc],
      ['baseline.csv', pb, sb],
    ]) {
      const lines = ['id,y_true,y_pred,score'];
      for (let i = 0; i < n; i++) lines.push(`${i},${yTrue[i]},${yPred[i]},${score[i]}`);
      writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
    }
  }
  t = performance.now();
  const pair = await lib.readPredictionPair(path.join(dir, 'candidate.csv'), path.join(dir, 'baseline.csv'));
  const readMs = performance.now() - t;
  t = performance.now();
  lib.comparePredictions(pair.candidate, pair.baseline);
  console.log(
    `  read + pair two 1 000 000-row CSV files by id: ${(readMs / 1000).toFixed(2)} s; ` +
      `compare: ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );
  console.log(`\n(total ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
