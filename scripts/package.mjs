// Builds the committed bundles with ncc: dist/ (the action, runs.main), dist/cli/ (the CLI) and
// dist/data-worker/ (the worker thread that reads one data file; both entries use it). The action
// and the CLI share every module but their entry file; dynamic imports become separate chunks, so a
// stage loads only the code it needs. Type checking is tsc's job (`npm run lint`), hence
// --transpile-only.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { minify } from 'terser';

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--minify', '--transpile-only', '--no-source-map-register', '--license', 'licenses.txt', '--quiet'];
rmSync('dist', { recursive: true, force: true });
for (const [entry, out] of [
  ['src/index.ts', 'dist'],
  ['src/cli.ts', 'dist/cli'],
  ['src/data/worker.ts', 'dist/data-worker'],
]) {
  execFileSync(process.execPath, [...ncc, entry, '-o', out], { stdio: 'inherit' });
  // ncc minifies the entry file only; its chunks are minified here, since start-up time is
  // mostly spent parsing them.
  for (const file of readdirSync(out).filter((f) => /^\d+\.index\.js$/.test(f))) {
    const full = path.join(out, file);
    const { code } = await minify(readFileSync(full, 'utf8'), { module: true, compress: true, mangle: true });
    writeFileSync(full, code);
  }
}
