/**
 * Publishes registry tags with one atomic push, so a stage tag never reaches the remote without its
 * version tag. A push rejected because another run got there first (a tag of the same name now
 * exists, or both runs updated the remote at once) is reported as a lost race, for the caller to
 * re-plan against the fetched tags (src/promote/publish.ts); any other rejection is an error. Tags
 * that were not pushed are deleted locally.
 */
import { UserError } from '../errors.js';
import { git } from './git.js';
import type { PendingTag } from './git-registry.js';

/** Brings the remote's registry tags in, replacing local tags of the same name. */
export async function fetchTags(repoDir: string, remote = 'origin'): Promise<void> {
  await git(repoDir, ['fetch', '--quiet', '--tags', '--force', remote]);
}

export type PushOutcome = 'pushed' | 'lost-race';

export async function pushTags(repoDir: string, tags: PendingTag[], remote = 'origin'): Promise<PushOutcome> {
  if (!tags.length) return 'pushed';
  const refs = tags.map((t) => `refs/tags/${t.name}:refs/tags/${t.name}`);
  const out = await git(repoDir, ['push', '--atomic', '--porcelain', remote, ...refs], { allowFailure: true });
  if (out.exitCode === 0) return 'pushed';
  await deleteOwnTags(repoDir, tags);
  const rejections = rejectionReasons(out.stdout);
  // "already exists": the name was taken first; the others: two pushes updated the remote at once.
  if (rejections.some((r) => /already exists|failed to update ref|cannot lock ref|atomic transaction failed/.test(r)))
    return 'lost-race';
  const detail = rejections.join('; ') || out.stderr.trim().split('\n').slice(-2).join(' ');
  throw new UserError(`could not push registry tags to '${remote}': ${detail}`);
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
