/**
 * Writes the model registry as GTO tags (see gto-tags.ts): registers versions and assigns stages by
 * creating annotated tags locally. Tags are published with pushTags (push-tags.ts); when another run
 * got there first, the promote stage re-plans (src/promote/publish.ts). Each function returns a
 * PendingTag: the local tag, not yet pushed.
 */
import { UserError } from '../errors.js';
import { git, identityArgs } from './git.js';
import { assertValidArtifact, assertValidStage, formatTag } from './gto-tags.js';
import { listModelState, type ModelState } from './registry-state.js';
import { formatSemVer, nextVersion, requireSemVer, type Bump } from './semver.js';

/** A tag created locally and not yet pushed. */
export type PendingTag =
  | {
      kind: 'version';
      name: string;
      model: string;
      commit: string;
      /** The tag object, to recognise our own tag when it must be deleted. */
      object: string;
      message: string;
      version: string;
    }
  | {
      kind: 'stage';
      name: string;
      model: string;
      commit: string;
      object: string;
      message: string;
      stage: string;
      counter: number;
    };

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

/** Registers `<model>@v<semver>` at a commit, or returns the version already registered there. */
export async function registerVersion(
  repoDir: string,
  model: string,
  options: RegisterOptions,
): Promise<RegisterResult> {
  assertValidArtifact(model);
  const commit = await resolveCommit(repoDir, options.commit ?? 'HEAD');
  const state = await listModelState(repoDir, model);
  const requested = options.version ?? 'auto';
  const explicit = requested === 'auto' ? undefined : formatSemVer(requireSemVer(requested));

  const onCommit = state.versions.find((v) => v.commit === commit && !v.deregistered);
  if (onCommit) {
    if (explicit && explicit !== onCommit.version) {
      throw new UserError(
        `commit ${commit.slice(0, 12)} is already registered as ${model}@${onCommit.version}; GTO allows one version per commit, so it cannot also be ${explicit}`,
      );
    }
    return { version: onCommit.version, commit };
  }
  const message = JSON.stringify(options.message);
  const bump = options.bump ?? 'patch';
  const tag = await createVersionTag(repoDir, state, explicit ?? autoVersion(state, bump), commit, message);
  return { version: tag.version, commit, tag };
}

/** Creates the version tag; fails clearly when that version exists. */
async function createVersionTag(
  repoDir: string,
  state: ModelState,
  version: string,
  commit: string,
  message: string,
): Promise<Extract<PendingTag, { kind: 'version' }>> {
  const taken = state.versions.find((v) => v.version === version);
  if (taken) {
    throw new UserError(
      `${state.model}@${version} already exists (commit ${taken.commit.slice(0, 12)}); versions are never reused`,
    );
  }
  const name = formatTag({ action: 'register', artifact: state.model, version });
  const object = await createAnnotatedTag(repoDir, name, commit, message);
  return { kind: 'version', name, model: state.model, commit, object, message, version };
}

export function autoVersion(state: ModelState, bump: Bump): string {
  return nextVersion(
    state.versions.map((v) => v.version),
    bump,
  );
}

/** Assigns a stage to a registered version: `<model>#<stage>#N` at the version's commit. */
export async function assignStage(
  repoDir: string,
  model: string,
  version: string,
  stage: string,
  message: object,
): Promise<PendingTag> {
  assertValidArtifact(model);
  assertValidStage(stage);
  const state = await listModelState(repoDir, model);
  const wanted = formatSemVer(requireSemVer(version));
  const found = state.versions.find((v) => v.version === wanted && !v.deregistered);
  if (!found) {
    const known = state.versions.filter((v) => !v.deregistered).map((v) => v.version);
    throw new UserError(`${model}@${wanted} is not registered (known versions: ${known.join(', ') || 'none'})`);
  }
  return createStageTag(repoDir, state, stage, found.commit, JSON.stringify(message));
}

/** Creates `<model>#<stage>#N` with N = 1 + the highest counter among all the model's tags (GTO's rule). */
async function createStageTag(
  repoDir: string,
  state: ModelState,
  stage: string,
  commit: string,
  message: string,
): Promise<Extract<PendingTag, { kind: 'stage' }>> {
  const counter = state.maxCounter + 1;
  const name = formatTag({ action: 'assign', artifact: state.model, stage, counter });
  const object = await createAnnotatedTag(repoDir, name, commit, message);
  return { kind: 'stage', name, model: state.model, commit, object, message, stage, counter };
}

export interface RollbackResult {
  tag: PendingTag;
  /** The version holding the stage now. */
  from: string;
  /** The version that held it before, assigned again. */
  to: string;
}

/**
 * Gives the stage back to the version that held it before the current one: a new `#stage#N` tag,
 * history is never rewritten. Deregistered versions are skipped.
 */
export async function rollback(
  repoDir: string,
  model: string,
  stage: string,
  message: object,
): Promise<RollbackResult> {
  assertValidArtifact(model);
  assertValidStage(stage);
  const state = await listModelState(repoDir, model);
  const current = state.stages[stage]?.current;
  if (!current?.version) throw new UserError(`no version of ${model} is in stage '${stage}': nothing to roll back`);
  const history = state.stages[stage].history;
  const previous = history
    .slice(0, history.indexOf(current))
    .filter((e) => e.action === 'assign' && e.version && e.commit !== current.commit)
    .pop();
  if (!previous?.version) {
    throw new UserError(
      `${model}@${current.version} is the only version that has held stage '${stage}': there is no previous version to roll back to`,
    );
  }
  const tag = await createStageTag(repoDir, state, stage, previous.commit, JSON.stringify(message));
  return { tag, from: current.version, to: previous.version };
}

async function resolveCommit(repoDir: string, ref: string): Promise<string> {
  const out = await git(repoDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { allowFailure: true });
  if (out.exitCode !== 0) throw new UserError(`'${ref}' is not a commit in ${repoDir}`);
  return out.stdout.trim();
}

/** `git tag -a`; the message is kept verbatim (the default cleanup would drop lines starting with '#'). */
async function createAnnotatedTag(repoDir: string, name: string, commit: string, message: string): Promise<string> {
  await git(repoDir, [
    ...(await identityArgs(repoDir)),
    'tag',
    '-a',
    '--cleanup=verbatim',
    '-m',
    message,
    name,
    commit,
  ]);
  return (await git(repoDir, ['rev-parse', `refs/tags/${name}`])).stdout.trim();
}
