/**
 * GTO's git tag grammar (iterative/gto, gto/constants.py `tag_re`, gto/tag.py `TagTemplates`):
 *
 *   <artifact>@v<semver>[#N]     register a version
 *   <artifact>@v<semver>![#N]    deregister that version
 *   <artifact>#<stage>[#N]       assign the stage to the version at the tag's commit
 *   <artifact>#<stage>![#N]      unassign it
 *   <artifact>@deprecated[#N]    deprecate the artifact   (`@created` also matches the pattern)
 *
 * N is a counter: 1 + the highest counter among all tags of that artifact (gto/tag.py `name_tag`).
 * Names match `[a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?` (constants.py `name`); an artifact may carry a
 * directory, `dir:name`, written `dir=name` in tags (`dirname` = `[a-zA-Z0-9-_./]+`). The semver
 * part uses Python's `\d`, which matches any Unicode decimal digit, so `\p{Nd}` here. Pure
 * functions, no git: git's own ref rules are checked where tags are created (git-client.ts).
 */
import { UserError } from '../errors.js';

export type GtoTag =
  | { action: 'register' | 'deregister'; artifact: string; version: string; counter?: number | bigint }
  | { action: 'assign' | 'unassign'; artifact: string; stage: string; counter?: number | bigint }
  | { action: 'deprecate' | 'create'; artifact: string; counter?: number | bigint };

export type GtoAction = GtoTag['action'];

const NAME = '[a-zA-Z0-9](?:[a-zA-Z0-9\\-/_]*[a-zA-Z0-9])?';
const DIRNAME = '[a-zA-Z0-9\\-_./]+';
// gto/constants.py `semver`, with Python's Unicode `\d`.
const ID = '(?:0|[1-9]\\p{Nd}*|\\p{Nd}*[a-zA-Z\\-][0-9a-zA-Z\\-]*)';
const SEMVER =
  `(?:0|[1-9]\\p{Nd}*)\\.(?:0|[1-9]\\p{Nd}*)\\.(?:0|[1-9]\\p{Nd}*)` +
  `(?:-${ID}(?:\\.${ID})*)?(?:\\+[0-9a-zA-Z\\-]+(?:\\.[0-9a-zA-Z\\-]+)*)?`;
const NAME_RE = new RegExp(`^${NAME}$`, 'u');
const ARTIFACT_RE = new RegExp(`^(?:${DIRNAME}:)?${NAME}$`, 'u');
const TAG_RE = new RegExp(
  `^(?<artifact>(?:${DIRNAME}=)?${NAME})` +
    `(?:(?:#(?<stage>${NAME})|@(?<version>v${SEMVER}))(?<cancel>!?)|@(?<marker>deprecated|created))` +
    `(?:#(?<counter>[0-9]+))?$`,
  'u',
);

const NAME_RULE = "letters, digits, '_', '-' and '/', starting and ending with a letter or digit (GTO's rule)";

/** A model or stage name as GTO accepts it (constants.py `name_re`). */
export function isValidName(name: string): boolean {
  return NAME_RE.test(name);
}

/** An artifact name, optionally `dir:name` (constants.py `fullname_re`). */
export function isValidArtifact(artifact: string): boolean {
  return ARTIFACT_RE.test(artifact);
}

export function assertValidArtifact(artifact: string): void {
  if (!isValidArtifact(artifact)) {
    throw new UserError(`model name '${artifact}' is not valid for GTO: use ${NAME_RULE}, optionally after 'folder:'`);
  }
}

export function assertValidStage(stage: string): void {
  if (!isValidName(stage)) throw new UserError(`stage name '${stage}' is not valid for GTO: use ${NAME_RULE}`);
}

/** Parses a tag name (without `refs/tags/`); undefined when it is not a GTO tag. */
export function parseTag(name: string): GtoTag | undefined {
  const g = TAG_RE.exec(name)?.groups;
  if (!g) return undefined;
  // constants.py tag_to_name replaces every '=' (only one can occur: names and dirnames have none).
  const artifact = g.artifact.replace('=', ':');
  const counter = g.counter === undefined ? {} : { counter: Number(g.counter) };
  if (g.version) return { action: g.cancel ? 'deregister' : 'register', artifact, version: g.version, ...counter };
  if (g.stage) return { action: g.cancel ? 'unassign' : 'assign', artifact, stage: g.stage, ...counter };
  return { action: g.marker === 'deprecated' ? 'deprecate' : 'create', artifact, ...counter };
}

/** Formats a tag name; throws UserError for names GTO would not parse back. */
export function formatTag(tag: GtoTag): string {
  assertValidArtifact(tag.artifact);
  const counter = tag.counter === undefined ? '' : `#${tag.counter}`;
  const artifact = tag.artifact.replace(':', '=');
  let body: string;
  switch (tag.action) {
    case 'register':
    case 'deregister':
      body = `@${tag.version}${tag.action === 'deregister' ? '!' : ''}`;
      break;
    case 'assign':
    case 'unassign':
      assertValidStage(tag.stage);
      body = `#${tag.stage}${tag.action === 'unassign' ? '!' : ''}`;
      break;
    default:
      body = tag.action === 'deprecate' ? '@deprecated' : '@created';
  }
  const name = `${artifact}${body}${counter}`;
  // Catches what the parts' own checks do not, e.g. a version that is not semver.
  if (!parseTag(name)) throw new UserError(`'${name}' is not a valid GTO tag name`);
  return name;
}

/**
 * The counter GTO gives the artifact's next tag: 1 + the highest counter among all tag names of
 * that artifact, lightweight tags and tags of every action included (gto/tag.py `name_tag`).
 */
export function nextCounter(artifact: string, tagNames: Iterable<string>): bigint {
  // BigInt, as Python's int: a hand-made `#99999999999999999999` must not turn into `1e+20`.
  let max = 0n;
  for (const name of tagNames) {
    const t = parseTag(name);
    if (t?.artifact !== artifact || t.counter === undefined) continue;
    const n = BigInt(/#([0-9]+)$/.exec(name)![1]);
    if (n > max) max = n;
  }
  return max + 1n;
}
