/**
 * A cache of one model's registry tags, so the gate can read a stage holder without fetching: an
 * entry holds the raw tag objects and the raw commits they point at. The tags are the source of
 * truth: an entry is used only when every tag the remote lists for the model is in it and hashes
 * to the object id the remote lists (a git object id is the hash of the object), and every commit
 * likewise. A forged, stale or damaged entry is a miss, never a champion.
 */
import { debug, reason } from '../debug.js';
import { createHash } from 'node:crypto';
import type { MetricsCache } from '../store/types.js';
import type { RemoteTag } from './git-client.js';
import { parseTag } from './gto-tags.js';
import { commitTime, tagOf, type ModelTags } from './read-tags.js';

/** Entries larger than this are neither saved nor read. */
const MAX_ENTRY_BYTES = 32 * 1024 * 1024;

interface Entry {
  format: 1;
  model: string;
  /** Tag object id → the raw object, base64. */
  tags: Record<string, string>;
  /** Commit id → the raw object, base64. */
  commits: Record<string, string>;
}

/** The key of the model's tags as the remote lists them: any change of a tag is another key. */
export function tagCacheKey(model: string, listing: RemoteTag[]): string {
  const own = listing
    .filter((t) => parseTag(t.name)?.artifact === model)
    .map((t) => `${t.name} ${t.object} ${t.peeled ?? ''}\n`)
    .sort();
  const digest = createHash('sha256').update(own.join('')).digest('hex').slice(0, 40);
  return `ml-quality-gate-registry/${model}/${digest}`;
}

/** Saves the model's raw tags and commits; best effort (false when not saved). */
export async function saveTags(cache: MetricsCache, key: string, tags: ModelTags): Promise<boolean> {
  if (!tags.raw) return false;
  const entry: Entry = {
    format: 1,
    model: tags.model,
    tags: Object.fromEntries([...tags.raw.tags].map(([id, raw]) => [id, raw.toString('base64')])),
    commits: Object.fromEntries([...tags.raw.commits].map(([id, raw]) => [id, raw.toString('base64')])),
  };
  const data = Buffer.from(JSON.stringify(entry));
  if (data.length > MAX_ENTRY_BYTES) return false;
  try {
    return await cache.save(key, data);
  } catch (e) {
    debug(`saving the registry tags of ${tags.model} to the cache failed: ${reason(e)}`);
    return false;
  }
}

/** The model's tags from the cache, when the entry matches the remote's listing object by object. */
export async function restoreTags(
  cache: MetricsCache,
  key: string,
  model: string,
  listing: RemoteTag[],
): Promise<ModelTags | undefined> {
  let entry: Entry;
  try {
    const data = await cache.restore(key, MAX_ENTRY_BYTES);
    if (!data) return undefined;
    entry = JSON.parse(data.toString('utf8')) as Entry;
    if (entry?.format !== 1 || entry.model !== model) return undefined;
  } catch (e) {
    debug(`the cached registry tags of ${model} could not be read (fetching them instead): ${reason(e)}`);
    return undefined;
  }
  const tags: ModelTags = { model, tags: [], commitTimes: new Map(), names: listing.map((t) => t.name) };
  try {
    for (const ref of listing.filter((t) => parseTag(t.name)?.artifact === model && t.peeled)) {
      const raw = verified(entry.tags, ref.object, 'tag');
      if (!raw) return undefined;
      const tag = tagOf(ref.name, ref.object, { type: 'tag', raw });
      const commit = verified(entry.commits, tag.commit, 'commit');
      if (!commit || tag.commit !== ref.peeled) return undefined;
      tags.tags.push(tag);
      tags.commitTimes.set(tag.commit, commitTime({ type: 'commit', raw: commit }, tag.commit));
    }
  } catch (e) {
    // A tag GTO could not read: let the fetched tags say so.
    debug(`a cached registry tag of ${model} could not be read (fetching them instead): ${reason(e)}`);
    return undefined;
  }
  return tags;
}

/** The raw object stored for `id`, when it hashes to `id`. */
function verified(objects: Record<string, string>, id: string, type: string): Buffer | undefined {
  const text = Object.hasOwn(objects, id) ? objects[id] : undefined;
  if (typeof text !== 'string') return undefined;
  const raw = Buffer.from(text, 'base64');
  return gitObjectId(type, raw, id.length === 64 ? 'sha256' : 'sha1') === id ? raw : undefined;
}

/**
 * The id git gives an object: sha1 (or sha256 in a sha256 repository) of `<type> <size>\0<content>`.
 *
 * @example
 * gitObjectId('blob', Buffer.from('')) // 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391'
 */
export function gitObjectId(type: string, raw: Buffer, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(algorithm).update(`${type} ${raw.length}\0`).update(raw).digest('hex');
}
