import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { profileFiles, readTables } from '../../src/workers/readTables.js';
import type { WorkerReply, WorkerRequest } from '../../src/workers/worker.js';
import { profileFile } from '../../src/profile/build.js';
import { profileChunk } from '../../src/profile/chunk.js';
import { partJob, planSplit } from '../../src/workers/split.js';
import { DEFAULT_PARAMS } from '../../src/profile/params.js';
import { Profile } from '../../src/profile/profile.js';
import { cat, fixture, num, texts } from '../data/helpers.js';

describe('readTables', () => {
  test('reads several files, in order (in this thread under jest)', async () => {
    const [a, b] = await readTables([fixture('quoted.csv'), fixture('small.csv.gz')]);
    expect(a.rowCount).toBe(4);
    expect(Array.from(num(a, 'score').values)).toEqual([0.5, 1.25, -3, 1000]);
    expect(texts(cat(b, 'label'))).toEqual(['a', 'b', 'a']);
  });

  test('profiles several files, in order (in this thread under jest)', async () => {
    const [a, b] = await profileFiles([fixture('quoted.csv'), fixture('small.csv.gz')]);
    expect([a.rows, b.rows]).toEqual([4, 3]);
    expect(a.sources).toEqual([fixture('quoted.csv')]);
  });
});

// The worker bundle is built by `npm run package`, which `npm test` runs first.
const bundle = fileURLToPath(new URL('../../dist/data-worker/index.js', import.meta.url));
describe('worker bundle (dist/data-worker)', () => {
  const run = (file: string, job: WorkerRequest = { job: 'table', file, opts: {} }) =>
    new Promise<WorkerReply>((resolve, reject) => {
      const w = new Worker(bundle);
      w.once('message', resolve).once('error', reject);
      w.postMessage(job); // the job is the worker's first message (src/workers/pool.ts starts workers ahead)
    });

  test('posts the table back', async () => {
    const reply = await run(fixture('quoted.csv'));
    if (!('table' in reply)) throw new Error(JSON.stringify(reply));
    expect(reply.table.rowCount).toBe(4);
    expect(texts(cat(reply.table, 'text'))).toEqual(['hello, world', 'she said "hi"', 'two\nlines', 'plain']);
  });

  test('posts user errors with their line', async () => {
    const reply = await run(fixture('ragged.csv'));
    if (!('error' in reply)) throw new Error('expected an error');
    expect(reply.error).toMatchObject({ user: true, line: 5 });
  });

  test('posts a profile back, as profileFile makes it in this thread', async () => {
    const file = fixture('quoted.csv');
    const reply = await run(file, { job: 'profile', file, opts: { textColumns: ['id'] }, params: DEFAULT_PARAMS });
    if (!('profile' in reply)) throw new Error(JSON.stringify(reply));
    const here = await profileFile(file, { textColumns: ['id'] });
    // Small data: the sketches hold every value, so the two agree exactly.
    expect(Profile.fromJSON(JSON.parse(reply.profile)).toJSON()).toEqual(JSON.parse(JSON.stringify(here)));
  });

  test('posts the profile of one part of a file back, as profileChunk makes it in this thread', async () => {
    const file = fixture('quoted.csv');
    const plan = (await planSplit(file, {}, 2, 0))!;
    const job = partJob(plan, plan.ranges[0].start, plan.ranges[0].stop, [], DEFAULT_PARAMS);
    const reply = await run(file, { job: 'chunk', chunk: job });
    if (!('chunk' in reply)) throw new Error(JSON.stringify(reply));
    const part = JSON.parse(reply.chunk);
    expect(part.rows).toBeGreaterThan(0);
    expect(part).toEqual(JSON.parse(JSON.stringify(await profileChunk(job))));
  });
});
