/**
 * Writes the model registry as GTO tags (gto-tags.ts): registers versions, assigns stages and, for a
 * rollback, unassigns the current holder, by creating annotated tags locally. Tags are published
 * with pushTags (push-tags.ts); when another run got there first, the promote stage re-plans
 * (src/promote/publish.ts). Each function returns a PendingTag: the local tag, not yet pushed.
 *
 * GTO orders events by tag time in whole seconds (registry-state.ts), so every tag written here
 * gets a tagger date strictly after the model's newest tag: GTO then reads our tags in the order
 * we wrote them, however fast they follow each other.
 */
import { UserError } from '../errors.js';
import type { GitClient } from './git-client.js';
import { assertValidArtifact, assertValidStage, formatTag, type GtoTag } from './gto-tags.js';
import { readRegistry, type RegistryView } from './read-tags.js';
import { formatSemVer, nextVersion, requireSemVer, type Bump } from './semver.js';

/** A tag created locally and not yet pushed. */
export interface PendingTag {
  name: string;
  action: GtoTag['action'];
  model: string;
  commit: string;
  /** The tag object, to recognise our own tag when it must be deleted. */
  object: string;
  version?: string;
  stage?: string;
}

export interface RegisterOptions {
  /** 'auto' (default) bumps the greatest existing version; otherwise an explicit `vX.Y.Z`. */
  version?: string;
  /** For 'auto'; default 'patch'. The first version is always v0.1.0. */
  bump?: Bump;
  /** Written as the tag's JSON message (metrics, run, commit, artifact id, files hash...). */
  message: object;
  /** Commit or ref to register; default HEAD. */
  commit?: string;
}

export interface RegisterResult {
  version: string;
  commit: string;
  /** Undefined when the commit already carried a version: GTO allows one version per commit. */
  tag?: PendingTag;
}

/**
 * Refuses, before anything is stored or uploaded, a model or stage whose tags git would refuse:
 * GTO's name rule allows `a//b` or a folder `x/.y:`, git's ref rules (`git check-ref-format`) do not.
 */
export async function assertTagNamesAllowed(git: GitClient, model: string, stage?: string): Promise<void> {
  assertValidArtifact(model);
  const samples: GtoTag[] = [{ action: 'register', artifact: model, version: 'v0.1.0' }];
  if (stage) {
    assertValidStage(stage);
    samples.push({ action: 'assign', artifact: model, stage, counter: 1 });
  }
  for (const tag of samples) {
    const name = formatTag(tag);
    if (!(await git.isValidRefName(`refs/tags/${name}`))) {
      const what = tag.action === 'assign' ? `stage name '${stage}'` : `model name '${model}'`;
      throw new UserError(
        `${what} cannot be used: git refuses the tag name '${name}' (no '//', no part starting with '.' or ending with '.lock', no '..')`,
      );
    }
  }
}

/** Registers `<model>@v<semver>` at a commit, or returns the version already registered there. */
export async function registerVersion(
  git: GitClient,
  model: string,
  options: RegisterOptions,
): Promise<RegisterResult> {
  assertValidArtifact(model);
  const commit = await resolveCommit(git, options.commit ?? 'HEAD');
  const state = await readRegistry(git, model);
  const requested = options.version ?? 'auto';
  const explicit = requested === 'auto' ? undefined : formatSemVer(requireSemVer(requested));

  const onCommit = versionAt(state, commit);
  if (onCommit) {
    if (explicit && explicit !== onCommit.version) {
      throw new UserError(
        `commit ${commit.slice(0, 12)} is already registered as ${model}@${onCommit.version}; ` +
          `GTO allows one version per commit, so it cannot also be ${explicit}`,
      );
    }
    return { version: onCommit.version, commit };
  }
  const version = explicit ?? autoVersion(state, options.bump ?? 'patch');
  const taken = state.versions.find((v) => v.version === version);
  if (taken) {
    throw new UserError(
      `${model}@${version} already exists (commit ${taken.commit.slice(0, 12)}); versions are never reused`,
    );
  }
  const tag = await createTag(git, state, { action: 'register', artifact: model, version }, commit, options.message);
  return { version, commit, tag };
}

/** The active version registered at `commit`, if any. */
export function versionAt(state: RegistryView, commit: string) {
  return state.versions.find((v) => v.commit === commit && v.active);
}

/** The version after the greatest one ever registered (deregistered ones included: never reused). */
export function autoVersion(state: RegistryView, bump: Bump): string {
  return nextVersion(
    state.versions.map((v) => v.version),
    bump,
  );
}

/** Assigns a stage to a registered version: `<model>#<stage>#N` at the version's commit. */
export async function assignStage(
  git: GitClient,
  model: string,
  version: string,
  stage: string,
  message: object,
): Promise<PendingTag> {
  assertValidArtifact(model);
  assertValidStage(stage);
  const state = await readRegistry(git, model);
  const wanted = formatSemVer(requireSemVer(version));
  const found = state.versions.find((v) => v.version === wanted && v.active);
  if (!found) {
    const known = state.versions.filter((v) => v.active).map((v) => v.version);
    throw new UserError(`${model}@${wanted} is not registered (known versions: ${known.join(', ') || 'none'})`);
  }
  return createTag(
    git,
    state,
    { action: 'assign', artifact: model, stage, counter: state.nextCounter },
    found.commit,
    message,
  );
}

export interface RollbackResult {
  tag: PendingTag;
  /** The version holding the stage now. */
  from: string;
  /** The version that holds it once the current one is unassigned. */
  to: string;
}

/**
 * Takes the stage from its current holder with GTO's unassignment (`<model>#<stage>!#N` at the
 * holder's commit): the version that held it before (the next one `gto show --vs -1` lists) holds
 * it again. History is never rewritten; a second rollback goes one version further back.
 */
export async function rollback(git: GitClient, model: string, stage: string, message: object): Promise<RollbackResult> {
  assertValidArtifact(model);
  assertValidStage(stage);
  const state = await readRegistry(git, model);
  const holders = state.stages.get(stage)?.holders ?? [];
  if (!state.active && holders.length) {
    throw new UserError(
      `${model} is deprecated (GTO shows no stage of it): there is nothing to roll back in '${stage}'`,
    );
  }
  const [current, previous] = holders;
  if (!current) throw new UserError(`no version of ${model} is in stage '${stage}': nothing to roll back`);
  if (!previous) {
    throw new UserError(
      `${model}@${current.version} is the only version in stage '${stage}': there is no previous version to roll back to`,
    );
  }
  const tag = await createTag(
    git,
    state,
    { action: 'unassign', artifact: model, stage, counter: state.nextCounter },
    current.commit,
    message,
  );
  return { tag, from: current.version, to: previous.version };
}

async function resolveCommit(git: GitClient, ref: string): Promise<string> {
  const commit = await git.tryRevParseCommit(ref);
  if (!commit) throw new UserError(`'${ref}' is not a commit in ${git.dir}`);
  return commit;
}

/** Creates the annotated tag, dated after the model's newest tag, with a tagger identity. */
async function createTag(
  git: GitClient,
  state: RegistryView,
  tag: GtoTag,
  commit: string,
  message: object,
): Promise<PendingTag> {
  const name = formatTag(tag);
  if (state.names.includes(name)) {
    throw new UserError(`tag ${name} exists already (a lightweight tag, or not one GTO reads): delete it first`);
  }
  if (!(await git.isValidRefName(`refs/tags/${name}`))) throw new UserError(`git refuses the tag name '${name}'`);
  const date = Math.max(Math.floor(Date.now() / 1000), state.newestTagTime + 1);
  const object = await git.createAnnotatedTag(name, commit, JSON.stringify(message), {
    identity: await identityArgs(git),
    date,
  });
  return {
    name,
    action: tag.action,
    model: tag.artifact,
    commit,
    object,
    ...('version' in tag ? { version: tag.version } : {}),
    ...('stage' in tag ? { stage: tag.stage } : {}),
  };
}

/**
 * `-c` options giving annotated tags a tagger when the repository has no user configured (a fresh
 * runner): GitHub Actions' bot on a runner, the action's own name elsewhere. Git's GIT_COMMITTER_*
 * variables, when set, still take precedence.
 */
export async function identityArgs(git: GitClient, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  if ((await git.tryConfig('user.name')) && (await git.tryConfig('user.email'))) return [];
  const [user, address] =
    env.GITHUB_ACTIONS === 'true'
      ? ['github-actions[bot]', '41898282+github-actions[bot]@users.noreply.github.com']
      : ['ml-quality-gate', 'ml-quality-gate@users.noreply.github.com'];
  return ['-c', `user.name=${user}`, '-c', `user.email=${address}`];
}
