// Reference profiles (issue 7) on the benchmark CSVs (scripts/gen-bench-data.mjs, 20 columns):
//  - `profile-out` (in parts, one per core) on the 1 000 000-row reference CSV against nodejs-polars
//    reading that file, in the same run (scripts/bench/peers/), best of BENCH_RUNS (3): wall, peak
//    RSS, CPU time, load, ratio;
//  - `profile-out` on the 1 000 000-row CSV and on a 5 000 000-row one generated on the fly into
//    bench-data/5000000/ (same generator, ~0.6 GB per file): wall time, peak RSS (target ≤ 200 MB at
//    both sizes: memory must not grow with rows), profile size (target ≤ 1 MB);
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
