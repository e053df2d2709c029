import { LocalArtifactStore, LocalMetricsCache } from '../../src/store/local-store.js';
import {
  RunnerArtifactStore,
  RunnerMetricsCache,
  type ArtifactClientLike,
  type CacheClientLike,
} from '../../src/store/runner-store.js';
import { selectStore } from '../../src/store/select-store.js';

test('runner stores only with both runtime variables, else local with one notice', () => {
  const runner = selectStore({ ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://results/' });
  expect(runner.kind).toBe('runner');
  expect(runner.artifacts).toBeInstanceOf(RunnerArtifactStore);
  expect(runner.cache).toBeInstanceOf(RunnerMetricsCache);
  expect(runner.notice).toBeUndefined();

  for (const env of [{}, { ACTIONS_RUNTIME_TOKEN: 't' }, { ACTIONS_RESULTS_URL: 'https://results/' }]) {
    const local = selectStore(env, { localDir: 'out/store' });
    expect(local.kind).toBe('local');
    expect(local.artifacts).toBeInstanceOf(LocalArtifactStore);
    expect(local.cache).toBeInstanceOf(LocalMetricsCache);
    expect(local.notice).toContain('out/store/');
  }
});

test('the runner artifact store calls uploadArtifact, loading the client once and only when used', async () => {
  const calls: unknown[][] = [];
  let loads = 0;
  const client: ArtifactClientLike = {
    async uploadArtifact(...args) {
      calls.push(args);
      return { id: 42, size: 10 };
    },
  };
  const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7' };
  const store = new RunnerArtifactStore({ retentionDays: 5, env, loadClient: async () => (loads++, client) });
  expect(loads).toBe(0);
  expect(await store.upload('model', ['/w/m.bin'], '/w')).toEqual({
    id: 42,
    location: 'https://github.com/o/r/actions/runs/7/artifacts/42',
  });
  await store.upload('report', ['/w/r.json'], '/w');
  expect(loads).toBe(1);
  expect(calls[0]).toEqual(['model', ['/w/m.bin'], '/w', { retentionDays: 5 }]);

  const empty = new RunnerArtifactStore({ env: {}, loadClient: async () => ({ uploadArtifact: async () => ({}) }) });
  await expect(empty.upload('model', [], '/w')).rejects.toThrow("artifact 'model' was not uploaded");
});

test('the runner cache maps save/restore onto saveCache/restoreCache with a prefix restore key', async () => {
  const calls: unknown[][] = [];
  const client: CacheClientLike = {
    async saveCache(paths, key) {
      calls.push(['save', paths, key]);
      return key === 'taken' ? -1 : 3;
    },
    async restoreCache(paths, primary, restoreKeys) {
      calls.push(['restore', paths, primary, restoreKeys]);
      return 'metrics-main-2';
    },
  };
  const cache = new RunnerMetricsCache(async () => client);
  expect(await cache.save('metrics-main-2', 'm.json')).toBe(true);
  expect(await cache.save('taken', 'm.json')).toBe(false);
  expect(await cache.restore('metrics-main-', 'm.json')).toBe('metrics-main-2');
  expect(calls).toEqual([
    ['save', ['m.json'], 'metrics-main-2'],
    ['save', ['m.json'], 'taken'],
    ['restore', ['m.json'], 'metrics-main-', ['metrics-main-']],
  ]);
  await expect(cache.save('a,b', 'm.json')).rejects.toThrow(/without commas/);
});
