import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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

test('cache round trip: exact key first, else the newest key with the prefix', async () => {
  const cache = new LocalMetricsCache(store);
  const file = join(dir, 'baseline', 'metrics.json');
  mkdirSync(join(dir, 'baseline'));
  const save = async (key: string, content: string) => {
    writeFileSync(file, content);
    const saved = await cache.save(key, file);
    await sleep(15); // distinct save times even on coarse file systems
    return saved;
  };
  expect(await save('metrics-main-1', '{"auc":0.81}')).toBe(true);
  expect(await save('metrics-main-2', '{"auc":0.82}')).toBe(true);
  expect(await save('metrics-dev-9', '{"auc":0.5}')).toBe(true);
  expect(await save('metrics-main-0', '{"auc":0.80}')).toBe(true); // newest, though it sorts first
  // Entries are immutable, as in @actions/cache.
  expect(await save('metrics-main-1', '{"auc":0.99}')).toBe(false);

  rmSync(join(dir, 'baseline'), { recursive: true });
  expect(await cache.restore('metrics-main-', file)).toBe('metrics-main-0');
  expect(readFileSync(file, 'utf8')).toBe('{"auc":0.80}');
  expect(await cache.restore('metrics-main-1', file)).toBe('metrics-main-1');
  expect(readFileSync(file, 'utf8')).toBe('{"auc":0.81}');
  expect(await cache.restore('metrics-other-', file)).toBeUndefined();

  // Keys become safe directory names; a long key still works.
  const odd = `../weird/key:*?${'k'.repeat(400)}`;
  expect(await save(odd, 'odd')).toBe(true);
  expect(await cache.restore('../weird/', file)).toBe(odd);
  expect(readFileSync(file, 'utf8')).toBe('odd');
  expect(readdirSync(join(store, 'cache')).every((n) => !n.includes('/') && n !== '..')).toBe(true);

  await expect(cache.save('a,b', file)).rejects.toThrow(/without commas/);
  await expect(cache.save('k', join(dir, 'none.json'))).rejects.toThrow('file to cache not found');
});
