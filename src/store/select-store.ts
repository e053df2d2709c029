/**
 * Picks the stores: GitHub's services when the runner gives the action their credentials
 * (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, both needed by @actions/artifact and by
 * @actions/cache's v2 service), else local directories: artifacts in `localDir`, the cache outside
 * the workspace (cache-dir.ts). `notice` is set in the local case so the caller tells the user once.
 */
import { localCacheDir } from './cache-dir.js';
import { LocalArtifactStore, LocalMetricsCache } from './local-store.js';
import { RunnerArtifactStore, RunnerMetricsCache } from './runner-store.js';
import type { ArtifactStore, MetricsCache } from './types.js';
import { LOCAL_DIR } from '../local-dir.js';

export interface StoreSelection {
  kind: 'runner' | 'local';
  artifacts: ArtifactStore;
  /** Undefined when there is nowhere safe to keep one (the only candidate is in the workspace). */
  cache?: MetricsCache;
  /** One line for the user when the local store is used. */
  notice?: string;
}

export interface SelectStoreOptions {
  /** Local artifact directory; default `.ml-quality-gate`. */
  localDir?: string;
  /** The checkout: the local cache is never inside it. Default: the current directory. */
  workspace?: string;
  retentionDays?: number;
}

export function selectStore(env: NodeJS.ProcessEnv = process.env, options: SelectStoreOptions = {}): StoreSelection {
  if (env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL) {
    return {
      kind: 'runner',
      artifacts: new RunnerArtifactStore({ retentionDays: options.retentionDays, env }),
      cache: new RunnerMetricsCache(undefined, env),
    };
  }
  const dir = options.localDir ?? LOCAL_DIR;
  const cacheDir = localCacheDir(env, options.workspace ?? process.cwd());
  return {
    kind: 'local',
    artifacts: new LocalArtifactStore(dir),
    cache: cacheDir ? new LocalMetricsCache(cacheDir) : undefined,
    notice:
      'Not on a GitHub Actions runner (ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL unset): ' +
      `artifacts are kept in ${dir}/, the registry cache in ${cacheDir ?? '(none: the cache directory would be inside the workspace)'}`,
  };
}
