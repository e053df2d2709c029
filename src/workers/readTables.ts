/**
 * Reads (or profiles) several data files in parallel, one worker thread per file and at most one
 * per core (os.availableParallelism()), when the worker bundle is present next to the running code
 * (dist/data-worker/index.js, built by scripts/package.mjs; pool.ts may have started them ahead).
 * Where it is not (jest on the TypeScript sources) or a worker cannot start, files are handled one
 * after the other in this thread. Results are identical either way (profiles within their
 * sketches' bounds: sketches are seeded at random).
 * A large CSV/TSV file is profiled in parts, one per core (split.ts).
 */
import { debug, reason } from '../debug.js';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { profileFile } from '../profile/build.js';
import { profileChunk, type ChunkJob, type ChunkProfile } from '../profile/chunk.js';
import { DEFAULT_PARAMS, type ProfileParams } from '../profile/params.js';
import { Profile } from '../profile/profile.js';
import { readTable } from '../data/read.js';
import type { ReadOptions, Table } from '../data/types.js';
import { finishSplit, partJob, planSplit, SPLIT_MIN_BYTES } from './split.js';
import { takeWorker, workerScript, workersBusy } from './pool.js';
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

/** How profileFiles cuts files (split.ts); tests set both to split small files in this thread. */
export interface SplitOptions {
  /** Parts per file: os.availableParallelism() where the worker bundle is, else 1 (no split). */
  parts?: number;
  /** Smallest file cut into parts. */
  minBytes?: number;
}

/**
 * Profiles of several data files (profileFile), in parallel as readTables reads them; a CSV/TSV
 * file of SPLIT_MIN_BYTES or more in parts, one per core (split.ts). The parts of every file and
 * the whole files share the cores, at most one job per core.
 */
export async function profileFiles(
  paths: string[],
  opts: ReadOptions & { textColumns?: string[] } = {},
  params: ProfileParams = DEFAULT_PARAMS,
  workers = true,
  split: SplitOptions = {},
): Promise<Profile[]> {
  const parts = split.parts ?? (workers && workerScript() ? availableParallelism() : 1);
  const plans = await Promise.all(paths.map((f) => planSplit(f, opts, parts, split.minBytes ?? SPLIT_MIN_BYTES)));
  const textColumns = opts.textColumns ?? [];
  const jobs: ProfileRequest[] = paths.flatMap((file, i): ProfileRequest[] => {
    const plan = plans[i];
    if (!plan) return [{ job: 'profile', file, opts, params }];
    return plan.ranges.map((r) => ({ job: 'chunk', chunk: partJob(plan, r.start, r.stop, textColumns, params) }));
  });
  const results = await inParallel(jobs, workers, decodeProfile, runProfile);
  const out: Profile[] = [];
  for (let i = 0, k = 0; i < paths.length; i++) {
    const plan = plans[i];
    if (!plan) {
      out.push(results[k++] as Profile);
      continue;
    }
    const first = results.slice(k, (k += plan.ranges.length)) as ChunkProfile[];
    const run = (chunks: ChunkJob[]) =>
      inParallel(
        chunks.map((chunk): ProfileRequest => ({ job: 'chunk', chunk })),
        workers,
        decodeProfile,
        runProfile,
      ) as Promise<ChunkProfile[]>;
    const profile = await finishSplit(plan, first, textColumns, params, run);
    // Not profiled in parts (an error, a record too long for a part): one pass, as readTable would.
    out.push(profile ?? (await profileFile(paths[i], opts, params)));
  }
  return out;
}

type ProfileRequest = Extract<WorkerRequest, { job: 'profile' | 'chunk' }>;

function decodeProfile(reply: WorkerReply): Profile | ChunkProfile | undefined {
  if ('profile' in reply) return Profile.fromJSON(JSON.parse(reply.profile));
  if ('chunk' in reply) return JSON.parse(reply.chunk) as ChunkProfile;
  return undefined;
}

function runProfile(job: ProfileRequest): Promise<Profile | ChunkProfile> {
  return job.job === 'chunk' ? profileChunk(job.chunk) : profileFile(job.file, job.opts, job.params);
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
  const lanes = Array.from({ length: Math.min(jobs.length, availableParallelism()) }, lane);
  workersBusy();
  await Promise.all(lanes);
  return out;
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
      worker = takeWorker(script);
      worker.postMessage(job);
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
