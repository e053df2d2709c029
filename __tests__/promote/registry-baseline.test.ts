/**
 * The stage holder's metrics as a baseline: the remote's tag list decides the holder, the cache
 * spares the fetch, the tags are the truth. And the runner's artifact and cache clients, behind
 * the store's small interfaces, as the promote stage drives them.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistryBaseline, readStageHolder } from '../../src/registry/baseline.js';
import { GitClient } from '../../src/registry/git-client.js';
import { runPromote } from '../../src/stages/promote.js';
import { LocalMetricsCache } from '../../src/store/local-store.js';
import {
  RunnerArtifactStore,
  RunnerMetricsCache,
  type ArtifactClientLike,
  type CacheClientLike,
} from '../../src/store/runner-store.js';
import { commitModel, gitFixture, promoteSettings, sh, tagMessage, tagsOf, type Fixture } from './helpers.js';

let fx: Fixture;
beforeEach(() => {
  fx = gitFixture();
});
afterEach(() => fx.cleanup());

const V1 = { accuracy: 0.86, eval_loss: 0.4, f1: 0.8 };
const V2 = { accuracy: 0.9, eval_loss: 0.3, f1: 0.85 };

/** A clone without the remote's tags, as actions/checkout leaves one. */
function cloneNoTags(name: string): string {
  const dir = join(fx.root, name);
  sh(fx.root, 'clone', '--quiet', '--no-tags', fx.remote, dir);
  return dir;
}

async function promoteIn(repo: string, metrics: Record<string, number>, inputs: Record<string, string> = {}) {
  commitModel(repo, metrics);
  const result = await runPromote(promoteSettings(repo, inputs), { env: {}, cwd: repo });
  expect(result.ok).toBe(true);
  return result;
}

/** A cache outside the workspace, as the action keeps one off a runner. */
const cacheIn = (name: string) => new LocalMetricsCache(join(fx.root, name));

test('first read fetches and fills the cache; the next clone reads the holder without fetching', async () => {
  const work = fx.clone('work');
  await promoteIn(work, V1);
  const cache = cacheIn('cache');
  const pr = cloneNoTags('pr');
  const first = await readStageHolder(new GitClient(pr), 'churn', 'prod', { cache });
  expect(first.source).toBe('remote');
  expect(first.holder).toMatchObject({ version: 'v0.1.0', metrics: V1, tag: 'churn#prod#1', registered: true });
  expect(await cache.keys()).toHaveLength(1);

  const next = cloneNoTags('pr2');
  const hit = await readStageHolder(new GitClient(next), 'churn', 'prod', { cache });
  expect(hit.source).toBe('cache');
  expect(hit.holder).toMatchObject({ version: 'v0.1.0', metrics: V1, tag: 'churn#prod#1' });
  expect(tagsOf(next)).toEqual([]);
});

test('a new tag on the remote is another key: the stale entry is never used', async () => {
  const work = fx.clone('work');
  await promoteIn(work, V1);
  const cache = cacheIn('cache');
  await readStageHolder(new GitClient(cloneNoTags('pr')), 'churn', 'prod', { cache });
  await promoteIn(work, V2);
  const pr = cloneNoTags('pr2');
  const read = await readStageHolder(new GitClient(pr), 'churn', 'prod', { cache });
  expect(read).toMatchObject({ source: 'remote', holder: { version: 'v0.2.0', metrics: V2 } });
  expect(tagsOf(pr)).toEqual(['churn#prod#1', 'churn#prod#2', 'churn@v0.1.0', 'churn@v0.2.0']);
});

test('a forged cache entry under the right key is a miss: every object must hash to the id the remote lists', async () => {
  const work = fx.clone('work');
  await promoteIn(work, V1);
  const cache = cacheIn('cache');
  await readStageHolder(new GitClient(cloneNoTags('pr')), 'churn', 'prod', { cache });
  const [key] = await cache.keys();
  const original = (await cache.restore(key, 1 << 24))!.toString('utf8');
  const entry = JSON.parse(original);
  // The version tag's message rewritten to claim a better champion, in a fresh entry of the same key.
  for (const [id, raw] of Object.entries(entry.tags as Record<string, string>)) {
    const text = Buffer.from(raw, 'base64').toString('utf8');
    if (text.includes('"metrics"'))
      entry.tags[id] = Buffer.from(text.replace('"accuracy":0.86', '"accuracy":0.99')).toString('base64');
  }
  expect(JSON.stringify(entry)).not.toBe(original);
  const forged = cacheIn('forged');
  expect(await forged.save(key, Buffer.from(JSON.stringify(entry)))).toBe(true);
  const read = await readStageHolder(new GitClient(cloneNoTags('pr2')), 'churn', 'prod', { cache: forged });
  expect(read).toMatchObject({ source: 'remote', holder: { metrics: V1 } });

  // Garbage, an entry of another model, a truncated entry: misses too.
  for (const bytes of ['not json', JSON.stringify({ ...entry, model: 'other' }), JSON.stringify(entry).slice(0, 100)]) {
    const bad = cacheIn(`bad-${bytes.length}`);
    await bad.save(key, Buffer.from(bytes));
    expect(
      (await readStageHolder(new GitClient(cloneNoTags(`pr-${bytes.length}`)), 'churn', 'prod', { cache: bad })).source,
    ).toBe('remote');
  }
});

test('the gate baseline: metrics file of the holder; clear errors for no holder, no repository', async () => {
  const work = fx.clone('work');
  await promoteIn(work, V1);
  const pr = cloneNoTags('pr');
  const env = { XDG_CACHE_HOME: join(fx.root, 'xdg') };
  const [file] = await loadRegistryBaseline('registry:churn@prod', pr, env, pr);
  expect(file).toMatchObject({ file: 'registry:churn@prod', format: 'churn@v0.1.0' });
  expect(file.metrics.find((m) => m.name === 'accuracy')?.value).toBe(0.86);
  await expect(loadRegistryBaseline('registry:churn@staging', pr, env, pr)).rejects.toThrow(
    "no version of churn holds stage 'staging'",
  );
  await expect(loadRegistryBaseline('registry:churn@prod', fx.root, env, fx.root)).rejects.toThrow(
    'is not a git repository',
  );
});

test('on a runner: @actions/artifact and @actions/cache clients get the files, the id goes into the tag', async () => {
  const work = fx.clone('work');
  commitModel(work, V1);
  const uploads: { name: string; files: string[]; root: string }[] = [];
  const artifactClient: ArtifactClientLike = {
    async uploadArtifact(name, files, root) {
      uploads.push({ name, files, root });
      return { id: 4242 };
    },
  };
  const saved: { paths: string[]; key: string; content: string }[] = [];
  const cacheClient: CacheClientLike = {
    async saveCache(paths, key) {
      saved.push({ paths, key, content: readFileSync(paths[0], 'utf8') });
      return 1;
    },
    async restoreCache() {
      return undefined;
    },
  };
  const env = {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '77',
    GITHUB_RUN_NUMBER: '5',
  };
  const store = {
    kind: 'runner' as const,
    artifacts: new RunnerArtifactStore({ env, loadClient: async () => artifactClient }),
    cache: new RunnerMetricsCache(async () => cacheClient),
  };
  const result = await runPromote(promoteSettings(work), { env, cwd: work, store });
  expect(result.outputs).toMatchObject({ version: 'v0.1.0', 'artifact-id': '4242', promoted: 'true' });
  expect(result.notices).toEqual([]);
  expect(uploads).toHaveLength(1);
  expect(uploads[0].name).toBe('churn-v0.1.0');
  expect(uploads[0].root).toBe(work);
  expect(uploads[0].files.map((f) => f.slice(work.length + 1)).sort()).toEqual([
    '.ml-quality-gate/model-cards/churn-v0.1.0/MODEL_CARD.md',
    'models/churn.onnx',
    'reports/metrics.json',
  ]);
  expect(tagMessage(fx.remote, 'churn@v0.1.0')).toMatchObject({
    artifact_id: 4242,
    artifact_url: 'https://github.com/o/r/actions/runs/77/artifacts/4242',
    run_id: 77,
    run_number: 5,
    run_url: 'https://github.com/o/r/actions/runs/77',
  });
  // Promoting reads the registry from the fetched tags: nothing is cached.
  expect(saved).toHaveLength(0);

  // Nor does a failing cache service change anything.
  const broken: CacheClientLike = {
    saveCache: async () => {
      throw new Error('cache service down');
    },
    restoreCache: async () => undefined,
  };
  commitModel(work, V2);
  mkdirSync(join(work, 'x'), { recursive: true });
  copyFileSync(join(work, 'models', 'churn.onnx'), join(work, 'x', 'w.bin'));
  const second = await runPromote(promoteSettings(work, { 'model-path': 'models/churn.onnx\nx' }), {
    env,
    cwd: work,
    store: { ...store, cache: new RunnerMetricsCache(async () => broken) },
  });
  expect(second.outputs).toMatchObject({ version: 'v0.2.0', promoted: 'true' });
  expect(uploads[1].files.some((f) => f.endsWith('x/w.bin'))).toBe(true);
  expect((tagMessage(fx.remote, 'churn@v0.2.0').model_files as string[]).sort()).toEqual([
    'models/churn.onnx',
    'x/w.bin',
  ]);
});
