/**
 * The candidate of a promotion: its metrics files, the rules, its per-example predictions (whose
 * metrics come first and must agree with the files), its model files, and the gate it must pass
 * on its own before the registry is even read.
 */
import { checkRules, type GateEntry } from '../gate/check.js';
import { assertAgree } from '../gate/noise.js';
import { resolveMetricPaths } from '../metrics/paths.js';
import { readMetrics } from '../metrics/read.js';
import type { MetricFile } from '../metrics/types.js';
import { hashFiles } from '../registry/hash-files.js';
import { loadRules } from '../rules/parse.js';
import type { MetricRule } from '../rules/types.js';
import { absoluteRules } from './champion.js';
import { loadChallengerPredictions, type ChallengerPredictions } from './champion-predictions.js';
import type { PromoteContext } from './context.js';
import { expandFiles } from './files.js';

export interface Candidate {
  /** The metrics files, as read. */
  read: MetricFile[];
  rules: MetricRule[];
  challenger?: ChallengerPredictions;
  /** What the gate reads: the predictions' metrics first, then the metrics files. */
  files: MetricFile[];
  /** Absolute paths of the model's files. */
  modelFiles: string[];
  modelHash: string;
}

/** Reads everything the candidate is judged and registered by; bad input is refused here. */
export async function readCandidate(ctx: PromoteContext): Promise<Candidate> {
  const { s, cwd } = ctx;
  const read = await readMetrics(await resolveMetricPaths(s.metrics, cwd), s.metricsFormat, cwd);
  const rules = await loadRules(s.thresholds);
  // Per-example predictions: their metrics come first (and must agree with the metrics files).
  const challenger = s.predictions ? await loadChallengerPredictions(s, cwd) : undefined;
  if (challenger) assertAgree(challenger.file, read);
  const files = challenger ? [challenger.file, ...read] : read;
  const modelFiles = await expandFiles(s.modelPaths, cwd);
  const modelHash = await hashFiles(s.modelPaths, cwd);
  return { read, rules, challenger, files, modelFiles, modelHash };
}

/**
 * The rules' checks the candidate must meet alone (those needing a baseline wait for the champion),
 * with the predictions' own estimates (Wilson, bootstrap) where it has predictions.
 */
export function gateCandidate(c: Candidate): GateEntry[] {
  return checkRules(
    absoluteRules(c.rules),
    c.files,
    undefined,
    c.challenger && { predictions: c.challenger.comparisons },
  );
}

/**
 * The gated metrics, each once: the key metrics of the tag message, summary and history.
 *
 * @example
 * keyMetricsOf([{ metric: 'accuracy' }, { metric: 'accuracy' }, { metric: 'f1' }] as GateEntry[]) // ['accuracy', 'f1']
 */
export function keyMetricsOf(gate: GateEntry[]): string[] {
  return [...new Set(gate.map((e) => e.metric))];
}
