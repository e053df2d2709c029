import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readTables } from '../../src/data/readTables.js';
import type { WorkerReply } from '../../src/data/worker.js';
import { cat, fixture, num, texts } from './helpers.js';

describe('readTables', () => {
  test('reads several files, in order (in this thread under jest)', async () => {
    const [a, b] = await readTables([fixture('quoted.csv'), fixture('small.csv.gz')]);
    expect(a.rowCount).toBe(4);
    expect(Array.from(num(a, 'score').values)).toEqual([0.5, 1.25, -3, 1000]);
    expect(texts(cat(b, 'label'))).toEqual(['a', 'b', 'a']);
  });
});

// The worker bundle is built by `npm run package`, which `npm test` runs first.
const bundle = fileURLToPath(new URL('../../dist/data-worker/index.js', import.meta.url));
describe('worker bundle (dist/data-worker)', () => {
  const run = (file: string) =>
    new Promise<WorkerReply>((resolve, reject) => {
      const w = new Worker(bundle, { workerData: { file, opts: {} } });
      w.once('message', resolve).once('error', reject);
    });

  test('posts the table back', async () => {
    const reply = await run(fixture('quoted.csv'));
    if (!('table' in reply)) throw new Error(reply.error.message);
    expect(reply.table.rowCount).toBe(4);
    expect(texts(cat(reply.table, 'text'))).toEqual(['hello, world', 'she said "hi"', 'two\nlines', 'plain']);
  });

  test('posts user errors with their line', async () => {
    const reply = await run(fixture('ragged.csv'));
    if ('table' in reply) throw new Error('expected an error');
    expect(reply.error).toMatchObject({ user: true, line: 5 });
  });
});
