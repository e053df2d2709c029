/**
 * The metrics of the version that holds a stage (`registry:<model>@<stage>`), as a baseline for the
 * gate and as the champion for the promote stage. The tags are the source of truth: with a remote,
 * its tag list (`git ls-remote`) says which tags exist; their objects come from the cache when an
 * entry matches them hash for hash (tag-cache.ts), else from a fetch. The holder is the one GTO
 * shows (registry-state.ts), its metrics the version tag's message.
 */
import { UserError } from '../errors.js';
import type { MetricFile } from '../metrics/types.js';
import type { MetricsCache } from '../store/types.js';
import { GitClient } from './git-client.js';
import { assertValidArtifact, assertValidStage } from './gto-tags.js';
import { readModelTags, viewOf, type ModelTags } from './read-tags.js';
import type { ModelState } from './registry-state.js';
import { restoreTags, saveTags, tagCacheKey } from './tag-cache.js';

export const REGISTRY_PREFIX = 'registry:';

/** The version in a stage and its metrics. */
export interface StageHolder {
  model: string;
  stage: string;
  version: string;
  /** False for a commit assigned to the stage without a version (GTO names it by its commit). */
  registered: boolean;
  /** The version's commit. */
  commit: string;
  /** The stage tag that put it there. */
  tag: string;
  metrics: Record<string, number>;
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

export interface ReadHolderOptions {
  /** Cache to try before fetching, and to fill after. */
  cache?: MetricsCache;
  remote?: string;
}

export interface HolderRead {
  state: ModelState;
  holder?: StageHolder;
  /** Where the tags were read: the cache (no fetch), the fetched remote tags, or the local ones. */
  source: 'cache' | 'remote' | 'local';
}

/**
 * The model's state and the holder of `stage` (undefined when nobody holds it). With a remote,
 * exactly the remote's tags count.
 */
export async function readStageHolder(
  git: GitClient,
  model: string,
  stage: string,
  options: ReadHolderOptions = {},
): Promise<HolderRead> {
  const remote = options.remote ?? 'origin';
  let tags: ModelTags;
  let source: HolderRead['source'];
  if (await git.tryRemoteUrl(remote)) {
    const listing = await git.lsRemoteTags(remote);
    const key = tagCacheKey(model, listing);
    const cached = options.cache && (await restoreTags(options.cache, key, model, listing));
    if (cached) {
      tags = cached;
      source = 'cache';
    } else {
      await git.fetchTags(remote);
      tags = await readModelTags(git, model, listing);
      source = 'remote';
      if (options.cache) await saveTags(options.cache, key, tags);
    }
  } else {
    tags = await readModelTags(git, model);
    source = 'local';
  }
  const state = viewOf(tags);
  return { state, holder: holderFromState(state, stage), source };
}

/** The holder of a stage in a state read from the tags (messages included), as `gto show` shows it. */
export function holderFromState(state: ModelState, stage: string): StageHolder | undefined {
  const current = state.stages.get(stage)?.current;
  if (!current) return undefined;
  const version = state.versions.find((v) => v.version === current.version && v.commit === current.commit);
  return {
    model: state.model,
    stage,
    version: current.version,
    registered: current.registered,
    commit: current.commit,
    tag: current.tag,
    metrics: metricsOfMessage(version?.data),
  };
}

/**
 * The `metrics` object of a version tag's JSON message: finite numbers only; empty when absent.
 * A null-prototype object: a metric named `constructor` or `__proto__` is an ordinary key.
 */
export function metricsOfMessage(data: unknown): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  const metrics = (data as { metrics?: unknown } | undefined)?.metrics;
  if (!metrics || typeof metrics !== 'object' || Array.isArray(metrics)) return out;
  for (const [name, value] of Object.entries(metrics)) {
    if (typeof value === 'number' && Number.isFinite(value)) out[name] = value;
  }
  return out;
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
  const git = new GitClient(repoDir, env);
  if (!(await git.isRepository()))
    throw new UserError(`baseline '${spec}' reads the registry's git tags, but ${repoDir} is not a git repository`);
  const { selectStore } = await import('../store/select-store.js');
  const { state, holder } = await readStageHolder(git, model, stage, {
    cache: selectStore(env, { workspace: cwd }).cache,
  });
  if (!holder) {
    const held = state.stages.get(stage)?.holders.length;
    throw new UserError(
      !state.active && held
        ? `baseline '${spec}': ${model} is deprecated (a ${model}@deprecated tag is its newest event), so no version holds '${stage}'`
        : `baseline '${spec}': no version of ${model} holds stage '${stage}' (no ${model}#${stage}#N tag in force); ` +
            'promote one first, or give a baseline file',
    );
  }
  if (!holder.registered) {
    throw new UserError(
      `baseline '${spec}': stage '${stage}' is held by commit ${holder.commit.slice(0, 12)} (tag ${holder.tag}), ` +
        `which is no registered version of ${model}: it has no metrics`,
    );
  }
  if (Object.keys(holder.metrics).length === 0) {
    throw new UserError(
      `baseline '${spec}': ${model}@${holder.version} holds '${stage}', ` +
        'but its tag message carries no metrics (was it registered by another tool?)',
    );
  }
  return [holderMetricFile(holder)];
}
