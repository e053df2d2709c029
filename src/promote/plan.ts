/**
 * One plan of a promotion, against the registry as fetched: run again (by publish.ts) when a push
 * loses a race, so the stage holder, the champion check and the version number are those of what won.
 * It creates the local tags to push and decides: already done, refused by the champion, or promoted.
 */
import { UserError } from '../errors.js';
import type { GateEntry } from '../gate/check.js';
import { holderFromState, type StageHolder } from '../registry/baseline.js';
import { assignStage, autoVersion, registerVersion, versionAt, type PendingTag } from '../registry/git-registry.js';
import type { RegistryView } from '../registry/read-tags.js';
import { readRegistry } from '../registry/read-tags.js';
import type { ModelVersion } from '../registry/registry-state.js';
import type { PromoteSettings } from '../settings/promote.js';
import { upload, type Artifact } from './artifact.js';
import { keyMetricsOf, type Candidate } from './candidate.js';
import { compareWithChampion, type ChampionEntry } from './champion.js';
import { championComparison } from './champion-predictions.js';
import type { PromoteContext } from './context.js';
import { runInfo, stageMessage, versionMessage } from './messages.js';
import { unpublished } from './publish.js';

interface Planned {
  tags: PendingTag[];
  state: RegistryView;
}

/** The version holding the stage is the candidate's commit already: nothing to do. */
export interface AlreadyPlan extends Planned {
  kind: 'already';
  holder: StageHolder;
}

/** Worse than the champion: no tag. */
export interface RefusedPlan extends Planned {
  kind: 'refused';
  holder?: StageHolder;
  champion?: ChampionEntry[];
  championNote?: string;
}

export interface PromotedPlan extends Planned {
  kind: 'promoted';
  holder?: StageHolder;
  champion?: ChampionEntry[];
  championNote?: string;
  version: string;
  /** False when the commit already carried the version. */
  registered: boolean;
  /** Uploaded for this version (none when the version existed). */
  artifact?: Artifact;
  existing?: ModelVersion;
}

export type Plan = AlreadyPlan | RefusedPlan | PromotedPlan;

/** The artifact uploaded by an earlier plan: uploaded once per version number. */
export interface Uploads {
  last?: Artifact;
}

/** Plans the promotion of the candidate at `commit`, which passed `gate`. */
export async function planPromotion(
  ctx: PromoteContext,
  c: Candidate,
  gate: GateEntry[],
  commit: string,
  uploads: Uploads,
): Promise<Plan> {
  const { s, git } = ctx;
  // 1. Read the registry: who holds the stage now.
  const state = await readRegistry(git, s.model);
  const holder = s.promoteTo ? holderFromState(state, s.promoteTo) : undefined;
  if (holder && holder.commit === commit) return { tags: [], kind: 'already', state, holder };
  // 2. Compare with the champion: worse on any gated metric is refused.
  const compared =
    holder && s.championCheck ? await championComparison(git, state, holder, c.read, c.challenger) : undefined;
  const champion =
    holder && compared ? compareWithChampion(c.rules, compared.files, compared.champion, compared.noise) : undefined;
  const championNote = compared?.note;
  if (champion?.some((e) => !e.passed)) return { tags: [], kind: 'refused', state, holder, champion, championNote };
  // 3. Number the version; upload its files (again only when a lost race renumbered it).
  const existing = versionAt(state, commit);
  const planned = existing?.version ?? plannedVersion(state, s);
  if (!existing && uploads.last?.version !== planned) {
    uploads.last = await upload(ctx, c, { version: planned, commit, gate, champion, holder });
  }
  const artifact = existing ? undefined : uploads.last;
  // 4. Register the version (a commit keeps the one it has) and assign the stage.
  const run = runInfo(ctx.env);
  const keyMetrics = keyMetricsOf(gate);
  const message = versionMessage(ctx, c, { version: planned, commit, keyMetrics, artifact, run });
  const reg = await registerVersion(git, s.model, { version: s.version, bump: s.bump, commit, message });
  const tags = reg.tag ? [reg.tag] : s.push && existing ? await unpublished(git, s.model, existing) : [];
  if (s.promoteTo) {
    tags.push(
      await assignStage(git, s.model, reg.version, s.promoteTo, stageMessage(ctx, reg.version, holder, champion, run)),
    );
  }
  const version = reg.version;
  return {
    tags,
    kind: 'promoted',
    state,
    holder,
    champion,
    championNote,
    version,
    registered: !!reg.tag,
    artifact,
    existing,
  };
}

/** The number the version will get: the next one (version: auto), or the one asked for if it is free. */
function plannedVersion(state: RegistryView, s: PromoteSettings): string {
  if (s.version === 'auto') return autoVersion(state, s.bump);
  const taken = state.versions.find((v) => v.version === s.version);
  if (taken)
    throw new UserError(
      `${s.model}@${s.version} already exists (commit ${taken.commit.slice(0, 12)}); ` +
        'versions are never reused: use version: auto or a new number',
    );
  return s.version;
}
