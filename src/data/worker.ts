/**
 * Worker-thread entry: reads one file with readTable and posts the Table back, transferring its
 * typed arrays' buffers (no copy). Bundled separately by scripts/package.mjs to
 * dist/data-worker/index.js, where readTables.ts looks for it (from the action and the CLI alike).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { readTable } from './read.js';
import type { ReadOptions, Table } from './types.js';

export interface WorkerRequest {
  file: string;
  opts: ReadOptions;
}
export type WorkerReply =
  | { table: Table }
  | { error: { user: boolean; message: string; stack?: string; file?: string; line?: number; column?: number } };

const { file, opts } = workerData as WorkerRequest;
// No top-level await: ncc's webpack does not accept it in this entry.
readTable(file, opts).then(
  (table) => parentPort!.postMessage({ table } satisfies WorkerReply, buffersOf(table)),
  (e: unknown) => {
    const err = e as Error;
    const u = e instanceof UserError ? e : undefined;
    const error = {
      user: !!u,
      message: err.message,
      stack: err.stack,
      file: u?.file,
      line: u?.line,
      column: u?.column,
    };
    parentPort!.postMessage({ error } satisfies WorkerReply);
  },
);

function buffersOf(t: Table): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>([t.lineAnchors.buffer as ArrayBuffer]);
  for (const c of t.columns) {
    if (c.kind === 'numeric') set.add(c.values.buffer as ArrayBuffer);
    else set.add(c.codes.buffer as ArrayBuffer).add(c.counts.buffer as ArrayBuffer);
  }
  return [...set];
}
