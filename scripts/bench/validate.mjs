// Validate on the 1 000 000-row × 20-column benchmark CSV (generated deterministically by
// scripts/gen-bench-data.mjs into bench-data/ when absent): the shipped example expectations
// (examples/validate/expectations.yml: 40+ rules of every kind over the 20 columns), and the
// inference of expectations from the same file, as whole processes through dist/index.js.
// Target: ≤ 2.5 s wall and ≤ 400 MB peak RSS on the 2-core CI machine. Figures are printed, never
// asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { actionEnv, measure, ROOT, tempDir } from './lib.mjs';

const TARGET = { wallS: 2.5, peakMB: 400 };

export default async function validate() {
  const data = path.join(ROOT, 'bench-data');
  if (!existsSync(path.join(data, 'reference.csv'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-bench-data.mjs'), data], { stdio: 'inherit' });
  }
  const expectations = path.join(ROOT, 'examples/validate/expectations.yml');
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  console.log(
    `validate: bench-data/reference.csv (1 000 000 rows × 20 columns), median of ${runs} runs, Node ${process.version}`,
  );
  for (const [label, inputs] of [
    ['expectations (examples/validate/expectations.yml)', { expectations }],
    ['infer-expectations', { 'infer-expectations': 'inferred.yml' }],
  ]) {
    const results = [];
    let report;
    for (let r = 0; r < runs; r++) {
      const tmp = tempDir('mqg-bench-');
      const env = actionEnv({
        stage: 'validate',
        data: path.join(data, 'reference.csv'),
        'report-path': path.join(tmp, 'report.json'),
        ...inputs,
        ...(inputs['infer-expectations'] ? { 'infer-expectations': path.join(tmp, 'inferred.yml') } : {}),
      });
      const m = measure(['dist/index.js'], { env });
      if (m.code !== 0) throw new Error(`validate exited ${m.code}: ${m.stdout}${m.stderr}`);
      results.push(m);
      report = JSON.parse(readFileSync(path.join(tmp, 'report.json'), 'utf8'));
    }
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const wall = median(results.map((m) => m.wallMs)) / 1000;
    const peak = median(results.map((m) => m.peakRssMB));
    const rules = report.data.reduce((n, d) => n + d.rules.length, 0);
    console.log(`  ${label}`);
    if (rules > 0) console.log(`    rules checked            ${rules} (valid: ${report.valid})`);
    console.log(`    wall                     ${wall.toFixed(2)} s   (target <= ${TARGET.wallS} s)`);
    console.log(`    peak RSS                 ${peak.toFixed(0)} MB  (target <= ${TARGET.peakMB} MB)`);
  }
}
