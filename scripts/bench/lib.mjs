// Shared by the benchmarks: whole-process timing and peak memory, printed, never asserted.
import { execFileSync, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareRun, ROOT, tempDir } from '../lib/run-action.mjs';

export { ROOT, tempDir };

/** The environment the runner gives the action for these inputs (see run-action.mjs). */
export function actionEnv(inputs, env = {}) {
  return prepareRun(inputs, ROOT, env).options.env;
}

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-probe.mjs');

/**
 * Runs `node <args>` once; returns wall time (ms), peak RSS (MB, the whole process with its worker
 * threads, from process.resourceUsage at exit), CPU time (s, user + system, every thread), the
 * machine's 1-minute load average when it ended, and the exit code.
 */
export function measure(args, { env = process.env, cwd = ROOT } = {}) {
  return measureCommand(process.execPath, ['--import', PROBE, ...args], { env, cwd });
}

/**
 * Runs the Python script `script` with `python` once, the same measures as `measure` (peak RSS from
 * the interpreter's own getrusage at exit, the figure process.resourceUsage gives for Node).
 */
export function measurePython(python, script, args, { env = process.env, cwd = ROOT } = {}) {
  const wrapper =
    'import os, resource, runpy, sys\n' +
    'sys.argv = sys.argv[1:]\n' +
    'try:\n' +
    '    runpy.run_path(sys.argv[0], run_name="__main__")\n' +
    'finally:\n' +
    '    u = resource.getrusage(resource.RUSAGE_SELF)\n' +
    '    open(os.environ["MQG_RSS_FILE"], "w").write(f"{u.ru_maxrss} {round((u.ru_utime + u.ru_stime) * 1e6)}")\n';
  return measureCommand(python, ['-c', wrapper, script, ...args], { env, cwd });
}

/**
 * Runs `cmd args` once with $MQG_RSS_FILE set; the command writes its peak RSS (KB) and CPU time
 * (µs) there at exit.
 */
function measureCommand(cmd, args, { env, cwd }) {
  const out = path.join(tempDir('mqg-rss-'), 'rss');
  const t0 = process.hrtime.bigint();
  const res = spawnSync(cmd, args, {
    cwd,
    env: { ...env, MQG_RSS_FILE: out },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const [rssKB, cpuUs] = existsSync(out) ? readFileSync(out, 'utf8').split(' ').map(Number) : [NaN, NaN];
  rmSync(path.dirname(out), { recursive: true, force: true });
  const load = loadavg()[0];
  return {
    wallMs,
    peakRssMB: rssKB / 1024,
    cpuS: cpuUs / 1e6,
    load,
    code: res.status,
    stdout: res.stdout,
    stderr: res.stderr,
  };
}

/** Median wall time of `runs` runs of each command, interleaved so they share the machine's noise. */
export function medianWall(commands, runs, warmup = 3) {
  const times = commands.map(() => []);
  for (let r = 0; r < runs + warmup; r++) {
    commands.forEach((c, i) => {
      const t0 = process.hrtime.bigint();
      const res = spawnSync(c.cmd, c.args, { cwd: ROOT, env: c.env ?? process.env, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (res.status !== (c.expectCode ?? 0)) throw new Error(`${c.label}: exit ${res.status}`);
      if (r >= warmup) times[i].push(ms);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

/**
 * The best (shortest wall time) of `runs` measurements from `run()`, with the highest peak RSS seen;
 * undefined as soon as one run returns undefined (the peer failed and said so).
 */
export function bestOf(runs, run) {
  const results = [];
  for (let r = 0; r < runs; r++) {
    const m = run();
    if (!m) return undefined;
    results.push(m);
  }
  const best = results.reduce((a, b) => (a.wallMs < b.wallMs ? a : b));
  return { ...best, wallS: best.wallMs / 1000, peakRssMB: Math.max(...results.map((m) => m.peakRssMB)) };
}

/** A measurement's CPU time against its wall time, and the load it ran under: "CPU 3.1 s, load 2.7". */
export const cpuAndLoad = (m) => `CPU ${m.cpuS.toFixed(2)} s, load ${m.load.toFixed(1)}`;

/** `a / b` as "2.1×". */
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

/**
 * The benchmark CSV pair of `rows` rows × 20 columns (scripts/gen-bench-data.mjs, deterministic):
 * bench-data/ for 1 000 000 rows, bench-data/<rows>/ otherwise; generated when absent.
 */
export function benchData(rows = 1_000_000) {
  const dir = rows === 1_000_000 ? path.join(ROOT, 'bench-data') : path.join(ROOT, 'bench-data', String(rows));
  if (!existsSync(path.join(dir, 'current.csv'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-bench-data.mjs'), dir, String(rows)], {
      stdio: 'inherit',
    });
  }
  return { dir, reference: path.join(dir, 'reference.csv'), current: path.join(dir, 'current.csv') };
}
