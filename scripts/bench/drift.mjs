// Drift on the 1 000 000-row × 20-column benchmark CSVs (generated deterministically by
// scripts/gen-bench-data.mjs into bench-data/ when absent; BENCH_ROWS=<n> for another size, into
// bench-data/<n>/), as whole processes, best of BENCH_RUNS (3), against the peers in the same run
// on the same files (scripts/bench/peers/): pandas + SciPy doing the same tests (read both CSVs, KS
// per numerical column, chi-square per categorical column) and nodejs-polars reading both files.
// Prints wall time, peak RSS and each ratio. Figures are printed, never asserted.
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { actionEnv, benchData, bestOf, cpuAndLoad, measure, ratio, ROOT } from './lib.mjs';
import { findPandasScipy, installPolars, pandasDrift, polarsRead } from './peers/peers.mjs';

/** This action's drift stage on the two files, as the runner runs it; exits non-zero → throws. */
export function actionDrift(reference, current, inputs = {}) {
  const env = actionEnv({ stage: 'drift', reference, current, 'fail-on-violation': 'false', ...inputs });
  const m = measure(['dist/index.js'], { env });
  if (m.code !== 0) throw new Error(`drift exited ${m.code}: ${m.stdout}${m.stderr}`);
  return m;
}

const line = (label, m) =>
  `  ${label.padEnd(44)} ${m.wallS.toFixed(2).padStart(6)} s  ${m.peakRssMB.toFixed(0).padStart(5)} MB  ${cpuAndLoad(m)}`;

export default async function drift() {
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const { reference, current } = benchData(rows);
  console.log(
    `drift, 2 × ${rows} rows × 20 columns, whole processes, best of ${runs} ` +
      `(${availableParallelism()} cores; figures from one run on a shared machine are noisy)`,
  );
  const polarsDir = installPolars();
  const py = findPandasScipy();
  const polars = polarsDir && bestOf(runs, () => polarsRead(polarsDir, [reference, current]));
  const pandas = py && bestOf(runs, () => pandasDrift(py, reference, current));
  if (polars) console.log(line('nodejs-polars 0.25.2 reading both files', polars));
  if (pandas) console.log(line(`${py.label}, KS + chi-square`, pandas));
  for (const [label, inputs] of [
    ['this action, automatic methods', {}],
    [
      'this action, KS + chi-square (as pandas)',
      { 'drift-config': path.join(ROOT, 'scripts/bench/drift-ks-chi2.yml') },
    ],
  ]) {
    const m = bestOf(runs, () => actionDrift(reference, current, inputs));
    const vs = [
      polars && `${ratio(m.wallS, polars.wallS)} Polars's read time (target ≤ 1.3×)`,
      pandas &&
        `pandas + SciPy ${ratio(pandas.wallS, m.wallS)} slower, ${ratio(pandas.peakRssMB, m.peakRssMB)} the memory`,
    ].filter(Boolean);
    console.log(`${line(label, m)}  ${vs.join('; ')}`);
  }
  console.log('  targets: ≤ 1.3× Polars reading both files, peak RSS ≤ 400 MB');
}
