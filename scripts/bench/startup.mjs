// Start-up: `gate` on a small metrics file as a whole process, against two floors: `node -e 0`,
// and a bundle that only imports @actions/core (what any action built on it pays).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { actionEnv, medianWall, ROOT } from './lib.mjs';

export default async function startup() {
  const dir = path.join(ROOT, 'node_modules/.cache/mqg-bench/core-only');
  if (!existsSync(path.join(dir, 'out/index.mjs'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.mjs'), "import * as core from '@actions/core';\ncore.info('ok');\n");
    execFileSync(
      process.execPath,
      [
        'node_modules/@vercel/ncc/dist/ncc/cli.js',
        'build',
        path.join(dir, 'index.mjs'),
        '-o',
        path.join(dir, 'out'),
        '--minify',
        '--quiet',
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
  }
  const env = actionEnv({
    stage: 'gate',
    metrics: 'examples/reports/metrics.json',
    baseline: 'examples/reports/main-metrics.json',
    thresholds: 'examples/gate.yml',
  });
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const [bare, core, gate] = medianWall(
    [
      { label: 'node -e 0', cmd: process.execPath, args: ['-e', '0'] },
      { label: '@actions/core-only bundle', cmd: process.execPath, args: [path.join(dir, 'out/index.mjs')] },
      { label: 'gate', cmd: process.execPath, args: ['dist/index.js'], env },
    ],
    runs,
  );
  console.log(`startup: median of ${runs} runs each, Node ${process.version}`);
  console.log(`  node -e 0                      ${bare.toFixed(1)} ms`);
  console.log(`  @actions/core-only bundle      ${core.toFixed(1)} ms`);
  console.log(`  gate (examples, dist/index.js) ${gate.toFixed(1)} ms`);
  console.log(`  ratio gate / core-only bundle  ${(gate / core).toFixed(3)}  (target <= 1.2)`);
  console.log(`  ratio gate / node -e 0         ${(gate / bare).toFixed(3)}`);
}
