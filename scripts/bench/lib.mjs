// Shared by the benchmarks: whole-process timing and peak memory, printed, never asserted.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
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
 * threads, from process.resourceUsage at exit) and the exit code.
 */
export function measure(args, { env = process.env, cwd = ROOT } = {}) {
  const out = path.join(tempDir('mqg-rss-'), 'rss');
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, ['--import', PROBE, ...args], {
    cwd,
    env: { ...env, MQG_RSS_FILE: out },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const peakRssMB = Number(readFileSync(out, 'utf8')) / 1024;
  rmSync(path.dirname(out), { recursive: true, force: true });
  return { wallMs, peakRssMB, code: res.status, stdout: res.stdout, stderr: res.stderr };
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
