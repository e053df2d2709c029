// `npm run bench [-- <name>]`: benchmarks as whole processes. Figures are printed, never asserted.
//   startup (default): `gate` on a small metrics file, against `node -e 0` and an @actions/core-only bundle.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir } from './lib/run-action.mjs';

const BENCHES = { startup };
const name = process.argv[2] ?? 'startup';
if (!BENCHES[name]) {
  console.error(`unknown benchmark '${name}'; available: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
await BENCHES[name]();

/** Median wall time of `runs` runs of a command, interleaved with the others to share noise. */
function timeAll(commands, runs) {
  const times = commands.map(() => []);
  for (let r = 0; r < runs + 3; r++) {
    commands.forEach((c, i) => {
      const t0 = process.hrtime.bigint();
      const res = spawnSync(c.cmd, c.args, { cwd: ROOT, env: c.env ?? process.env, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (c.expectCode !== undefined && res.status !== c.expectCode) throw new Error(`${c.label}: exit ${res.status}`);
      if (r >= 3) times[i].push(ms); // the first three are warm-up
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

async function startup() {
  const dir = path.join(ROOT, 'node_modules/.cache/mqg-bench/core-only');
  if (!existsSync(path.join(dir, 'out/index.mjs'))) {
    mkdirSync(dir, { recursive: true });
    // The floor any action built on @actions/core pays: import it and write one line.
    writeFileSync(path.join(dir, 'index.mjs'), "import * as core from '@actions/core';\ncore.info('ok');\n");
    execFileSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', path.join(dir, 'index.mjs'), '-o', path.join(dir, 'out'), '--minify', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  }
  const tmp = tempDir('mqg-bench-');
  writeFileSync(path.join(tmp, 'out'), '');
  writeFileSync(path.join(tmp, 'summary'), '');
  const env = {
    ...process.env,
    INPUT_STAGE: 'gate',
    INPUT_METRICS: 'examples/reports/metrics.json',
    INPUT_BASELINE: 'examples/reports/main-metrics.json',
    INPUT_THRESHOLDS: 'examples/gate.yml',
    'INPUT_METRICS-FORMAT': 'auto',
    'INPUT_FAIL-ON-VIOLATION': 'true',
    INPUT_SUMMARY: 'true',
    'INPUT_REPORT-PATH': path.join(tmp, 'report.json'),
    GITHUB_OUTPUT: path.join(tmp, 'out'),
    GITHUB_STEP_SUMMARY: path.join(tmp, 'summary'),
    RUNNER_TEMP: tmp,
  };
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const [bare, core, gate] = timeAll(
    [
      { label: 'node -e 0', cmd: process.execPath, args: ['-e', '0'], expectCode: 0 },
      { label: '@actions/core-only bundle', cmd: process.execPath, args: [path.join(dir, 'out/index.mjs')], expectCode: 0 },
      { label: 'gate', cmd: process.execPath, args: ['dist/index.js'], env, expectCode: 0 },
    ],
    runs,
  );
  console.log(`startup benchmark: median of ${runs} runs each, Node ${process.version}`);
  console.log(`  node -e 0                      ${bare.toFixed(1)} ms`);
  console.log(`  @actions/core-only bundle      ${core.toFixed(1)} ms`);
  console.log(`  gate (examples, dist/index.js) ${gate.toFixed(1)} ms`);
  console.log(`  ratio gate / core-only bundle  ${(gate / core).toFixed(3)}  (target <= 1.2)`);
  console.log(`  ratio gate / node -e 0         ${(gate / bare).toFixed(3)}`);
}
