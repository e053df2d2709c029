// Scaling: drift (exact path, and from profiles forced with memory-budget 1B), validate (the shipped
// example expectations) and profile-out, on the 20-column benchmark CSV pairs of BENCH_SIZES rows
// (default 100000,1000000,5000000,10000000; generated into bench-data/<rows>/ when absent, ~120 MB
// per million rows per file), with nodejs-polars reading the same files in the same run. Best of
// BENCH_RUNS (default 3 up to 1M rows, 1 above). Prints a Markdown table (docs/performance.md).
// Figures are printed, never asserted.
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { actionDrift } from './drift.mjs';
import { actionEnv, benchData, bestOf, measure, ratio, ROOT, tempDir } from './lib.mjs';
import { installPolars, polarsRead } from './peers/peers.mjs';

const EXPECTATIONS = path.join(ROOT, 'examples/validate/expectations.yml');

function action(inputs) {
  const m = measure(['dist/index.js'], { env: actionEnv({ 'fail-on-violation': 'false', ...inputs }) });
  if (m.code !== 0) throw new Error(`${inputs.stage} exited ${m.code}: ${m.stdout}${m.stderr}`);
  return m;
}

const cell = (m, floor) =>
  `${m.wallS.toFixed(2)} s, ${m.peakRssMB.toFixed(0)} MB${floor ? ` (${ratio(m.wallS, floor.wallS)})` : ''}`;

export default async function scaling() {
  const sizes = (process.env.BENCH_SIZES ?? '100000,1000000,5000000,10000000').split(',').map(Number);
  const polarsDir = installPolars();
  console.log(
    `scaling, 20 columns, ${availableParallelism()} cores, whole processes; (×) = ratio to Polars reading the same ` +
      'file(s) in the same run; shared, noisy machine',
  );
  console.log('');
  console.log(
    '| rows per file | Polars reads 2 files | drift, exact | drift, from profiles | Polars reads 1 file | validate | profile-out |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const rows of sizes) {
    const runs = Number(process.env.BENCH_RUNS ?? (rows <= 1_000_000 ? 3 : 1));
    const { reference, current } = benchData(rows);
    const out = tempDir('mqg-bench-scaling-');
    const two = polarsDir && bestOf(runs, () => polarsRead(polarsDir, [reference, current]));
    const one = polarsDir && bestOf(runs, () => polarsRead(polarsDir, [reference]));
    const exact = bestOf(runs, () => actionDrift(reference, current));
    const sketched = bestOf(runs, () => actionDrift(reference, current, { 'memory-budget': '1B' }));
    const validate = bestOf(runs, () =>
      action({
        stage: 'validate',
        data: reference,
        expectations: EXPECTATIONS,
        'report-path': path.join(out, 'v.json'),
      }),
    );
    const profile = bestOf(runs, () =>
      action({ stage: 'drift', current: reference, 'profile-out': path.join(out, 'p.profile.json') }),
    );
    console.log(
      `| ${rows} (best of ${runs}) | ${two ? cell(two) : '—'} | ${cell(exact, two)} | ${cell(sketched, two)} | ` +
        `${one ? cell(one) : '—'} | ${cell(validate, one)} | ${cell(profile, one)} |`,
    );
  }
}
