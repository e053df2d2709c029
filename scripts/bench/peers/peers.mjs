// The peers the benchmarks compare with in the same run, on the same files:
//  - nodejs-polars (native, multi-threaded), pinned, installed by the benchmark into a temporary
//    folder (never a dependency of the action), reading CSV files whole (polars_read.mjs);
//  - pandas + SciPy (drift_pandas_scipy.py), when a python3 with both exists.
// Each returns undefined and says why when the peer is not available.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, measurePython } from '../lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// 0.25.2 is the newest build served for linux-x64-gnu; the platform package is pinned with it.
const POLARS = ['nodejs-polars@0.25.2', 'nodejs-polars-linux-x64-gnu@0.25.2'];

/** Installs nodejs-polars into a temporary folder (kept for the next run); its folder, or undefined. */
export function installPolars() {
  const dir = path.join(tmpdir(), 'mqg-bench-nodejs-polars-0.25.2');
  if (existsSync(path.join(dir, 'node_modules', 'nodejs-polars'))) return dir;
  mkdirSync(dir, { recursive: true });
  console.log(`installing ${POLARS.join(' + ')} into ${dir} (not a dependency of the action)…`);
  const res = spawnSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', ...POLARS], {
    encoding: 'utf8',
  });
  if (res.status !== 0 || !existsSync(path.join(dir, 'node_modules', 'nodejs-polars'))) {
    console.log(`  nodejs-polars could not be installed (npm exit ${res.status}): ${tail(res.stderr)}`);
    console.log('  → no Polars comparison in this run');
    return undefined;
  }
  return dir;
}

/** Polars reading `files` whole, as one process; the measurement, or undefined when it fails. */
export function polarsRead(dir, files) {
  const m = measure([path.join(HERE, 'polars_read.mjs'), dir, ...files]);
  if (m.code !== 0) {
    console.log(`  Polars failed (exit ${m.code}): ${tail(m.stderr)}`);
    return undefined;
  }
  return m;
}

/** The first python3 that imports pandas and SciPy (PATH's, then Debian's), or undefined. */
export function findPandasScipy() {
  for (const python of ['python3', '/usr/bin/python3']) {
    const res = spawnSync(python, ['-c', 'import pandas, scipy; print(pandas.__version__, scipy.__version__)'], {
      encoding: 'utf8',
    });
    if (res.status === 0) {
      const [pandas, scipy] = res.stdout.trim().split(' ');
      return { python, label: `pandas ${pandas} + SciPy ${scipy}` };
    }
  }
  console.log('  no python3 with pandas and SciPy here → no pandas + SciPy comparison in this run');
  return undefined;
}

/** The pandas + SciPy drift script on the two files; the measurement, or undefined when it fails. */
export function pandasDrift(py, reference, current) {
  const m = measurePython(py.python, path.join(HERE, 'drift_pandas_scipy.py'), [reference, current]);
  if (m.code !== 0) {
    console.log(`  pandas + SciPy failed (exit ${m.code}): ${tail(m.stderr)}`);
    return undefined;
  }
  return m;
}

const tail = (text = '') => text.trim().split('\n').slice(-3).join(' | ');
