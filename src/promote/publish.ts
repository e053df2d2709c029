/**
 * Publishing registry tags when other runs may be doing the same: `plan` reads the (fetched) tags
 * and creates local tags; one push; when the push loses a race (a tag of the same name now exists
 * on the remote), the remote's tags are fetched and `plan` runs again, so version numbers, counters
 * and the champion comparison are recomputed against what won. Bounded; then a clear error.
 */
import { UserError } from '../errors.js';
import { git } from '../registry/git.js';
import type { PendingTag } from '../registry/git-registry.js';
import { fetchTags, pushTags } from '../registry/push-tags.js';

export interface PublishOptions {
  push: boolean;
  remote?: string;
  /** Plans and pushes before giving up; default 3. */
  maxAttempts?: number;
  /** Test hook: runs after planning, before each push (a test makes another run win here). */
  beforePush?: (attempt: number) => Promise<void>;
}

export interface Planned {
  /** Tags to push; none when the plan decided not to (refused, nothing to do). */
  tags: PendingTag[];
}

export async function publish<T extends Planned>(
  repoDir: string,
  options: PublishOptions,
  plan: (attempt: number) => Promise<T>,
): Promise<T & { attempts: number }> {
  const remote = options.remote ?? 'origin';
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  for (let attempt = 1; ; attempt++) {
    const planned = await plan(attempt);
    if (!options.push || !planned.tags.length) return { ...planned, attempts: attempt };
    await options.beforePush?.(attempt);
    try {
      // One attempt: a lost race is re-planned here, not merely renumbered.
      await pushTags(repoDir, planned.tags, { remote, maxAttempts: 1 });
      return { ...planned, attempts: attempt };
    } catch (e) {
      // pushTags says "other runs kept creating the same tags" for a rejection that was a race
      // (also two pushes locking the remote at once); a name taken on the remote is one for sure.
      const race = e instanceof UserError && e.message.includes('other runs');
      if (!(await lostRace(repoDir, remote, planned.tags)) && !race) throw e;
      if (attempt >= maxAttempts) {
        throw new UserError(
          `could not publish ${planned.tags.map((t) => t.name).join(' and ')} to '${remote}': ${attempt} attempts each lost the race to another run registering the same model; nothing was pushed, run the job again`,
        );
      }
    }
  }
}

/** After a failed push (pushTags deleted our local tags): fetch; a tag of ours by name now there means another run won. */
async function lostRace(repoDir: string, remote: string, tags: PendingTag[]): Promise<boolean> {
  try {
    await fetchTags(repoDir, remote);
  } catch {
    return false;
  }
  for (const t of tags) {
    const out = await git(repoDir, ['rev-parse', '--verify', '--quiet', `refs/tags/${t.name}`], { allowFailure: true });
    if (out.exitCode === 0) return true;
  }
  return false;
}
