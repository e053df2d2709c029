/**
 * Champion vs challenger on paired predictions (issue 14, item 5): the champion's version tag
 * records the path of its `predictions` file, which is read from git at the champion's commit
 * (bounded), paired example by example with the challenger's, and compared with the same tests
 * the gate runs on `baseline-predictions` (exact McNemar for accuracy, paired bootstrap otherwise).
 * When the champion recorded none, or the file is not in its commit, the caller falls back to the
 * tag message's metrics and says why.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { UserError } from '../errors.js';
import { predictionsMetricFile } from '../gate/noise.js';
import type { MetricFile } from '../metrics/types.js';
import type { MetricComparison } from '../noise/types.js';
import type { Predictions } from '../predictions/types.js';
import type { GitClient } from '../registry/git-client.js';

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
  champion: { version: string; commit: string; data: unknown },
  challenger: Predictions,
): Promise<ChampionPredictions> {
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
  const { comparePredictions, pairPredictions, readPredictions } = await import('../noise/index.js');
  // Read through the predictions reader from a private copy outside the workspace, named as
  // committed; messages name the committed path, never the copy.
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
  let pair;
  try {
    await writeFile(copy, shown.raw, { flag: 'wx', mode: 0o600 });
    const base = await readPredictions(copy, { what: `champion ${champion.version}'s predictions file` });
    pair = pairPredictions(challenger, base);
  } catch (e) {
    throw relocated(e);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const { comparisons } = comparePredictions(pair.candidate, pair.baseline);
  return {
    kind: 'paired',
    paired: {
      candidate: predictionsMetricFile(
        challenger.file,
        comparisons.map((c) => [c.metric, c.candidate.value]),
      ),
      champion: predictionsMetricFile(
        `${champion.version}:${path}`,
        comparisons
          .filter((c) => c.baseline && Number.isFinite(c.baseline.value))
          .map((c) => [c.metric, c.baseline!.value]),
      ),
      comparisons: new Map(comparisons.map((c) => [c.metric, c])),
    },
  };
}
