/**
 * Publishing registry tags when other runs may be doing the same: `plan` reads the (fetched) tags
 * and creates local tags; one push; when the push loses a race (a tag of the same name now exists
 * on the remote), the remote's tags are fetched and `plan` runs again, so version numbers, counters
 * and the champion comparison are recomputed against what won. Bounded; then a clear error.
 * What is published with the tags, the version's files, is uploaded by artifact.ts.
 */
import { OperationalError } from '../errors.js';
import type { GitClient } from '../registry/git-client.js';
import type { PendingTag } from '../registry/git-registry.js';
import { pushTags } from '../registry/push-tags.js';
import type { ModelVersion } from '../registry/registry-state.js';

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
  git: GitClient,
  options: PublishOptions,
  plan: (attempt: number) => Promise<T>,
): Promise<T & { attempts: number }> {
  const remote = options.remote ?? 'origin';
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  for (let attempt = 1; ; attempt++) {
    const planned = await plan(attempt);
    if (!options.push || !planned.tags.length) return { ...planned, attempts: attempt };
    await options.beforePush?.(attempt);
    if ((await pushTags(git, planned.tags, remote)) === 'pushed') return { ...planned, attempts: attempt };
    await git.fetchTags(remote);
    if (attempt >= maxAttempts) {
      throw new OperationalError(
        `could not publish ${planned.tags.map((t) => t.name).join(' and ')} to '${remote}': ${attempt} attempts ` +
          'each lost the race to another run registering the same model; nothing was pushed, run the job again',
      );
    }
  }
}

/**
 * The version tag of an existing version when only this clone has it (registered with push: false):
 * pushed with the stage tag, so a stage tag never reaches the remote without its version.
 */
export async function unpublished(git: GitClient, model: string, v: ModelVersion): Promise<PendingTag[]> {
  if ((await git.lsRemoteTags('origin')).some((t) => t.name === v.tag)) return [];
  const object = (await git.tryTagObject(v.tag)) ?? '';
  return [{ name: v.tag, action: 'register', model, commit: v.commit, object, version: v.version }];
}
