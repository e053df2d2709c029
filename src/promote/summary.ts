/**
 * What the promote stage reports: the result of each outcome (promoted, refused, nothing to do,
 * rolled back) with its headline, outputs, annotations, report, and the summary's sections (gate,
 * champion vs challenger, artifact, tags published, history).
 */
import { resolve } from 'node:path';
import { Outputs } from '../constants.js';
import type { GateEntry } from '../gate/check.js';
import { noiseEvidence } from '../gate/noise.js';
import { lookupMetric } from '../metrics/lookup.js';
import type { MetricFile } from '../metrics/types.js';
import type { StageHolder } from '../registry/baseline.js';
import type { RegistryView } from '../registry/read-tags.js';
import { formatNumber, formatSigned } from '../report/format.js';
import type { Annotation, OutputValues, StageResult, SummaryBlock } from '../report/result.js';
import { annotationLocation } from '../report/workspace-path.js';
import type { PromoteSettings } from '../settings/promote.js';
import type { StoreSelection } from '../store/select-store.js';
import { artifactOf, type Artifact } from './artifact.js';
import { keyMetricsOf } from './candidate.js';
import type { ChampionEntry } from './champion.js';
import type { PromoteContext } from './context.js';
import { historyBlocks } from './history.js';
import type { PromotedPlan } from './plan.js';

/** Why a candidate was not promoted, beyond its gate: the champion's verdict, and any files stored. */
export interface Refusal {
  holder?: StageHolder;
  champion?: ChampionEntry[];
  championNote?: string;
  /** Uploaded only when a lost race brought a better champion in after the upload. */
  uploaded?: Artifact;
}

/** The version promoted (or registered), with the tags published and how many attempts that took. */
export function promoted(
  ctx: PromoteContext,
  state: RegistryView,
  gate: GateEntry[],
  out: PromotedPlan & { attempts: number },
): StageResult {
  const { s } = ctx;
  const isPromoted = Boolean(s.promoteTo);
  const tagNames = out.tags.map((t) => t.name);
  const headline = isPromoted
    ? `${s.model} ${out.version} promoted to ${s.promoteTo}${out.holder ? ` (was ${out.holder.version})` : ' (its first version there)'}`
    : out.registered
      ? `${s.model} ${out.version} registered`
      : `${s.model} ${out.version} was already registered at this commit`;
  const tag = tagNames[tagNames.length - 1] ?? versionTag(state, out.version);
  const artifactId = artifactOf(ctx, state, out.version, out.artifact);
  return {
    stage: 'promote',
    ok: true,
    headline,
    outputs: outputs(out.version, tag, out.holder?.version ?? '', isPromoted, artifactId),
    summary: [
      { kind: 'heading', text: `✅ ${headline}` },
      { kind: 'text', text: publishedText(s, tagNames, out.attempts) },
      ...gateBlocks(gate),
      ...championBlocks(s, out.champion, out.holder, out.version, out.championNote),
      ...artifactBlocks(out.artifact, ctx.store.kind),
      ...historyBlocks(state, keyMetricsOf(gate), s.promoteTo),
    ],
    annotations: [],
    report: report(s, {
      promoted: isPromoted,
      version: out.version,
      previous: out.holder?.version,
      tags: tagNames,
      gate,
      champion: out.champion,
      champion_note: out.championNote ?? null,
      artifact: out.artifact,
      attempts: out.attempts,
    }),
  };
}

/** Not promoted: the gate failed, or the candidate is worse than the champion. No tag was created. */
export function refused(
  ctx: PromoteContext,
  state: RegistryView,
  gate: GateEntry[],
  files: MetricFile[],
  r: Refusal,
): StageResult {
  const { s } = ctx;
  const headline = refusedHeadline(s, gate, r);
  return {
    stage: 'promote',
    ok: false,
    headline,
    outputs: outputs('', '', r.holder?.version ?? '', false, ''),
    summary: [
      { kind: 'heading', text: `❌ ${headline}` },
      {
        kind: 'text',
        text: r.uploaded
          ? `No tag was created; the files stored as ${r.uploaded.name} belong to no version.`
          : 'No tag was created and nothing was uploaded.',
      },
      ...gateBlocks(gate),
      ...championBlocks(s, r.champion, r.holder, 'candidate', r.championNote),
      ...historyBlocks(state, keyMetricsOf(gate), s.promoteTo),
    ],
    annotations: refusedAnnotations(ctx, gate, files, r),
    report: report(s, {
      promoted: false,
      previous: r.holder?.version,
      tags: [],
      gate,
      champion: r.champion,
      champion_note: r.championNote ?? null,
    }),
  };
}

function refusedHeadline(s: PromoteSettings, gate: GateEntry[], r: Refusal): string {
  const gateFailed = gate.filter((e) => !e.passed);
  const championFailed = r.champion?.filter((e) => !e.passed) ?? [];
  return gateFailed.length
    ? `${s.model} not promoted: the gate failed on ${gateFailed.length} of ${gate.length} metrics ` +
        `(${gateFailed.map((e) => e.name).join(', ')})`
    : `${s.model} not promoted to ${s.promoteTo}: worse than the champion ${r.holder?.version} ` +
        `on ${championFailed.length} of ${r.champion?.length} metrics (${championFailed.map((e) => e.name).join(', ')})`;
}

/** One error per failed gate rule and per metric worse than the champion, at the metric's line. */
function refusedAnnotations(ctx: PromoteContext, gate: GateEntry[], files: MetricFile[], r: Refusal): Annotation[] {
  const { s } = ctx;
  return [
    ...gate
      .filter((e) => !e.passed)
      .map((e) => ({
        level: 'error' as const,
        title: `Quality gate: ${e.name}`,
        message: `${e.name} = ${formatNumber(e.value)}: ${e.message} (rule ${e.rule})`,
        ...annotationLocation(s.workspace, { file: resolve(ctx.cwd, e.file), line: e.line ?? undefined }),
      })),
    ...(r.champion ?? [])
      .filter((e) => !e.passed)
      .map((e) => {
        const metric = lookupMetric(files, e.metric);
        return {
          level: 'error' as const,
          title: `Champion check: ${e.name}`,
          message: `${e.name}: ${e.message} (champion ${s.model}@${r.holder?.version}, rule ${e.rule})`,
          ...(metric
            ? annotationLocation(s.workspace, { file: resolve(ctx.cwd, metric.file), line: metric.line })
            : {}),
        };
      }),
  ];
}

/** The commit's version already holds the stage: nothing to do. */
export function already(ctx: PromoteContext, state: RegistryView, gate: GateEntry[], holder: StageHolder): StageResult {
  const { s } = ctx;
  const headline = `${s.model} ${holder.version} already holds ${s.promoteTo}: nothing to do`;
  return {
    stage: 'promote',
    ok: true,
    headline,
    outputs: outputs(holder.version, holder.tag, '', true, artifactOf(ctx, state, holder.version)),
    summary: [
      { kind: 'heading', text: `✅ ${headline}` },
      ...gateBlocks(gate),
      ...historyBlocks(state, keyMetricsOf(gate), s.promoteTo),
    ],
    annotations: [],
    report: report(s, { promoted: true, version: holder.version, tags: [], gate }),
  };
}

/** The stage given back: `to` holds it again instead of `from`, by `tag`. */
export function rolledBack(
  ctx: PromoteContext,
  state: RegistryView,
  out: { tag: string; from: string; to: string; attempts: number },
): StageResult {
  const { s } = ctx;
  const headline = `${s.model} rolled back in ${s.promoteTo}: ${out.to} again (was ${out.from})`;
  return {
    stage: 'promote',
    ok: true,
    headline,
    outputs: outputs(out.to, out.tag, out.from, true, artifactOf(ctx, state, out.to)),
    summary: [
      { kind: 'heading', text: `↩️ ${headline}` },
      { kind: 'text', text: publishedText(s, [out.tag], out.attempts) },
      ...historyBlocks(state, [], s.promoteTo),
    ],
    annotations: [],
    report: report(s, {
      promoted: true,
      version: out.to,
      previous: out.from,
      tags: [out.tag],
      rollback: true,
      attempts: out.attempts,
    }),
  };
}

function outputs(version: string, tag: string, previous: string, promoted: boolean, artifactId: string): OutputValues {
  return {
    [Outputs.Version]: version,
    [Outputs.Tag]: tag,
    [Outputs.PreviousVersion]: previous,
    [Outputs.Promoted]: String(promoted),
    [Outputs.ArtifactId]: artifactId,
  };
}

function versionTag(state: RegistryView, version: string): string {
  return state.versions.find((v) => v.version === version)?.tag ?? '';
}

function publishedText(s: PromoteSettings, tags: string[], attempts: number): string {
  if (!tags.length) return 'No new tag was needed.';
  const list = `${tags.length === 1 ? 'Tag' : 'Tags'} ${tags.join(' and ')}`;
  if (!s.push) return `${list} created locally (push: false): push with git push origin --tags.`;
  const race =
    attempts > 1
      ? ` after ${attempts} attempts (another run registered ${s.model} at the same time; numbers and the champion check were recomputed)`
      : '';
  return `${list} pushed to origin${race}.`;
}

function gateBlocks(gate: GateEntry[]): SummaryBlock[] {
  const rows = [...gate]
    .sort((a, b) => Number(a.passed) - Number(b.passed))
    .map((e) => [e.passed ? '✅ pass' : '❌ fail', e.name, formatNumber(e.value), e.rule, e.passed ? '' : e.message]);
  return [
    { kind: 'heading', level: 3, text: 'Gate' },
    { kind: 'table', header: ['Status', 'Metric', 'Value', 'Rule', 'Why'], rows },
  ];
}

function championBlocks(
  s: PromoteSettings,
  champion: ChampionEntry[] | undefined,
  holder: StageHolder | undefined,
  challenger: string,
  note?: string,
): SummaryBlock[] {
  if (!s.promoteTo) return [];
  const heading: SummaryBlock = { kind: 'heading', level: 3, text: 'Champion vs challenger' };
  if (note && champion) return [...championBlocks(s, champion, holder, challenger), { kind: 'text', text: note }];
  if (!holder)
    return [heading, { kind: 'text', text: `No version holds ${s.promoteTo} yet: nothing to compare with.` }];
  if (!champion)
    return [
      heading,
      {
        kind: 'text',
        text: `Not compared with ${s.model} ${holder.version}, which holds ${s.promoteTo} (champion-check: false).`,
      },
    ];
  return [heading, championTable(champion, holder, challenger)];
}

/** Noise-aware rules (significance/confidence) show the test that decided, as the gate does. */
function championTable(champion: ChampionEntry[], holder: StageHolder, challenger: string): SummaryBlock {
  const noisy = champion.some((e) => e.noise);
  const rows = [...champion]
    .sort((a, b) => Number(a.passed) - Number(b.passed))
    .map((e) => [
      e.passed ? '✅ pass' : '❌ fail',
      e.name,
      formatNumber(e.challenger),
      e.champion === null ? '—' : formatNumber(e.champion),
      e.delta === null ? '—' : formatSigned(e.delta),
      e.delta_pct === null ? '—' : formatSigned(e.delta_pct, ' %'),
      e.rule,
      ...(noisy ? [e.noise?.verdict ?? '—', e.noise ? noiseEvidence(e.noise) : '—'] : []),
      e.passed ? (e.champion === null ? e.message : '') : e.message,
    ]);
  const header = ['Status', 'Metric', `Challenger (${challenger})`, `Champion (${holder.version})`, 'Δ', 'Δ %', 'Rule'];
  return { kind: 'table', header: [...header, ...(noisy ? ['Verdict', 'Evidence'] : []), 'Why'], rows };
}

function artifactBlocks(artifact: Artifact | undefined, kind: StoreSelection['kind']): SummaryBlock[] {
  if (!artifact) return [];
  const text =
    kind === 'runner'
      ? `Model files, metrics and model card uploaded as artifact ${artifact.name} (id ${artifact.id}: ${artifact.location}).`
      : `Model files, metrics and model card stored as ${artifact.name} in ${artifact.location}.`;
  return [{ kind: 'text', text }];
}

function report(s: PromoteSettings, fields: Record<string, unknown>): unknown {
  return { stage: 'promote', model: s.model, promote_to: s.promoteTo || null, ...fields };
}
