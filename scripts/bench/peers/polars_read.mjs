// Polars reading CSV files whole (multi-threaded, native), the floor the benchmarks compare with.
// Run by scripts/bench/peers.mjs as `node polars_read.mjs <nodejs-polars dir> <file>…`; prints
// each file's shape.
import { createRequire } from 'node:module';
import * as path from 'node:path';

const [dir, ...files] = process.argv.slice(2);
const pl = createRequire(path.join(dir, 'x.js'))('nodejs-polars');
for (const file of files) {
  const df = pl.readCSV(file);
  console.log(`${file}: ${df.height} rows × ${df.width} columns`);
}
