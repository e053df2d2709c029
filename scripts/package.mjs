// Builds the committed bundles with ncc: dist/ (the action, runs.main, and the CLI) and
// dist/data-worker/ (the worker thread that reads one data file). The CLI is not a bundle of its
// own: dist/cli/index.js, written here, marks the run as the CLI's and imports dist/index.js, whose
// entry (src/index.ts) then loads src/cli.ts as a chunk. One bundle halves the build and keeps the
// action and the CLI the same code. Dynamic imports become separate chunks, so a stage loads only
// the code it needs. Type checking is tsc's job (`npm run lint`), hence
// --transpile-only. No ncc cache (-C): it grew to hundreds of MB per checkout and made a build
// slower, not faster (27 s against 23 s for the action here).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';

const ncc = [
  'node_modules/@vercel/ncc/dist/ncc/cli.js',
  'build',
  '--minify',
  '--no-cache',
  '--transpile-only',
  '--no-source-map-register',
  '--license',
  'licenses.txt',
  '--quiet',
];
const builds = [
  ['src/workers/worker.ts', 'dist/data-worker'],
  ['src/index.ts', 'dist'],
];
const CLI_LAUNCHER = `#!/usr/bin/env node
// The ml-quality-gate CLI (package.json bin): the action's bundle, with the CLI chosen (src/index.ts).
globalThis[Symbol.for('ml-quality-gate.cli')] = true;
await import('../index.js');
`;

// ncc minifies the entry file only; the chunks are minified here with terser, since start-up time
// is mostly spent parsing them: in a pool of worker threads, as soon as their build is done (a text
// found twice is minified once).
const pool = minifierPool(availableParallelism());
const minified = new Map();

async function minifyChunks(out) {
  const files = readdirSync(out).filter((f) => /^\d+\.index\.js$/.test(f));
  await Promise.all(
    files.map(async (file) => {
      const full = path.join(out, file);
      const text = readFileSync(full, 'utf8');
      const key = createHash('sha256').update(text).digest('hex');
      if (!minified.has(key)) minified.set(key, pool.minify(text));
      writeFileSync(full, await minified.get(key));
    }),
  );
}

rmSync('dist', { recursive: true, force: true });
// The two builds are independent: run them side by side (dist/data-worker/ sits inside dist/,
// which ncc does not clear).
try {
  await Promise.all(
    builds.map(async ([entry, out]) => {
      await promisify(execFile)(process.execPath, [...ncc, entry, '-o', out]);
      await minifyChunks(out);
    }),
  );
} finally {
  await pool.close();
}
mkdirSync('dist/cli');
writeFileSync('dist/cli/index.js', CLI_LAUNCHER, { mode: 0o755 });

/** `size` worker threads running terser; minify(text) resolves to the minified module's code. */
function minifierPool(size) {
  const source = `
    import { parentPort } from 'node:worker_threads';
    import { minify } from ${JSON.stringify(import.meta.resolve('terser'))};
    parentPort.on('message', async ({ id, text }) => {
      try {
        parentPort.postMessage({ id, code: (await minify(text, { module: true, compress: true, mangle: true })).code });
      } catch (e) {
        parentPort.postMessage({ id, error: String(e?.stack ?? e) });
      }
    });`;
  const url = new URL(`data:text/javascript,${encodeURIComponent(source)}`);
  const idle = [];
  const queue = [];
  const pending = new Map();
  let next = 0;
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(url);
    w.on('message', ({ id, code, error }) => {
      const { resolve, reject } = pending.get(id);
      pending.delete(id);
      if (error) reject(new Error(error));
      else resolve(code);
      dispatch(w);
    });
    idle.push(w);
    return w;
  });
  function dispatch(w) {
    const job = queue.shift();
    if (job) w.postMessage(job);
    else idle.push(w);
  }
  return {
    minify(text) {
      return new Promise((resolve, reject) => {
        const job = { id: next++, text };
        pending.set(job.id, { resolve, reject });
        const w = idle.pop();
        if (w) w.postMessage(job);
        else queue.push(job);
      });
    },
    close: () => Promise.all(workers.map((w) => w.terminate())),
  };
}
