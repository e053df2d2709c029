import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalArtifactStore, LocalMetricsCache } from '../../src/store/local-store.js';

let dir: string;
let store: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlqg-store-'));
  store = join(dir, '.ml-quality-gate');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('artifact upload copies the files under their relative paths', async () => {
  mkdirSync(join(dir, 'work', 'model'), { recursive: true });
  writeFileSync(join(dir, 'work', 'model', 'w.bin'), 'weights');
  writeFileSync(join(dir, 'work', 'report.json'), '{}');
  const artifacts = new LocalArtifactStore(store);
  const root = join(dir, 'work');
  const up = await artifacts.upload('model-churn', [join(root, 'model', 'w.bin'), 'report.json'], root);
  expect(up).toEqual({ id: 'model-churn', location: join(store, 'artifacts', 'model-churn') });
  expect(readFileSync(join(up.location, 'model', 'w.bin'), 'utf8')).toBe('weights');
  expect(readdirSync(up.location).sort()).toEqual(['model', 'report.json']);

  await expect(artifacts.upload('x', [join(dir, 'elsewhere.txt')], root)).rejects.toThrow(/is not under/);
  await expect(artifacts.upload('x', ['missing.txt'], root)).rejects.toThrow('artifact file not found: missing.txt');
  await expect(artifacts.upload('a/b', ['report.json'], root)).rejects.toThrow(/artifact name 'a\/b' is invalid/);
});

test('cache round trip: exact keys only, immutable entries, safe directory names, size cap', async () => {
  const cache = new LocalMetricsCache(join(dir, 'cache'));
  expect(await cache.save('registry-main-1', Buffer.from('one'))).toBe(true);
  expect(await cache.save('registry-main-2', Buffer.from('two'))).toBe(true);
  // Entries are immutable, as in @actions/cache.
  expect(await cache.save('registry-main-1', Buffer.from('changed'))).toBe(false);
  expect((await cache.restore('registry-main-1', 100))?.toString()).toBe('one');
  // No prefix matching: a key names exactly one entry.
  expect(await cache.restore('registry-main-', 100)).toBeUndefined();
  expect(await cache.restore('registry-main-2', 2)).toBeUndefined();

  // Keys become safe directory names; a long key still works.
  const odd = `../weird/key:*?${'k'.repeat(400)}`;
  expect(await cache.save(odd, Buffer.from('odd'))).toBe(true);
  expect((await cache.restore(odd, 100))?.toString()).toBe('odd');
  expect(readdirSync(join(dir, 'cache')).every((n) => !n.includes('/') && n !== '..')).toBe(true);
  expect((await cache.keys()).sort()).toEqual([odd, 'registry-main-1', 'registry-main-2'].sort());

  // An entry whose data is not a regular file (a FIFO, a directory) is a miss, not a hang.
  const fifoKey = 'fifo-entry';
  await cache.save(fifoKey, Buffer.from('x'));
  const entry = join(dir, 'cache', 'fifo-entry');
  rmSync(join(entry, 'data'));
  mkdirSync(join(entry, 'data'));
  expect(await cache.restore(fifoKey, 100)).toBeUndefined();

  await expect(cache.save('a,b', Buffer.from(''))).rejects.toThrow(/without commas/);
});
