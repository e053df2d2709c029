// Builds the committed bundles with ncc: dist/ (the action, runs.main), dist/cli/ (the CLI) and
// dist/data-worker/ (the worker thread that reads one data file; both entries use it). The action
// and the CLI share every module but their entry file; dynamic imports become separate chunks, so a
// stage loads only the code it needs. Type checking is tsc's job (`npm run lint`), hence
// --transpile-only.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { minify } from 'terser';

const ncc = [
  'node_modules/@vercel/ncc/dist/ncc/cli.js',
  'build',
  '--minify',
  '--transpile-only',
  '--no-source-map-register',
  '--license',
  'licenses.txt',
  '--quiet',
];
const builds = [
  ['src/index.ts', 'dist'],
  ['src/cli.ts', 'dist/cli'],
  ['src/workers/worker.ts', 'dist/data-worker'],
];
rmSync('dist', { recursive: true, force: true });
// The three builds are independent: run them side by side (dist/cli/ and dist/data-worker/ sit
// inside dist/, which ncc does not clear).
await Promise.all(builds.map(([entry, out]) => promisify(execFile)(process.execPath, [...ncc, entry, '-o', out])));

// ncc minifies the entry file only; its chunks are minified here, since start-up time is mostly
// spent parsing them. The action's and the CLI's chunks are mostly the same text: minified once.
const minified = new Map();
for (const [, out] of builds) {
  for (const file of readdirSync(out).filter((f) => /^\d+\.index\.js$/.test(f))) {
    const full = path.join(out, file);
    const text = readFileSync(full, 'utf8');
    const key = createHash('sha256').update(text).digest('hex');
    if (!minified.has(key))
      minified.set(key, (await minify(text, { module: true, compress: true, mangle: true })).code);
    writeFileSync(full, minified.get(key));
  }
}
