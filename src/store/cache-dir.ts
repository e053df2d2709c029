/**
 * Where the local cache lives off a runner: the user's cache directory (`$XDG_CACHE_HOME`, else
 * `~/.cache`), never the checkout, whose contents come from the branch being tested.
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { within } from '../files/workspace.js';

/**
 * The local cache directory, or undefined when the only candidate is inside `workspace` (then
 * nothing is cached).
 *
 * @example
 * localCacheDir({ XDG_CACHE_HOME: '/home/me/.cache' }, '/work/repo') // '/home/me/.cache/ml-quality-gate'
 */
export function localCacheDir(env: NodeJS.ProcessEnv, workspace: string): string | undefined {
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  const dir = resolve(base, 'ml-quality-gate');
  return within(resolve(workspace), dir) ? undefined : dir;
}
