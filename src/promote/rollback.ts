/**
 * `rollback: true`: the stage goes back to the version that held it before the current one, by a
 * GTO unassign-style tag (src/registry/git-registry.ts), published as a promotion is (publish.ts).
 */
import { UserError } from '../errors.js';
import { holderFromState } from '../registry/baseline.js';
import { rollback } from '../registry/git-registry.js';
import { readRegistry } from '../registry/read-tags.js';
import type { StageResult } from '../report/result.js';
import { publishOptions, type PromoteContext } from './context.js';
import { rollbackMessage } from './messages.js';
import { publish } from './publish.js';
import { rolledBack } from './summary.js';

/** Gives the stage back to the version that held it before the current one. */
export async function rollbackStage(ctx: PromoteContext): Promise<StageResult> {
  const { s, git } = ctx;
  // 1. Read the remote's registry.
  if (s.push) await git.fetchTags('origin');
  // 2. Tag the previous holder as the stage's again, and push; re-planned while the stage is unchanged.
  let first: string | undefined;
  const out = await publish(git, publishOptions(ctx), async (attempt) => {
    const current = holderFromState(await readRegistry(git, s.model), s.promoteTo);
    // Re-planned only while the stage is as we found it: never roll back a promotion made meanwhile.
    if (attempt > 1 && current?.version !== first) {
      throw new UserError(
        `stage '${s.promoteTo}' of ${s.model} changed while rolling back ` +
          `(now ${current?.version ?? 'unassigned'}, was ${first}); nothing was pushed: check the registry and run again if still needed`,
      );
    }
    first = current?.version;
    const r = await rollback(git, s.model, s.promoteTo, rollbackMessage(ctx, current?.version));
    return { tags: [r.tag], from: r.from, to: r.to };
  });
  // 3. Report, with the registry as it is now.
  const state = await readRegistry(git, s.model);
  return rolledBack(ctx, state, { tag: out.tags[0].name, from: out.from, to: out.to, attempts: out.attempts });
}
