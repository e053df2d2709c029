/**
 * One registry operation for the promote stage: register the commit as a version, optionally assign
 * a stage to it, and push both tags (unless `push: false`, which keeps them local).
 */
import { assignStage, registerVersion, type PendingTag, type RegisterOptions } from './git-registry.js';
import { fetchTags, pushTags } from './push-tags.js';
import { listModelState } from './registry-state.js';

export interface PromoteOptions extends RegisterOptions {
  model: string;
  /** Stage to assign the version to, e.g. 'staging' or 'prod'. */
  stage?: string;
  /** Default true. */
  push?: boolean;
  remote?: string;
  maxAttempts?: number;
}

export interface PromoteResult {
  version: string;
  commit: string;
  /** Tags created (and pushed, when pushed is true), final names. */
  tags: string[];
  /** False when the commit already carried a version, which was reused. */
  registered: boolean;
  pushed: boolean;
  /** Push attempts (0 when nothing was pushed). */
  attempts: number;
}

export async function promoteModel(repoDir: string, options: PromoteOptions): Promise<PromoteResult> {
  const push = options.push ?? true;
  const remote = options.remote ?? 'origin';
  // Number from the remote's tags: a shallow checkout usually has none.
  if (push) await fetchTags(repoDir, remote);
  const reg = await registerVersion(repoDir, options.model, options);
  let tags: PendingTag[] = reg.tag ? [reg.tag] : [];
  if (options.stage) tags.push(await assignStage(repoDir, options.model, reg.version, options.stage, options.message));
  let attempts = 0;
  if (push) ({ tags, attempts } = await pushTags(repoDir, tags, { remote, maxAttempts: options.maxAttempts }));
  // A lost race may have renumbered our version or found the commit registered by another run.
  const state = await listModelState(repoDir, options.model);
  const version = state.versions.find((v) => v.commit === reg.commit && !v.deregistered)?.version ?? reg.version;
  return {
    version,
    commit: reg.commit,
    tags: tags.map((t) => t.name),
    registered: tags.some((t) => t.kind === 'version'),
    pushed: push && tags.length > 0,
    attempts,
  };
}
