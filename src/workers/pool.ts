/**
 * The data worker threads (dist/data-worker/index.js, built by scripts/package.mjs), started ahead
 * of need. A worker's start-up — a new V8 isolate, Node's bootstrap, the worker bundle: 60–90 ms
 * measured here — is otherwise paid after the main thread has loaded its own code and read its
 * settings. The action's entry calls `prestartWorkers` first thing for a stage that reads data in
 * parallel (drift), so both happen at once; readTables.ts then takes them (`takeWorker`) and posts
 * each its job. Idle workers do not keep the process alive and end with it.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { debug, reason } from '../debug.js';

/** Workers started and not yet taken. */
const idle: Worker[] = [];

/** Path of the worker bundle, if there is one: dist/data-worker/index.js, beside the bundle (dist/). */
export function workerScript(): string | undefined {
  const worker = join(dirname(fileURLToPath(import.meta.url)), 'data-worker', 'index.js');
  return existsSync(worker) ? worker : undefined;
}

/**
 * Starts `count` idle workers (one per core by default) when the worker bundle exists; best effort:
 * a worker that cannot start is simply not there to take.
 */
export function prestartWorkers(count = availableParallelism()): void {
  const script = workerScript();
  if (!script) return;
  for (let i = 0; i < count; i++) {
    try {
      const worker = new Worker(script);
      worker.unref();
      // A worker that dies before it is taken (out of memory, a broken bundle) leaves the pool.
      worker.once('exit', () => {
        const i = idle.indexOf(worker);
        if (i >= 0) idle.splice(i, 1);
      });
      worker.once('error', (e) => debug(`a pre-started data worker failed: ${reason(e)}`));
      idle.push(worker);
    } catch (e) {
      debug(`a data worker could not be pre-started: ${reason(e)}`);
      return;
    }
  }
}

/**
 * A started worker waiting for its job (post it with postMessage), or a new one, with no listeners;
 * it keeps the process alive until it exits.
 */
export function takeWorker(script: string): Worker {
  let worker = idle.shift();
  // threadId is -1 once a worker has stopped, possibly before its 'exit' event.
  while (worker && worker.threadId === -1) worker = idle.shift();
  worker ??= new Worker(script);
  worker.removeAllListeners();
  worker.ref();
  return worker;
}

/** Work for the main thread's first wait on the data workers (main.ts loads @actions/core then). */
const whenBusy: (() => void)[] = [];

/**
 * Runs `task` when jobs have been posted to the data workers and the main thread waits for them,
 * or never: a stage that reads no data in workers leaves it to its own time (action-sink.ts).
 *
 * @example
 * onWorkersBusy(() => void import('./later.js'))
 */
export function onWorkersBusy(task: () => void): void {
  whenBusy.push(task);
}

/** Called by readTables.ts once its jobs are posted: the main thread has nothing to do until they answer. */
export function workersBusy(): void {
  for (const task of whenBusy.splice(0)) task();
}
