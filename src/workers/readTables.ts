/**
 * Reads (or profiles) several data files in parallel, one worker thread per file and at most one
 * per core (os.availableParallelism()), when the worker bundle is present next to the running code
 * (dist/data-worker/index.js, built by scripts/package.mjs). Where it is not (jest on the TypeScript
 * sources) or a worker cannot start, files are handled one after the other in this thread. Results
 * are identical either way (profiles within their sketches' bounds: sketches are seeded at random).
 */
import { debug, reason } from '../debug.js';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { profileFile } from '../profile/build.js';
import { DEFAULT_PARAMS, type ProfileParams } from '../profile/params.js';
import { Profile } from '../profile/profile.js';
import { readTable } from '../data/read.js';
import type { ReadOptions, Table } from '../data/types.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

export interface ReadTablesOptions extends ReadOptions {
  /** false: always read in this thread. */
  workers?: boolean;
}

export async function readTables(paths: string[], opts: ReadTablesOptions = {}): Promise<Table[]> {
  const { workers = true, ...readOpts } = opts;
  return inParallel(
    paths.map((file) => ({ job: 'table', file, opts: readOpts }) as const),
    workers,
    (reply) => ('table' in reply ? reply.table : undefined),
    (job) => readTable(job.file, job.opts),
  );
}

/** Profiles of several data files (profileFile), in parallel as readTables reads them. */
export async function profileFiles(
  paths: string[],
  opts: ReadOptions & { textColumns?: string[] } = {},
  params: ProfileParams = DEFAULT_PARAMS,
  workers = true,
): Promise<Profile[]> {
  return inParallel(
    paths.map((file) => ({ job: 'profile', file, opts, params }) as const),
    workers,
    (reply) => ('profile' in reply ? Profile.fromJSON(JSON.parse(reply.profile)) : undefined),
    (job) => profileFile(job.file, job.opts, job.params),
  );
}

/**
 * Runs the jobs in worker threads, at most one per core, and decodes their replies; in this thread
 * with `local`, one job at a time (less memory), when there is one job or no worker bundle.
 */
async function inParallel<J extends WorkerRequest, T>(
  jobs: J[],
  workers: boolean,
  decode: (reply: WorkerReply) => T | undefined,
  local: (job: J) => Promise<T>,
): Promise<T[]> {
  const script = workers && jobs.length > 1 ? workerScript() : undefined;
  const out = new Array<T>(jobs.length);
  if (!script) {
    for (let i = 0; i < jobs.length; i++) out[i] = await local(jobs[i]);
    return out;
  }
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < jobs.length; i = next++) out[i] = await inWorker(script, jobs[i], decode, local);
  };
  await Promise.all(Array.from({ length: Math.min(jobs.length, availableParallelism()) }, lane));
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

function inWorker<J extends WorkerRequest, T>(
  script: string,
  job: J,
  decode: (reply: WorkerReply) => T | undefined,
  local: (job: J) => Promise<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let worker: Worker;
    const fallback = () => local(job).then(resolve, reject);
    try {
      worker = new Worker(script, { workerData: job });
    } catch (e) {
      debug(`the data worker could not start (reading in the main thread): ${reason(e)}`);
      fallback();
      return;
    }
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (!('error' in reply)) {
        try {
          const value = decode(reply);
          if (value !== undefined) return resolve(value);
        } catch (e) {
          return reject(e);
        }
        return reject(new Error(`the data worker answered a ${job.job} job with ${Object.keys(reply).join(', ')}`));
      }
      const e = reply.error;
      if (e.user) return reject(new UserError(e.message, e.file, e.line, e.column));
      const err = new Error(e.message);
      err.stack = e.stack;
      reject(err);
    });
    // The worker died before answering (could not load, out of memory): run here instead.
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
