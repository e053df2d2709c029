/**
 * The promote stage: a model that passes its gate (and, with `promote-to`, is no worse than the
 * version holding that stage) is registered as a GTO version tag with its files uploaded, assigned
 * the stage, and the tags pushed; `rollback: true` gives the stage back to its previous holder.
 * Returns a result and prints nothing. The steps live in src/promote/.
 */
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { gateCandidate, readCandidate } from '../promote/candidate.js';
import { publishOptions, type PromoteContext, type PromoteDeps } from '../promote/context.js';
import { planPromotion, type Uploads } from '../promote/plan.js';
import { publish } from '../promote/publish.js';
import { rollbackStage } from '../promote/rollback.js';
import { already, promoted, refused } from '../promote/summary.js';
import { holderFromState } from '../registry/baseline.js';
import { GitClient } from '../registry/git-client.js';
import { assertTagNamesAllowed } from '../registry/git-registry.js';
import { readRegistry } from '../registry/read-tags.js';
import type { StageResult } from '../report/result.js';
import type { PromoteSettings } from '../settings/promote.js';
import { selectStore } from '../store/select-store.js';

export type { PromoteDeps } from '../promote/context.js';

export async function runPromote(s: PromoteSettings, deps: PromoteDeps = {}): Promise<StageResult> {
  const env = deps.env ?? process.env;
  const cwd = deps.cwd ?? process.cwd();
  const repo = s.workspace;
  const git = new GitClient(repo, env);
  // 1. A repository with a commit (and a remote to push to).
  await assertRepository(git, s.push);
  // 2. Before anything is read, stored or uploaded: names git would refuse as tags.
  await assertTagNamesAllowed(git, s.model, s.promoteTo || undefined);
  // 3. Where the version's files go: the runner's artifacts, or a local folder.
  const store = deps.store ?? selectStore(env, { localDir: resolve(cwd, s.storeDir), workspace: repo });
  const ctx: PromoteContext = { s, env, cwd, repo, git, store, deps };
  // 4. Promote, or roll back.
  const result = s.rollback ? await rollbackStage(ctx) : await promote(ctx);
  return { ...result, notices: store.notice ? [store.notice] : [] };
}

async function promote(ctx: PromoteContext): Promise<StageResult> {
  const { s, git } = ctx;
  // 1. Read the candidate: metrics files, rules, predictions, model files.
  const candidate = await readCandidate(ctx);
  // 2. Gate the candidate on the rules it must meet alone.
  const gate = gateCandidate(candidate);
  // 3. Read the registry: numbered against the remote's tags (a fresh checkout usually has none).
  if (s.push) await git.fetchTags('origin');
  const commit = await git.revParseCommit('HEAD');
  // 4. A failed gate is refused before anything is compared, stored or tagged.
  if (gate.some((e) => !e.passed)) {
    const state = await readRegistry(git, s.model);
    return refused(ctx, state, gate, candidate.files, { holder: holderFromState(state, s.promoteTo) });
  }
  // 5. Compare with the champion, upload, tag and push: planned again whenever a push loses a race.
  const uploads: Uploads = {};
  const out = await publish(git, publishOptions(ctx), () => planPromotion(ctx, candidate, gate, commit, uploads));
  // 6. Report the outcome, with the registry as it is now.
  if (out.kind === 'refused') return refused(ctx, out.state, gate, candidate.files, { ...out, uploaded: uploads.last });
  const state = await readRegistry(git, s.model);
  if (out.kind === 'already') return already(ctx, state, gate, out.holder);
  return promoted(ctx, state, gate, out);
}

/** The registry is the repository's tags: there must be a commit, and with push, a remote. */
async function assertRepository(git: GitClient, push: boolean): Promise<void> {
  const repo = git.dir;
  if (!(await git.tryRevParseCommit('HEAD')))
    throw new UserError(
      `the promote stage needs a git repository with a commit in ${repo}: the registry is its tags (run actions/checkout first)`,
    );
  if (push && !(await git.tryRemoteUrl('origin'))) {
    throw new UserError(
      `there is no remote 'origin' in ${repo} to push the registry tags to; set push: false to keep them local`,
    );
  }
}
