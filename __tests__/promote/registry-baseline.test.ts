/**
 * The stage holder's metrics as a baseline: the remote's tag list decides the holder, the cache
 * spares the fetch, the tags are the truth. And the runner's artifact and cache clients, behind
 * the store's small interfaces, as the promote stage drives them.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheHolder, loadRegistryBaseline, readStageHolder } from '../../src/registry/baseline.js';
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

test('cache hit for the current holder: metrics without fetching a tag', async () => {
  const work = fx.clone('work');
  await promoteIn(work, V1);
  const cache = new LocalMetricsCache(join(work, '.ml-quality-gate'));
  const pr = cloneNoTags('pr');
  const holder = await readStageHolder(pr, 'churn', 'prod', { cache, cwd: pr });
  expect(holder).toMatchObject({ version: 'v0.1.0', source: 'cache', metrics: V1, tag: 'churn#prod#1' });
  expect(tagsOf(pr)).toEqual([]);
});

test('cache miss, or an entry of another version: tags fetched and read; save on request', async () => {
  const work = fx.clone('work');
  await promoteIn(work, V1);
  // The cache only knows v0.1.0; v0.2.0 now holds prod.
  const cacheDir = join(fx.root, 'cache-store');
  const cache = new LocalMetricsCache(cacheDir);
  const v1 = await readStageHolder(work, 'churn', 'prod');
  expect(await cacheHolder(cache, v1!, fx.root)).toBe(true);
  await promoteIn(work, V2);

  const pr = cloneNoTags('pr');
  const holder = await readStageHolder(pr, 'churn', 'prod', { cache, cwd: pr, save: true });
  expect(holder).toMatchObject({ version: 'v0.2.0', source: 'tags', metrics: V2 });
  expect(tagsOf(pr)).toEqual(['churn#prod#1', 'churn#prod#2', 'churn@v0.1.0', 'churn@v0.2.0']);
  // Saved: the next run hits.
  const next = cloneNoTags('pr2');
  expect(await readStageHolder(next, 'churn', 'prod', { cache, cwd: next })).toMatchObject({
    version: 'v0.2.0',
    source: 'cache',
  });
});

test('a cache entry that disagrees with the tags is ignored', async () => {
  const work = fx.clone('work');
  await promoteIn(work, V1);
  const cache = new LocalMetricsCache(join(fx.root, 'cache-store'));
  // An entry under the right key claiming another commit (a re-created tag): not trusted.
  const v1 = (await readStageHolder(work, 'churn', 'prod'))!;
  await cacheHolder(cache, { ...v1, commit: '0'.repeat(40), metrics: { accuracy: 1 } }, fx.root);
  const pr = cloneNoTags('pr');
  expect(await readStageHolder(pr, 'churn', 'prod', { cache, cwd: pr })).toMatchObject({ source: 'tags', metrics: V1 });
});

test('the gate baseline: metrics file of the holder; a stage nobody holds is an error', async () => {
  const work = fx.clone('work');
  await promoteIn(work, V1);
  const pr = cloneNoTags('pr');
  const [file] = await loadRegistryBaseline('registry:churn@prod', pr, {}, pr);
  expect(file).toMatchObject({ file: 'registry:churn@prod', format: 'churn@v0.1.0' });
  expect(file.metrics.find((m) => m.name === 'accuracy')?.value).toBe(0.86);
  await expect(loadRegistryBaseline('registry:churn@staging', pr, {}, pr)).rejects.toThrow(
    "no version of churn holds stage 'staging' yet",
  );
  await expect(loadRegistryBaseline('registry:churn@prod', fx.root, {}, fx.root)).rejects.toThrow(
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
  expect(saved).toHaveLength(1);
  expect(saved[0].key).toBe('ml-quality-gate-registry/churn#prod@v0.1.0');
  expect(JSON.parse(saved[0].content)).toMatchObject({ version: 'v0.1.0', metrics: V1 });

  // A failing cache never fails a promotion.
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
