// Builds the two committed bundles with ncc: dist/ (the action, runs.main) and dist/cli/ (the CLI).
// Both share every module but their entry file; dynamic imports become separate chunks, so a stage
// loads only the code it needs.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--minify', '--transpile-only', '--no-source-map-register', '--license', 'licenses.txt', '--quiet'];
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', 'dist'], { stdio: 'inherit' });
execFileSync(process.execPath, [...ncc, 'src/cli.ts', '-o', 'dist/cli'], { stdio: 'inherit' });
// Worker-thread entry for reading data files in parallel (src/data/readTables.ts finds it as
// data-worker/index.js beside the running chunk): built once, copied into the CLI bundle.
execFileSync(process.execPath, [...ncc, 'src/data/worker.ts', '-o', 'dist/data-worker'], { stdio: 'inherit' });
cpSync('dist/data-worker', 'dist/cli/data-worker', { recursive: true });
