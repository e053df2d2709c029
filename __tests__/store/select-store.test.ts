import { LocalArtifactStore, LocalMetricsCache } from '../../src/store/local-store.js';
import {
  RunnerArtifactStore,
  RunnerMetricsCache,
  type ArtifactClientLike,
  type CacheClientLike,
} from '../../src/store/runner-store.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { localCacheDir } from '../../src/store/cache-dir.js';
import { selectStore } from '../../src/store/select-store.js';

test('runner stores only with both runtime variables, else local with one notice', () => {
  const runner = selectStore({ ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://results/' });
  expect(runner.kind).toBe('runner');
  expect(runner.artifacts).toBeInstanceOf(RunnerArtifactStore);
  expect(runner.cache).toBeInstanceOf(RunnerMetricsCache);
  expect(runner.notice).toBeUndefined();

  for (const env of [{}, { ACTIONS_RUNTIME_TOKEN: 't' }, { ACTIONS_RESULTS_URL: 'https://results/' }]) {
    const local = selectStore({ ...env, XDG_CACHE_HOME: '/tmp/xdg' }, { localDir: 'out/store', workspace: '/w' });
    expect(local.kind).toBe('local');
    expect(local.artifacts).toBeInstanceOf(LocalArtifactStore);
    expect(local.cache).toBeInstanceOf(LocalMetricsCache);
    expect(local.notice).toContain('out/store/');
    expect(local.notice).toContain(resolve('/tmp/xdg', 'ml-quality-gate'));
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

test('the runner cache: exact key, no restore keys, a file outside the workspace, size-capped', async () => {
  const calls: unknown[][] = [];
  const runnerTemp = mkdtempSync(join(tmpdir(), 'mlqg-runner-temp-'));
  let stored = Buffer.from('');
  const client: CacheClientLike = {
    async saveCache(paths, key) {
      calls.push(['save', paths, key]);
      stored = readFileSync(paths[0]);
      return key === 'taken' ? -1 : 3;
    },
    async restoreCache(paths, primary, restoreKeys) {
      calls.push(['restore', paths, primary, restoreKeys]);
      writeFileSync(paths[0], stored);
      return primary === 'other' ? 'other-similar' : primary;
    },
  };
  const cache = new RunnerMetricsCache(async () => client, { RUNNER_TEMP: runnerTemp });
  expect(await cache.save('registry-2', Buffer.from('tags'))).toBe(true);
  expect(await cache.save('taken', Buffer.from('x'))).toBe(false);
  expect((await cache.restore('registry-2', 100))?.toString()).toBe('x');
  expect(await cache.restore('other', 100)).toBeUndefined();
  const [save, , restore] = calls as [string, string[], string, unknown][];
  expect(save[1][0].startsWith(join(runnerTemp, 'ml-quality-gate-cache'))).toBe(true);
  expect(restore).toEqual(['restore', save[1], 'registry-2', undefined]);
  await expect(cache.save('a,b', Buffer.from(''))).rejects.toThrow(/without commas/);
  rmSync(runnerTemp, { recursive: true, force: true });
});

test('off a runner the cache lives in the user cache directory, never inside the workspace', () => {
  expect(localCacheDir({ XDG_CACHE_HOME: '/home/me/.cache' }, '/work/repo')).toBe(
    resolve('/home/me/.cache', 'ml-quality-gate'),
  );
  expect(localCacheDir({ XDG_CACHE_HOME: '/work/repo/.cache' }, '/work/repo')).toBeUndefined();
  expect(localCacheDir({ XDG_CACHE_HOME: 'relative' }, '/work/repo')).toBe(
    join(homedir(), '.cache', 'ml-quality-gate'),
  );
  const local = selectStore({ XDG_CACHE_HOME: '/work/repo/x' }, { workspace: '/work/repo' });
  expect(local.cache).toBeUndefined();
  expect(local.notice).toContain('(none: the cache directory would be inside the workspace)');
});
