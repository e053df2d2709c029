/**
 * Picks the stores: GitHub's services when the runner gives the action their credentials
 * (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, both needed by @actions/artifact and by
 * @actions/cache's v2 service), else a local directory. `notice` is set in the local case so the
 * caller tells the user once.
 */
import { DEFAULT_LOCAL_DIR, LocalArtifactStore, LocalMetricsCache } from './local-store.js';
import { RunnerArtifactStore, RunnerMetricsCache } from './runner-store.js';
import type { ArtifactStore, MetricsCache } from './types.js';

export interface StoreSelection {
  kind: 'runner' | 'local';
  artifacts: ArtifactStore;
  cache: MetricsCache;
  /** One line for the user when the local store is used. */
  notice?: string;
}

export interface SelectStoreOptions {
  /** Local directory; default `.ml-quality-gate`. */
  localDir?: string;
  retentionDays?: number;
}

export function selectStore(env: NodeJS.ProcessEnv = process.env, options: SelectStoreOptions = {}): StoreSelection {
  if (env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL) {
    return {
      kind: 'runner',
      artifacts: new RunnerArtifactStore({ retentionDays: options.retentionDays, env }),
      cache: new RunnerMetricsCache(),
    };
  }
  const dir = options.localDir ?? DEFAULT_LOCAL_DIR;
  return {
    kind: 'local',
    artifacts: new LocalArtifactStore(dir),
    cache: new LocalMetricsCache(dir),
    notice: `Not on a GitHub Actions runner (ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL unset): artifacts and cache are kept in ${dir}/`,
  };
}
