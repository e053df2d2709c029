// Reference profiles (issue 7) on the benchmark CSVs (scripts/gen-bench-data.mjs, 20 columns):
//  - `profile-out` (in parts, one per core) on the 1 000 000-row reference CSV against nodejs-polars
//    reading that file, in the same run (scripts/bench/peers/), best of BENCH_RUNS (3): wall, peak
//    RSS, CPU time, load, ratio;
//  - `profile-out` on the 1 000 000-row CSV and on a 5 000 000-row one generated on the fly into
//    bench-data/5000000/ (same generator, ~0.6 GB per file): wall time, peak RSS (target ≤ 200 MB at
//    both sizes: memory must not grow with rows), profile size (target ≤ 1 MB);
//  - the reference profile's KLL sketches against the exact ECDF of each numeric column: the largest
//    |F̂(x) − F(x)| over the data values, beside the bound the profile states;
//  - drift from profiles (reference profile vs current profile) against the exact path on the
//    1M-row pair: the flagged columns, with the automatic methods and with KS + chi-square; every
//    KS statistic against the exact one and the bound the report states.
// Figures are printed, never asserted.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { benchData, bestOf, cpuAndLoad, measure, ratio, ROOT, tempDir } from './lib.mjs';
import { installPolars, polarsRead } from './peers/peers.mjs';

function action(inputs) {
  const tmp = tempDir('mqg-bench-');
  writeFileSync(path.join(tmp, 'out'), '');
  writeFileSync(path.join(tmp, 'summary'), '');
  const env = {
    ...process.env,
    INPUT_STAGE: 'drift',
    'INPUT_FAIL-ON-VIOLATION': 'false',
    'INPUT_REPORT-PATH': path.join(tmp, 'report.json'),
    GITHUB_OUTPUT: path.join(tmp, 'out'),
    GITHUB_STEP_SUMMARY: path.join(tmp, 'summary'),
    RUNNER_TEMP: tmp,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const m = measure(['dist/index.js'], { env });
  if (m.code !== 0) throw new Error(`drift exited ${m.code}: ${m.stdout}${m.stderr}`);
  return { ...m, report: JSON.parse(readFileSync(path.join(tmp, 'report.json'), 'utf8')) };
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);

/**
 * Each numeric column's KLL sketch in `profileFile` against the exact ECDF of that column of `csv`
 * (the bench CSVs: no quotes, empty cell = missing): max over the data values x of |F̂(x) − F(x)|,
 * beside the bound the profile states (rankErrorBound, δ = 0.01).
 */
function kllRankErrors(csv, profileFile) {
  const lines = readFileSync(csv, 'latin1').split('\n');
  const header = lines[0].split(',');
  const rows = lines.at(-1) === '' ? lines.length - 2 : lines.length - 1;
  const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
  const results = [];
  for (const col of profile.columns.filter((c) => c.kind === 'numeric')) {
    const j = header.indexOf(col.name);
    const data = new Float64Array(rows);
    let m = 0;
    for (let i = 1; i <= rows; i++) {
      const cell = lines[i].split(',', j + 1)[j];
      if (cell !== '') data[m++] = Number(cell);
    }
    const sorted = data.subarray(0, m).sort();
    const items = col.kll.levels.flatMap((level, h) => level.map((x) => [x, 2 ** h])).sort((a, b) => a[0] - b[0]);
    let worst = 0;
    for (let i = 0, k = 0, cum = 0; i < m; i++) {
      if (i + 1 < m && sorted[i + 1] === sorted[i]) continue;
      while (k < items.length && items[k][0] <= sorted[i]) cum += items[k++][1];
      worst = Math.max(worst, Math.abs(cum / col.kll.n - (i + 1) / m));
    }
    const n = col.kll.n;
    const bound = Math.sqrt(2 * col.kll.sum_sq_weights * Math.log((2 * (n + 1)) / 0.01)) / n;
    results.push({ name: col.name, worst, bound });
  }
  const top = results.reduce((a, b) => (a.worst > b.worst ? a : b));
  const mean = results.reduce((a, r) => a + r.worst, 0) / results.length;
  const over = results.filter((r) => r.worst > r.bound).map((r) => r.name);
  console.log(
    `  KLL rank error of the reference profile vs the exact ECDF: max ${top.worst.toExponential(2)} (${top.name}; ` +
      `stated bound ${top.bound.toExponential(2)}), mean over ${results.length} columns ${mean.toExponential(2)}` +
      (over.length ? `; OVER THE BOUND: ${over.join(', ')}` : '; every column within its bound'),
  );
}

export default async function profile() {
  const data = benchData(1_000_000).dir;
  const big = benchData(5_000_000).dir;
  const out = tempDir('mqg-bench-profiles-');

  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const csv1m = path.join(data, 'reference.csv');
  console.log(
    `profile-out of 1 000 000 rows vs Polars reading that file, same run, best of ${runs} (noisy, shared machine):`,
  );
  const polarsDir = installPolars();
  const polars = polarsDir && bestOf(runs, () => polarsRead(polarsDir, [csv1m]));
  const own = bestOf(runs, () => action({ current: csv1m, 'profile-out': path.join(out, 'best.profile.json') }));
  if (polars)
    console.log(
      `  nodejs-polars 0.25.2 reading it: ${polars.wallS.toFixed(2)} s, peak RSS ${polars.peakRssMB.toFixed(0)} MB ` +
        `(${cpuAndLoad(polars)})`,
    );
  console.log(
    `  profile-out: ${own.wallS.toFixed(2)} s, peak RSS ${own.peakRssMB.toFixed(0)} MB (${cpuAndLoad(own)})` +
      (polars ? ` → ${ratio(own.wallS, polars.wallS)} Polars's read time (target ≤ 1.4×)` : ''),
  );

  console.log('profile-out (streaming; a CSV of 8 MB or more in parts, one per core), 20 columns:');
  const profiles = {};
  for (const [label, csv, name] of [
    ['1 000 000 rows (reference)', path.join(data, 'reference.csv'), 'ref'],
    ['1 000 000 rows (current)', path.join(data, 'current.csv'), 'cur'],
    ['5 000 000 rows', path.join(big, 'reference.csv'), 'big'],
  ]) {
    const file = path.join(out, `${name}.profile.json`);
    const m = action({ current: csv, 'profile-out': file });
    profiles[name] = file;
    console.log(
      `  ${label}: CSV ${mb(statSync(csv).size)} MB → profile ${(statSync(file).size / 1024).toFixed(0)} kB (target ≤ 1024 kB); wall ${(m.wallMs / 1000).toFixed(2)} s (${cpuAndLoad(m)}); peak RSS ${m.peakRssMB.toFixed(0)} MB (target ≤ 200 MB)`,
    );
  }
  kllRankErrors(path.join(data, 'reference.csv'), profiles.ref);

  for (const [label, extra] of [
    ['auto methods (wasserstein / jensenshannon)', {}],
    ['KS + chi-square', { 'drift-config': path.join(ROOT, 'scripts/bench/drift-ks-chi2.yml') }],
  ]) {
    const exact = action({
      reference: path.join(data, 'reference.csv'),
      current: path.join(data, 'current.csv'),
      ...extra,
    });
    const fromProfiles = action({ reference: profiles.ref, current: profiles.cur, ...extra });
    const flagged = (r) => r.report.drifted_columns.slice().sort();
    const same = JSON.stringify(flagged(exact)) === JSON.stringify(flagged(fromProfiles));
    console.log(`drift, 1M vs 1M rows, ${label}:`);
    console.log(
      `  exact path:    ${(exact.wallMs / 1000).toFixed(2)} s, peak RSS ${exact.peakRssMB.toFixed(0)} MB, flags ${flagged(exact).join(', ')}`,
    );
    console.log(
      `  from profiles: ${(fromProfiles.wallMs / 1000).toFixed(2)} s, peak RSS ${fromProfiles.peakRssMB.toFixed(0)} MB, flags ${flagged(fromProfiles).join(', ')} — ${same ? 'same columns' : 'DIFFERENT columns'}`,
    );
    let worst = { diff: 0, ratio: 0 };
    for (const e of exact.report.columns) {
      const p = fromProfiles.report.columns.find((c) => c.name === e.name);
      if (e.method !== 'ks' && e.method !== 'wasserstein') continue;
      const diff = Math.abs(p.statistic - e.statistic);
      const bound = p.bound?.on === 'statistic' ? p.bound.value : 0;
      if (e.method === 'ks') {
        if (diff > worst.diff) worst = { ...worst, diff, bound, name: e.name };
        worst.ratio = Math.max(worst.ratio, bound ? diff / bound : diff === 0 ? 0 : Infinity);
      }
      // Beyond float rounding (the two paths sum in different orders).
      if (diff > bound + 1e-12 * Math.max(1, Math.abs(e.statistic)))
        console.log(`  ${e.name}: |Δ statistic| ${diff.toExponential(2)} EXCEEDS the bound ${bound.toExponential(2)}`);
    }
    if (worst.name) {
      console.log(
        `  max |KS_profile − KS_exact| = ${worst.diff.toExponential(2)} (${worst.name}; stated bound ε_ref + ε_cur = ${worst.bound.toExponential(2)}); worst |Δ|/bound over KS columns ${worst.ratio.toFixed(2)}`,
      );
    }
  }
}
