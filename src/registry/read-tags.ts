/**
 * Reads a model's GTO tags from git as GTO reads them: annotated tags only (gto/tag.py `find`
 * drops lightweight ones), each described by its tag object (name, target, tagger time, message),
 * and the committer time of every tagged commit. Raw objects are parsed here, so the same code
 * reads the repository and a verified cache entry (tag-cache.ts).
 */
import { UserError } from '../errors.js';
import type { GitClient, RawObject } from './git-client.js';
import { nextCounter, parseTag } from './gto-tags.js';
import { modelState, type ModelState, type RegistryTag } from './registry-state.js';

/** Largest tag object read (this action's messages are a few kB; GTO's a line). */
export const MAX_TAG_BYTES = 1024 * 1024;
/** Largest commit object read whole; a larger one is read for its time only. */
export const MAX_COMMIT_BYTES = 1024 * 1024;

/** A ref that names a tag, with the object it points at. */
export interface TagListing {
  name: string;
  object: string;
}

export interface ModelTags {
  model: string;
  tags: RegistryTag[];
  /** Committer time (unix seconds) of each tagged commit. */
  commitTimes: Map<string, number>;
  /** Every tag name of the repository (lightweight ones too): GTO counts them all. */
  names: string[];
  /** The raw objects read, for the cache; undefined when some were too large to keep. */
  raw?: { tags: Map<string, Buffer>; commits: Map<string, Buffer> };
}

/** A model's state with what the writer needs: the next counter. */
export interface RegistryView extends ModelState {
  nextCounter: bigint;
  names: string[];
}

export function viewOf(t: ModelTags): RegistryView {
  return {
    ...modelState(t.model, t.tags, t.commitTimes),
    nextCounter: nextCounter(t.model, t.names),
    names: t.names,
  };
}

/** The model's state from the repository's tags. */
export async function readRegistry(git: GitClient, model: string): Promise<RegistryView> {
  return viewOf(await readModelTags(git, model));
}

/**
 * The model's annotated tags in the repository; with `listing`, exactly the listed refs (the
 * remote's, fetched), each checked to be the listed object.
 */
export async function readModelTags(git: GitClient, model: string, listing?: TagListing[]): Promise<ModelTags> {
  const refs = await git.listTags();
  const names = (listing ?? refs).map((r) => r.name);
  const local = new Map(refs.map((r) => [r.name, r]));
  const wanted = (listing ?? refs).filter((r) => parseTag(r.name)?.artifact === model);
  for (const r of wanted) {
    if (local.get(r.name)?.object !== r.object) {
      throw new UserError(`tag ${r.name} changed on the remote while it was read; run again`);
    }
  }
  const annotated = wanted.filter((r) => local.get(r.name)?.type === 'tag');
  const tagObjects = await git.readObjects(
    annotated.map((r) => r.object),
    MAX_TAG_BYTES,
  );
  for (const [id, size] of tagObjects.oversized) {
    const ref = annotated.find((r) => r.object === id)!;
    throw new UserError(`tag ${ref.name} is ${size} bytes: the registry reads tags of at most ${MAX_TAG_BYTES} bytes`);
  }
  const tags = annotated.map((r) => tagOf(r.name, r.object, tagObjects.objects.get(r.object)));
  const own = tags.filter((t) => t.parsed.artifact === model);
  const commits = await git.readObjects(
    own.map((t) => t.commit),
    MAX_COMMIT_BYTES,
  );
  const commitTimes = new Map<string, number>();
  for (const t of own) {
    const c = commits.objects.get(t.commit);
    if (c) commitTimes.set(t.commit, commitTime(c, t.commit));
    else if (commits.oversized.has(t.commit)) commitTimes.set(t.commit, await git.commitTime(t.commit));
    else throw new UserError(`tag ${t.name} points at ${t.commit.slice(0, 12)}, which is not in the repository`);
  }
  const complete = commits.oversized.size === 0;
  return {
    model,
    tags: own,
    commitTimes,
    names,
    raw: complete
      ? {
          tags: new Map(own.map((t) => [t.object, tagObjects.objects.get(t.object)!.raw])),
          commits: new Map([...commits.objects].map(([id, o]) => [id, o.raw])),
        }
      : undefined,
  };
}

/** A tag object as GTO reads it; UserError for what GTO cannot read, or would read as another tag. */
export function tagOf(refName: string, object: string, raw: RawObject | undefined): RegistryTag {
  if (!raw || raw.type !== 'tag') throw new UserError(`tag ${refName} could not be read (object ${object})`);
  const { headers, message } = splitObject(raw.raw);
  const name = headers.get('tag');
  // GTO parses the name inside the tag object (gto/tag.py parse_tag uses tag.name).
  if (name !== refName) {
    throw new UserError(
      `tag ${refName} holds a tag object named '${name ?? ''}': GTO would read it under that name; delete or re-create it`,
    );
  }
  const parsed = parseTag(refName)!;
  const target = headers.get('object') ?? '';
  if (headers.get('type') !== 'commit') {
    throw new UserError(`tag ${refName} points at a ${headers.get('type') ?? 'unknown object'}, not a commit`);
  }
  const time = identityTime(headers.get('tagger'));
  if (time === undefined) throw new UserError(`tag ${refName} has no tagger date: GTO cannot order it`);
  const text = withoutSignature(message);
  return { name: refName, parsed, object, commit: target, time, message: text, data: parseJson(text) };
}

/** The committer time of a raw commit object. */
export function commitTime(raw: RawObject, id: string): number {
  const time = raw.type === 'commit' ? identityTime(splitObject(raw.raw).headers.get('committer')) : undefined;
  if (time === undefined) throw new UserError(`${id.slice(0, 12)} is not a commit with a committer date`);
  return time;
}

/** Header fields (first occurrence) and the message of a tag or commit object. */
function splitObject(raw: Buffer): { headers: Map<string, string>; message: string } {
  const text = raw.toString('utf8');
  const end = text.indexOf('\n\n');
  const head = end < 0 ? text : text.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.split('\n')) {
    if (line.startsWith(' ')) continue; // continuation of a multi-line header (gpgsig)
    const space = line.indexOf(' ');
    const key = space < 0 ? line : line.slice(0, space);
    if (!headers.has(key)) headers.set(key, space < 0 ? '' : line.slice(space + 1));
  }
  return { headers, message: end < 0 ? '' : text.slice(end + 2) };
}

/** `Name <email> 1700000000 +0000` → 1700000000. */
function identityTime(identity: string | undefined): number | undefined {
  const m = identity ? / (-?[0-9]+) [+-][0-9]{4}$/.exec(identity) : null;
  return m ? Number(m[1]) : undefined;
}

/** A signed tag's message ends with its signature block. */
function withoutSignature(message: string): string {
  const at = message.search(/^-----BEGIN (PGP|SSH) SIGNATURE-----$/m);
  return at < 0 ? message : message.slice(0, at);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A message that is not JSON is an answer (GTO reads such a tag without data), not a failure.
    return undefined;
  }
}
