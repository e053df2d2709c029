/**
 * Publishes registry tags with one atomic push, so a stage tag never reaches the remote without its
 * version tag. A push rejected because another run got there first (a tag of the same name now
 * exists, or both runs updated the remote at once) is reported as a lost race, for the caller to
 * re-plan against the fetched tags (src/promote/publish.ts); any other failure is an
 * OperationalError. Tags that were not pushed are deleted locally.
 */
import { OperationalError } from '../errors.js';
import type { GitClient } from './git-client.js';
import type { PendingTag } from './git-registry.js';

export type PushOutcome = 'pushed' | 'lost-race';

export async function pushTags(git: GitClient, tags: PendingTag[], remote = 'origin'): Promise<PushOutcome> {
  if (!tags.length) return 'pushed';
  const refs = tags.map((t) => `refs/tags/${t.name}:refs/tags/${t.name}`);
  let out: Awaited<ReturnType<GitClient['pushAtomic']>>;
  try {
    out = await git.pushAtomic(remote, refs);
  } catch (e) {
    await deleteOwnTags(git, tags);
    throw e;
  }
  if (out.ok) return 'pushed';
  await deleteOwnTags(git, tags);
  const rejections = out.lines
    .filter((l) => l.flag === '!' && !l.summary.includes('atomic push failed'))
    .map((l) => `${l.ref.split(':').pop()?.replace('refs/tags/', '')}: ${l.summary}`);
  // "already exists": the name was taken first; the others: two pushes updated the remote at once.
  if (rejections.some((r) => /already exists|failed to update ref|cannot lock ref|atomic transaction failed/.test(r)))
    return 'lost-race';
  throw new OperationalError(
    `could not push registry tags to ${await git.describeRemote(remote)}: ${rejections.join('; ') || out.message}`,
  );
}

/** Deletes local tags that are still the ones we created (a forced fetch may have replaced them). */
async function deleteOwnTags(git: GitClient, tags: PendingTag[]): Promise<void> {
  for (const t of tags) if ((await git.tryTagObject(t.name)) === t.object) await git.deleteTag(t.name);
}
