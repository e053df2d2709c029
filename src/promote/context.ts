/** What every step of the promote stage works with: settings, environment, repository, store. */
import type { GitClient } from '../registry/git-client.js';
import type { PromoteSettings } from '../settings/promote.js';
import type { StoreSelection } from '../store/select-store.js';
import type { PublishOptions } from './publish.js';

/** What a test replaces; the action uses the defaults. */
export interface PromoteDeps {
  env?: NodeJS.ProcessEnv;
  /** Where relative paths are resolved; default process.cwd(). */
  cwd?: string;
  store?: StoreSelection;
  maxAttempts?: number;
  /** Runs before each push (a test makes another run win the race here). */
  beforePush?: (attempt: number) => Promise<void>;
}

export interface PromoteContext {
  s: PromoteSettings;
  env: NodeJS.ProcessEnv;
  cwd: string;
  repo: string;
  git: GitClient;
  store: StoreSelection;
  deps: PromoteDeps;
}

/** How the stage's tags are published: pushed unless `push: false`, re-planned on a lost race. */
export function publishOptions(ctx: PromoteContext): PublishOptions {
  return { push: ctx.s.push, maxAttempts: ctx.deps.maxAttempts, beforePush: ctx.deps.beforePush };
}
