/**
 * Publishes registry tags with one atomic push, so a stage tag never reaches the remote without its
 * version tag. When another run pushed a tag of the same name first, the push is rejected; we then
 * fetch the remote's tags, renumber ours (next version, next counter) and try again, a bounded
 * number of times. Tags that could not be pushed are deleted locally.
 */
import { UserError } from '../errors.js';
import { git } from './git.js';
import { autoVersion, createStageTag, createVersionTag, type PendingTag } from './git-registry.js';
import { listModelState } from './registry-state.js';

export interface PushOptions {
  remote?: string;
  /** Push attempts before giving up; default 3. */
  maxAttempts?: number;
}

export interface PushResult {
  /** The tags as finally pushed (renumbered if a race was lost). */
  tags: PendingTag[];
  attempts: number;
}

/** Brings the remote's registry tags in, replacing local tags of the same name. */
export async function fetchTags(repoDir: string, remote = 'origin'): Promise<void> {
  await git(repoDir, ['fetch', '--quiet', '--tags', '--force', remote]);
}

export async function pushTags(repoDir: string, tags: PendingTag[], options: PushOptions = {}): Promise<PushResult> {
  const remote = options.remote ?? 'origin';
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  let current = tags;
  for (let attempt = 1; ; attempt++) {
    if (!current.length) return { tags: current, attempts: attempt - 1 };
    const refs = current.map((t) => `refs/tags/${t.name}:refs/tags/${t.name}`);
    const out = await git(repoDir, ['push', '--atomic', '--porcelain', remote, ...refs], { allowFailure: true });
    if (out.exitCode === 0) return { tags: current, attempts: attempt };

    const rejections = rejectionReasons(out.stdout);
    // "already exists": the name was taken first; the others: two pushes updated the remote at once.
    const lostRace = rejections.some((r) => /already exists|failed to update ref|cannot lock ref|atomic transaction failed/.test(r));
    if (!lostRace || attempt >= maxAttempts) {
      await deleteOwnTags(repoDir, current);
      const detail = rejections.join('; ') || out.stderr.trim().split('\n').slice(-2).join(' ');
      throw new UserError(
        lostRace
          ? `could not push registry tags to '${remote}' after ${attempt} attempt(s): other runs kept creating the same tags (${detail})`
          : `could not push registry tags to '${remote}': ${detail}`,
      );
    }
    await deleteOwnTags(repoDir, current);
    await fetchTags(repoDir, remote);
    current = await renumber(repoDir, current);
  }
}

/** Reasons of porcelain lines `!\t<src>:<dst>\t[rejected] (already exists)`, minus the atomic fallout. */
function rejectionReasons(porcelain: string): string[] {
  return porcelain
    .split('\n')
    .filter((l) => l.startsWith('!'))
    .map((l) => {
      const [, ref, reason] = l.split('\t');
      return `${ref?.split(':').pop()?.replace('refs/tags/', '')}: ${reason}`;
    })
    .filter((r) => !r.includes('atomic push failed'));
}

/** Deletes local tags that are still the ones we created (a forced fetch may have replaced them). */
async function deleteOwnTags(repoDir: string, tags: PendingTag[]): Promise<void> {
  for (const t of tags) {
    const out = await git(repoDir, ['rev-parse', '--verify', '--quiet', `refs/tags/${t.name}`], { allowFailure: true });
    if (out.stdout.trim() === t.object) await git(repoDir, ['tag', '-d', t.name]);
  }
}

/** Recreates the tags against the fetched state: new version numbers and counters. */
async function renumber(repoDir: string, tags: PendingTag[]): Promise<PendingTag[]> {
  const result: PendingTag[] = [];
  try {
    for (const t of tags) {
      const state = await listModelState(repoDir, t.model);
      if (t.kind === 'stage') {
        result.push(await createStageTag(repoDir, state, t.stage, t.commit, t.message));
        continue;
      }
      // Another run registered this very commit: its version stands, ours is not needed.
      if (state.versions.some((v) => v.commit === t.commit && !v.deregistered)) continue;
      // An explicit version taken meanwhile makes createVersionTag fail clearly.
      const version = t.bump ? autoVersion(state, t.bump) : t.version;
      result.push(await createVersionTag(repoDir, state, version, t.commit, t.message, t.bump));
    }
  } catch (e) {
    await deleteOwnTags(repoDir, result);
    throw e;
  }
  return result;
}
