// Drift on the 1 000 000-row × 20-column benchmark CSVs (generated deterministically by
// scripts/gen-bench-data.mjs into bench-data/ when absent), as a whole process: wall time and peak
// RSS, against pandas 1.5 + SciPy 1.10 doing the same tests on this 2-core machine (read both
// CSVs, KS per numerical column, chi-square per categorical column): 9.0 s wall, 700 MB peak.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { actionEnv, measure, ROOT } from './lib.mjs';

const PANDAS_SCIPY = { wallS: 9.0, peakMB: 700 };

export default async function drift() {
  const data = path.join(ROOT, 'bench-data');
  if (!existsSync(path.join(data, 'current.csv'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-bench-data.mjs'), data], { stdio: 'inherit' });
  }
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  for (const [label, inputs] of [
    ['auto methods (wasserstein / jensenshannon)', {}],
    [
      'KS + chi-square, as the pandas/SciPy script',
      { 'drift-config': path.join(ROOT, 'scripts/bench/drift-ks-chi2.yml') },
    ],
  ]) {
    const results = [];
    for (let r = 0; r < runs; r++) {
      const env = actionEnv({
        stage: 'drift',
        reference: path.join(data, 'reference.csv'),
        current: path.join(data, 'current.csv'),
        'fail-on-violation': 'false',
        ...inputs,
      });
      const m = measure(['dist/index.js'], { env });
      if (m.code !== 0) throw new Error(`drift exited ${m.code}: ${m.stdout}${m.stderr}`);
      results.push(m);
    }
    const best = results.reduce((a, b) => (a.wallMs < b.wallMs ? a : b));
    const peak = Math.max(...results.map((m) => m.peakRssMB));
    console.log(`drift, 2 × 1 000 000 rows × 20 columns, ${label}: best of ${runs}`);
    console.log(
      `  wall ${(best.wallMs / 1000).toFixed(2)} s (target ≤ 3.0 s; pandas+SciPy ${PANDAS_SCIPY.wallS} s → ${(PANDAS_SCIPY.wallS / (best.wallMs / 1000)).toFixed(1)}× faster)`,
    );
    console.log(`  peak RSS ${peak.toFixed(0)} MB (target ≤ 500 MB; pandas+SciPy ${PANDAS_SCIPY.peakMB} MB)`);
  }
}
