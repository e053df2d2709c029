/**
 * GTO's git tag grammar (iterative/gto: `tag_re` in gto/constants.py, `TagTemplates` in gto/tag.py):
 *
 *   <artifact>@v<semver>[#N]     register a version        (annotated tag at the model's commit)
 *   <artifact>@v<semver>!#N      deregister that version
 *   <artifact>#<stage>#N         assign the stage to the version at the tag's commit
 *   <artifact>#<stage>!#N        unassign it
 *   <artifact>@deprecated#N      deprecate the artifact   (`@created` is also accepted)
 *
 * N is a counter: 1 + the highest counter among all tags of that artifact. Names match
 * `[a-z0-9]([a-z0-9-/]*[a-z0-9])?`; an artifact may carry a directory, `dir:name`, written
 * `dir=name` in tags. Pure functions, no git.
 */
import { UserError } from '../errors.js';
import { SEMVER_PATTERN } from './semver.js';

export type GtoTag =
  | { action: 'register' | 'deregister'; artifact: string; version: string; counter?: number }
  | { action: 'assign' | 'unassign'; artifact: string; stage: string; counter?: number }
  | { action: 'deprecate' | 'create'; artifact: string; counter?: number };

export type GtoAction = GtoTag['action'];

const NAME = '[a-z0-9](?:[a-z0-9/-]*[a-z0-9])?';
const DIRNAME = '[a-z0-9_./-]+';
const NAME_RE = new RegExp(`^${NAME}$`);
const ARTIFACT_RE = new RegExp(`^(?:${DIRNAME}:)?${NAME}$`);
const TAG_RE = new RegExp(
  `^(?<artifact>(?:${DIRNAME}=)?${NAME})` +
    `(?:(?:#(?<stage>${NAME})|@(?<version>v${SEMVER_PATTERN}))(?<cancel>!?)|@(?<marker>deprecated|created))` +
    `(?:#(?<counter>[0-9]+))?$`,
);

/** A model or stage name as GTO accepts it. */
export function isValidName(name: string): boolean {
  return NAME_RE.test(name);
}

/** An artifact name, optionally `dir:name`. */
export function isValidArtifact(artifact: string): boolean {
  return ARTIFACT_RE.test(artifact);
}

export function assertValidArtifact(artifact: string): void {
  if (!isValidArtifact(artifact)) {
    throw new UserError(
      `model name '${artifact}' is not valid for GTO: use lowercase letters, digits, '-' and '/', starting and ending with a letter or digit`,
    );
  }
}

export function assertValidStage(stage: string): void {
  if (!isValidName(stage)) {
    throw new UserError(
      `stage name '${stage}' is not valid for GTO: use lowercase letters, digits, '-' and '/', starting and ending with a letter or digit`,
    );
  }
}

/** Parses a tag name (without `refs/tags/`); undefined when it is not a GTO tag. */
export function parseTag(name: string): GtoTag | undefined {
  const g = TAG_RE.exec(name)?.groups;
  if (!g) return undefined;
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
