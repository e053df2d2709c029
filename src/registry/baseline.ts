/**
 * The metrics of the version that holds a stage (`registry:<model>@<stage>`), as a baseline for the
 * gate and as the champion for the promote stage. The tags are the source of truth: the holder is
 * found from the remote's tag list (`git ls-remote`, names and commits only), and its metrics come
 * from the cache when an entry for exactly that version exists, else from the version tag's message
 * after fetching the tags.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { MetricFile } from '../metrics/types.js';
import type { MetricsCache } from '../store/types.js';
import { git } from './git.js';
import { assertValidArtifact, assertValidStage, parseTag } from './gto-tags.js';
import { fetchTags } from './push-tags.js';
import { listModelState, modelState, type ModelState, type RegistryTag } from './registry-state.js';

export const REGISTRY_PREFIX = 'registry:';

/** The version in a stage and its metrics. */
export interface StageHolder {
  model: string;
  stage: string;
  version: string;
  /** The version's commit. */
  commit: string;
  /** The stage tag that put it there. */
  tag: string;
  metrics: Record<string, number>;
  /** Where the metrics were read: the cache (no fetch needed) or the tags. */
  source: 'cache' | 'tags';
}

/** `registry:<model>@<stage>` → its parts; UserError when malformed. */
export function parseRegistrySpec(spec: string): { model: string; stage: string } {
  const body = spec.slice(REGISTRY_PREFIX.length);
  const at = body.lastIndexOf('@');
  if (!spec.startsWith(REGISTRY_PREFIX) || at <= 0 || at === body.length - 1) {
    throw new UserError(`baseline '${spec}' must look like registry:<model>@<stage>, e.g. registry:churn@prod`);
  }
  const model = body.slice(0, at);
  const stage = body.slice(at + 1);
  assertValidArtifact(model);
  assertValidStage(stage);
  return { model, stage };
}

/** Cache key of one version's metrics in one stage; '#' and '@' cannot occur in GTO names. */
export function holderCacheKey(model: string, stage: string, version: string): string {
  return `ml-quality-gate-registry/${model}#${stage}@${version}`;
}

/**
 * The file the cache saves and restores (@actions/cache needs the same path on both sides, so it
 * is relative to the workspace and fixed).
 */
export function holderCacheFile(model: string, stage: string, cwd = process.cwd()): string {
  return resolve(
    cwd,
    '.ml-quality-gate',
    'registry',
    `${model.replace(/[^a-z0-9-]/g, '_')}@${stage.replace(/[^a-z0-9-]/g, '_')}.json`,
  );
}

/** Saves a holder's metrics in the cache; best effort (a cache failure never changes a verdict). */
export async function cacheHolder(
  cache: MetricsCache,
  h: Omit<StageHolder, 'source'>,
  cwd = process.cwd(),
): Promise<boolean> {
  const file = holderCacheFile(h.model, h.stage, cwd);
  try {
    await mkdir(dirname(file), { recursive: true });
    const { model, stage, version, commit, tag, metrics } = h;
    await writeFile(file, JSON.stringify({ model, stage, version, commit, tag, metrics }));
    return await cache.save(holderCacheKey(h.model, h.stage, h.version), file);
  } catch {
    return false;
  }
}

export interface ReadHolderOptions {
  /** Cache to try first; none: read the tags. */
  cache?: MetricsCache;
  remote?: string;
  /** Save what was read from the tags in the cache. */
  save?: boolean;
  cwd?: string;
}

/**
 * The version that holds `stage` and its metrics; undefined when no version holds it. With a remote,
 * the remote's tags decide who the holder is.
 */
export async function readStageHolder(
  repoDir: string,
  model: string,
  stage: string,
  options: ReadHolderOptions = {},
): Promise<StageHolder | undefined> {
  const remote = options.remote ?? 'origin';
  const cwd = options.cwd ?? process.cwd();
  if (await hasRemote(repoDir, remote)) {
    const listed = modelState(model, await lsRemoteTags(repoDir, remote)).stages[stage];
    const current = listed?.current;
    if (!current?.version) return undefined;
    // Tags without a counter (GTO's simple mode) are ordered by date, which only the fetched tags carry.
    const ordered = listed.history.every((e) => e.counter !== undefined);
    const cached =
      ordered && options.cache && (await fromCache(options.cache, model, stage, current.version, current.commit, cwd));
    if (cached) return cached;
    await fetchTags(repoDir, remote);
  }
  const holder = holderFromState(await listModelState(repoDir, model), stage);
  if (holder && options.cache && options.save) await cacheHolder(options.cache, holder, cwd);
  return holder;
}

/** The holder of a stage in a state read from the tags (messages included). */
export function holderFromState(state: ModelState, stage: string): StageHolder | undefined {
  const current = state.stages[stage]?.current;
  if (!current?.version) return undefined;
  const version = state.versions.find((v) => v.version === current.version);
  return {
    model: state.model,
    stage,
    version: current.version,
    commit: current.commit,
    tag: current.tag,
    metrics: metricsOfMessage(version?.data),
    source: 'tags',
  };
}

/** The `metrics` object of a version tag's JSON message: finite numbers only; {} when absent. */
export function metricsOfMessage(data: unknown): Record<string, number> {
  const metrics = (data as { metrics?: unknown } | undefined)?.metrics;
  if (!metrics || typeof metrics !== 'object') return {};
  return Object.fromEntries(
    Object.entries(metrics).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])),
  );
}

/** The holder's metrics as a metrics file the gate reads like any baseline. */
export function holderMetricFile(h: StageHolder): MetricFile {
  const file = `${REGISTRY_PREFIX}${h.model}@${h.stage}`;
  return {
    file,
    format: `${h.model}@${h.version}`,
    metrics: Object.entries(h.metrics).map(([name, value]) => ({ name, value, file })),
    aliases: {},
  };
}

/** The gate's `baseline: registry:<model>@<stage>`. */
export async function loadRegistryBaseline(
  spec: string,
  repoDir: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<MetricFile[]> {
  const { model, stage } = parseRegistrySpec(spec);
  if (!(await isGitRepo(repoDir)))
    throw new UserError(`baseline '${spec}' reads the registry's git tags, but ${repoDir} is not a git repository`);
  const { selectStore } = await import('../store/select-store.js');
  const holder = await readStageHolder(repoDir, model, stage, {
    cache: selectStore(env, { localDir: resolve(cwd, '.ml-quality-gate') }).cache,
    cwd,
  });
  if (!holder) {
    throw new UserError(
      `baseline '${spec}': no version of ${model} holds stage '${stage}' yet (no ${model}#${stage}#N tag); promote one first, or give a baseline file`,
    );
  }
  if (Object.keys(holder.metrics).length === 0) {
    throw new UserError(
      `baseline '${spec}': ${model}@${holder.version} holds '${stage}', but its tag message carries no metrics (was it registered by another tool?)`,
    );
  }
  return [holderMetricFile(holder)];
}

async function fromCache(
  cache: MetricsCache,
  model: string,
  stage: string,
  version: string,
  commit: string,
  cwd: string,
): Promise<StageHolder | undefined> {
  const key = holderCacheKey(model, stage, version);
  const file = holderCacheFile(model, stage, cwd);
  try {
    // The store falls back to the newest key with this prefix: only the exact key is this version.
    if ((await cache.restore(key, file)) !== key) return undefined;
    const saved = JSON.parse(await readFile(file, 'utf8')) as Partial<StageHolder>;
    if (saved.version !== version || saved.commit !== commit) return undefined;
    return {
      model,
      stage,
      version,
      commit,
      tag: String(saved.tag ?? ''),
      metrics: metricsOfMessage(saved),
      source: 'cache',
    };
  } catch {
    return undefined;
  }
}

async function hasRemote(repoDir: string, remote: string): Promise<boolean> {
  return (await git(repoDir, ['remote', 'get-url', remote], { allowFailure: true })).exitCode === 0;
}

async function isGitRepo(repoDir: string): Promise<boolean> {
  return (await git(repoDir, ['rev-parse', '--git-dir'], { allowFailure: true })).exitCode === 0;
}

/**
 * The remote's annotated GTO tags, names and commits only (no messages, no objects fetched).
 * Annotated tags are the ones listed with a peeled `^{}` line; lightweight tags are ignored, as GTO does.
 */
async function lsRemoteTags(repoDir: string, remote: string): Promise<RegistryTag[]> {
  const { stdout } = await git(repoDir, ['ls-remote', '--tags', remote]);
  const objects = new Map<string, string>();
  const peeled = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const [sha, ref] = line.trim().split('\t');
    if (!sha || !ref?.startsWith('refs/tags/')) continue;
    const name = ref.slice('refs/tags/'.length);
    if (name.endsWith('^{}')) peeled.set(name.slice(0, -3), sha);
    else objects.set(name, sha);
  }
  const tags: RegistryTag[] = [];
  for (const [name, object] of objects) {
    const parsed = parseTag(name);
    const commit = peeled.get(name);
    if (!parsed || !commit) continue;
    tags.push({ name, parsed, commit, object, createdAt: new Date(0), message: '' });
  }
  return tags;
}
