/**
 * The JSON messages of the registry tags the promote stage writes: the version tag (metrics, files,
 * artifact, run), the stage tag of a promotion, and that of a rollback.
 */
import { toPosix } from '../files/workspace.js';
import { flatMetrics } from '../metrics/lookup.js';
import type { MetricFile } from '../metrics/types.js';
import { runUrl } from '../notify/after-run.js';
import type { StageHolder } from '../registry/baseline.js';
import type { Artifact } from './artifact.js';
import type { Candidate } from './candidate.js';
import type { ChampionEntry } from './champion.js';
import type { PromoteContext } from './context.js';
import { relativePosix } from './files.js';

/** Metrics beyond this many (after the gated ones) are left out of the tag message. */
const MAX_MESSAGE_METRICS = 500;

/** The workflow run a tag was written by (null off a runner), and when. */
export type RunInfo = Record<string, string | number | null>;

export function runInfo(env: NodeJS.ProcessEnv): RunInfo {
  const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
  return {
    run_number: num(env.GITHUB_RUN_NUMBER),
    run_id: num(env.GITHUB_RUN_ID),
    run_attempt: num(env.GITHUB_RUN_ATTEMPT),
    run_url: runUrl(env) ?? null,
    repository: env.GITHUB_REPOSITORY ?? null,
    ref: env.GITHUB_REF ?? null,
    timestamp: new Date().toISOString(),
  };
}

/** What a version tag records besides the candidate: its number, commit, key metrics, artifact, run. */
export interface VersionFacts {
  version: string;
  commit: string;
  keyMetrics: string[];
  artifact?: Artifact;
  run: RunInfo;
}

/** The version tag's message: what the registry baseline, the champion check and GTO read back. */
export function versionMessage(ctx: PromoteContext, c: Candidate, v: VersionFacts): object {
  const { s, cwd } = ctx;
  return {
    model: s.model,
    version: v.version,
    metrics: messageMetrics(c.files, v.keyMetrics),
    key_metrics: v.keyMetrics,
    ...v.run,
    commit: v.commit,
    artifact_name: v.artifact?.name ?? null,
    artifact_id: v.artifact?.id ?? null,
    ...(ctx.store.kind === 'runner' && v.artifact ? { artifact_url: v.artifact.location } : {}),
    model_files: c.modelFiles.map((f) => relativePosix(cwd, f)),
    model_hash: `sha256:${c.modelHash}`,
    // As the inputs named them, with forward slashes on every platform.
    metrics_files: c.read.map((f) => toPosix(f.file)),
    ...(c.challenger?.recorded ? { predictions: c.challenger.recorded } : {}),
    tool: 'ml-quality-gate',
  };
}

/** The stage tag's message of a promotion: the version, the one it replaces, the champion check. */
export function stageMessage(
  ctx: PromoteContext,
  version: string,
  holder: StageHolder | undefined,
  champion: ChampionEntry[] | undefined,
  run: RunInfo,
): object {
  const { s } = ctx;
  return {
    action: 'promote',
    model: s.model,
    stage: s.promoteTo,
    version,
    previous_version: holder?.version ?? null,
    champion_check: champion ? 'passed' : holder ? 'skipped' : 'no holder',
    ...run,
  };
}

/** The stage tag's message of a rollback. */
export function rollbackMessage(ctx: PromoteContext, from: string | undefined): object {
  const { s } = ctx;
  return {
    action: 'rollback',
    model: s.model,
    stage: s.promoteTo,
    rolled_back_from: from ?? null,
    ...runInfo(ctx.env),
  };
}

/** Gated metrics first, then the others, up to MAX_MESSAGE_METRICS: what the registry baseline can compare. */
function messageMetrics(files: MetricFile[], keys: string[]): Record<string, number> {
  const all = flatMetrics(files);
  const ordered = [...keys.filter((k) => k in all), ...Object.keys(all).filter((k) => !keys.includes(k))];
  return Object.fromEntries(ordered.slice(0, Math.max(MAX_MESSAGE_METRICS, keys.length)).map((k) => [k, all[k]]));
}
