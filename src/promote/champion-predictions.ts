/**
 * Champion vs challenger on paired predictions (issue 14, item 5): the champion's version tag
 * records the path of its `predictions` file, which is read from git at the champion's commit
 * (bounded), paired example by example with the challenger's, and compared with the same tests
 * the gate runs on `baseline-predictions` (exact McNemar for accuracy, paired bootstrap otherwise).
 * When the champion recorded none, or the file is not in its commit, the comparison falls back to
 * the tag message's metrics and says why (championComparison). The challenger's side is the
 * `predictions` input (loadChallengerPredictions).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { predictionsMetricFile, type NoiseContext } from '../gate/noise.js';
import type { MetricFile } from '../metrics/types.js';
import type { MetricComparison } from '../noise/types.js';
import type { Predictions } from '../predictions/types.js';
import { holderMetricFile, type StageHolder } from '../registry/baseline.js';
import type { GitClient } from '../registry/git-client.js';
import type { RegistryView } from '../registry/read-tags.js';
import type { PromoteSettings } from '../settings/promote.js';
import { isInside, relativePosix } from './files.js';

/** A champion's predictions file larger than this is not read (git's output cap is 64 MiB). */
export const MAX_CHAMPION_PREDICTIONS_BYTES = 60 * 1024 * 1024;

/** What the champion check compares: metrics files first, predictions' metrics before them. */
export interface PairedChampion {
  /** The challenger's metrics computed from the predictions. */
  candidate: MetricFile;
  /** The champion's, from its predictions at its commit. */
  champion: MetricFile;
  comparisons: Map<string, MetricComparison>;
}

/** Either the paired comparison, or why there is none (the summary says it). */
export type ChampionPredictions = { kind: 'paired'; paired: PairedChampion } | { kind: 'none'; reason: string };

/**
 * The path a version tag message records under `predictions`, when it is a plain repository-relative
 * path (a hostile tag cannot make git read outside the commit's tree or parse options).
 *
 * @example
 * recordedPredictions({ predictions: 'eval/predictions.csv' }) // 'eval/predictions.csv'
 * recordedPredictions({ predictions: '../x' }) // undefined
 */
export function recordedPredictions(data: unknown): string | undefined {
  const p = (data as { predictions?: unknown } | undefined)?.predictions;
  if (typeof p !== 'string' || p.length === 0 || p.length > 1024) return undefined;
  if (p.startsWith('/') || /[\0\\:]/.test(p) || p.split('/').some((s) => s === '' || s === '.' || s === '..'))
    return undefined;
  return p;
}

/**
 * Reads the champion's predictions at its commit and pairs them with the challenger's. Different
 * y_true, ids or lengths are a UserError (the two describe different test sets): nothing is promoted.
 */
export async function championPredictions(
  git: GitClient,
  champion: Champion,
  challenger: Predictions,
): Promise<ChampionPredictions> {
  const committed = await committedPredictions(git, champion);
  if (committed.kind === 'none') return committed;
  const { comparePredictions } = await import('../noise/index.js');
  const pair = await pairWithCommitted(champion, committed.path, committed.raw, challenger);
  const { comparisons } = comparePredictions(pair.candidate, pair.baseline);
  return {
    kind: 'paired',
    paired: {
      candidate: predictionsMetricFile(
        challenger.file,
        comparisons.map((c) => [c.metric, c.candidate.value]),
      ),
      champion: predictionsMetricFile(
        `${champion.version}:${committed.path}`,
        comparisons
          .filter((c) => c.baseline && Number.isFinite(c.baseline.value))
          .map((c) => [c.metric, c.baseline!.value]),
      ),
      comparisons: new Map(comparisons.map((c) => [c.metric, c])),
    },
  };
}

/** The champion as its version tag describes it. */
interface Champion {
  version: string;
  commit: string;
  /** The tag message's data. */
  data: unknown;
}

/** The bytes of the predictions file the champion's tag records, as committed; or why there are none. */
async function committedPredictions(
  git: GitClient,
  champion: Champion,
): Promise<{ kind: 'file'; path: string; raw: Buffer } | { kind: 'none'; reason: string }> {
  const path = recordedPredictions(champion.data);
  const raw = (champion.data as { predictions?: unknown } | undefined)?.predictions;
  if (!path) {
    return {
      kind: 'none',
      reason:
        raw === undefined
          ? `the champion ${champion.version} recorded no predictions in its version tag`
          : `the champion ${champion.version}'s version tag records an unusable predictions path`,
    };
  }
  const at = `${path} at ${champion.commit.slice(0, 12)}`;
  const shown = await git.tryShowFile(champion.commit, path, MAX_CHAMPION_PREDICTIONS_BYTES);
  if (shown.kind === 'missing')
    return { kind: 'none', reason: `the champion ${champion.version}'s predictions ${at} are not in its commit` };
  if (shown.kind === 'oversized') {
    return {
      kind: 'none',
      reason:
        `the champion ${champion.version}'s predictions ${at} are ${shown.size} bytes, ` +
        `over the ${MAX_CHAMPION_PREDICTIONS_BYTES}-byte limit`,
    };
  }
  return { kind: 'file', path, raw: shown.raw };
}

/**
 * The committed predictions read through the predictions reader from a private copy outside the
 * workspace, named as committed, and paired with the challenger's; messages name the committed
 * path, never the copy.
 */
async function pairWithCommitted(champion: Champion, path: string, raw: Buffer, challenger: Predictions) {
  const { pairPredictions, readPredictions } = await import('../noise/index.js');
  const dir = await mkdtemp(join(tmpdir(), 'mlqg-champion-'));
  const copy = join(dir, basename(path));
  const relocated = (e: unknown): unknown =>
    e instanceof UserError
      ? new UserError(
          `${e.message.split(copy).join(path)} (the champion ${champion.version}'s predictions, ` +
            `committed at ${champion.commit.slice(0, 12)}; nothing was promoted)`,
          e.file === copy ? path : e.file,
          e.line,
          e.column,
        )
      : e;
  try {
    await writeFile(copy, raw, { flag: 'wx', mode: 0o600 });
    const base = await readPredictions(copy, { what: `champion ${champion.version}'s predictions file` });
    return pairPredictions(challenger, base);
  } catch (e) {
    throw relocated(e);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The challenger's predictions, their metrics, and the path the version tag records. */
export interface ChallengerPredictions {
  predictions: Predictions;
  file: MetricFile;
  comparisons: Map<string, MetricComparison>;
  /** Workspace-relative, forward slashes; undefined when the file is outside the workspace. */
  recorded?: string;
}

/** Reads the `predictions` input: the challenger's per-example predictions and the metrics they give. */
export async function loadChallengerPredictions(s: PromoteSettings, cwd: string): Promise<ChallengerPredictions> {
  const { comparePredictions, readPredictions } = await import('../noise/index.js');
  const abs = resolve(cwd, s.predictions);
  // Messages name the file as the input did.
  const predictions = { ...(await readPredictions(abs)), file: s.predictions };
  const { comparisons } = comparePredictions(predictions);
  return {
    predictions,
    file: predictionsMetricFile(
      s.predictions,
      comparisons.map((c) => [c.metric, c.candidate.value]),
    ),
    comparisons: new Map(comparisons.map((c) => [c.metric, c])),
    recorded: isInside(s.workspace, abs) ? relativePosix(s.workspace, abs) : undefined,
  };
}

/** What the champion check compares: the candidate's metrics, the champion's, and the paired tests. */
export interface ChampionComparison {
  files: MetricFile[];
  champion: MetricFile[];
  noise?: NoiseContext;
  /** Why the comparison is (or is not) paired, for the summary. */
  note?: string;
}

/**
 * What the champion check compares: paired predictions when both sides have them, otherwise the
 * metrics in the champion's tag message — with a note saying why, when the challenger had predictions.
 */
export async function championComparison(
  git: GitClient,
  state: RegistryView,
  holder: StageHolder,
  read: MetricFile[],
  challenger: ChallengerPredictions | undefined,
): Promise<ChampionComparison> {
  const files = challenger ? [challenger.file, ...read] : read;
  const fromTag = holderMetricFile(holder);
  if (!challenger) return { files, champion: [fromTag] };
  const data = state.versions.find((v) => v.version === holder.version)?.data;
  const got = await championPredictions(
    git,
    { version: holder.version, commit: holder.commit, data },
    challenger.predictions,
  );
  if (got.kind === 'none') {
    return {
      files,
      champion: [fromTag],
      note:
        `Not paired: ${got.reason}, so the challenger was compared with the metrics in the champion's ` +
        'version tag (an unpaired comparison, or none where the tag has no sample size).',
    };
  }
  const { paired } = got;
  return {
    files: [paired.candidate, ...read],
    champion: [paired.champion, fromTag],
    noise: { predictions: paired.comparisons },
    note: `Paired with the champion ${holder.version}'s predictions (${paired.champion.file}), example by example.`,
  };
}
