/**
 * Worker-thread entry: one job, posted as the first message, on one file — read it with readTable
 * and post the Table back, transferring its typed arrays' buffers (no copy), profile it with
 * profileFile and post the profile as JSON text, or profile one part of it (src/profile/chunk.ts)
 * and post that as JSON. The worker ends after it (its port has no listener left).
 * Bundled separately by scripts/package.mjs to dist/data-worker/index.js, where readTables.ts
 * looks for it (from the action and the CLI alike).
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { profileFile } from '../profile/build.js';
import { profileChunk, type ChunkJob } from '../profile/chunk.js';
import type { ProfileParams } from '../profile/params.js';
import { readTable } from '../data/read.js';
import type { ReadOptions, Table } from '../data/types.js';

export type WorkerRequest =
  | { job: 'table'; file: string; opts: ReadOptions }
  | { job: 'profile'; file: string; opts: ReadOptions & { textColumns?: string[] }; params: ProfileParams }
  | { job: 'chunk'; chunk: ChunkJob };
export type WorkerReply =
  | { table: Table }
  | { profile: string }
  | { chunk: string }
  | { error: { user: boolean; message: string; stack?: string; file?: string; line?: number; column?: number } };

// The job comes as the first message (the worker may have been started before it was known: pool.ts).
parentPort!.once('message', run);

function run(request: WorkerRequest): void {
  // No top-level await: ncc's webpack does not accept it in this entry.
  (request.job === 'profile'
    ? profileFile(request.file, request.opts, request.params).then((p) =>
        parentPort!.postMessage({ profile: JSON.stringify(p) } satisfies WorkerReply),
      )
    : request.job === 'chunk'
      ? profileChunk(request.chunk).then((c) =>
          parentPort!.postMessage({ chunk: JSON.stringify(c) } satisfies WorkerReply),
        )
      : readTable(request.file, request.opts).then((table) =>
          parentPort!.postMessage({ table } satisfies WorkerReply, buffersOf(table)),
        )
  ).catch((e: unknown) => {
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
  });
}

function buffersOf(t: Table): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>([t.lineAnchors.buffer as ArrayBuffer]);
  for (const c of t.columns) {
    if (c.kind === 'numeric') set.add(c.values.buffer as ArrayBuffer);
    else set.add(c.codes.buffer as ArrayBuffer).add(c.counts.buffer as ArrayBuffer);
  }
  return [...set];
}
