/**
 * Reads several data files in parallel, one worker thread per file (at most one per CPU), when
 * the worker bundle is present next to the running code (dist/data-worker/index.js, built by
 * scripts/package.mjs). Where it is not (jest on the TypeScript sources) or a worker cannot start,
 * files are read one after the other in this thread. Results are identical either way.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { readTable } from './read.js';
import type { ReadOptions, Table } from './types.js';
import type { WorkerReply } from './worker.js';

export interface ReadTablesOptions extends ReadOptions {
  /** false: always read in this thread. */
  workers?: boolean;
}

export async function readTables(paths: string[], opts: ReadTablesOptions = {}): Promise<Table[]> {
  const { workers = true, ...readOpts } = opts;
  const script = workers && paths.length > 1 ? workerScript() : undefined;
  if (!script) {
    const out: Table[] = [];
    for (const p of paths) out.push(await readTable(p, readOpts)); // one at a time: less memory
    return out;
  }
  const out = new Array<Table>(paths.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < paths.length; i = next++) out[i] = await readInWorker(script, paths[i], readOpts);
  };
  await Promise.all(Array.from({ length: Math.min(paths.length, availableParallelism()) }, lane));
  return out;
}

/**
 * Path of the worker bundle, if there is one: dist/data-worker/index.js, beside the action's chunks
 * (dist/) or one level up from the CLI's (dist/cli/).
 */
function workerScript(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, 'data-worker', 'index.js'), join(here, '..', 'data-worker', 'index.js')].find((p) =>
    existsSync(p),
  );
}

function readInWorker(script: string, file: string, opts: ReadOptions): Promise<Table> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let worker: Worker;
    const fallback = () => readTable(file, opts).then(resolve, reject);
    try {
      worker = new Worker(script, { workerData: { file, opts } });
    } catch {
      fallback();
      return;
    }
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if ('table' in reply) return resolve(reply.table);
      const e = reply.error;
      if (e.user) return reject(new UserError(e.message, e.file, e.line, e.column));
      const err = new Error(e.message);
      err.stack = e.stack;
      reject(err);
    });
    // The worker died before answering (could not load, out of memory): read here instead.
    worker.once('error', () => {
      if (!settled) {
        settled = true;
        fallback();
      }
    });
    worker.once('exit', () => {
      if (!settled) {
        settled = true;
        fallback();
      }
    });
  });
}
