/**
 * Champion vs challenger: the candidate's metrics against those of the version holding the stage.
 * Each gated metric is compared with the gate's own rules: a rule's baseline checks (`max-drop`,
 * `max-increase`, their `-pct` forms) apply with the champion as baseline; a rule without them
 * asks the candidate to be no worse than the champion in the metric's direction. A gated metric the
 * champion has no value for is a failed comparison, never a pass: nothing shows the candidate is
 * not worse (the champion's tag may predate the metric, or name it differently).
 */
import { checkRules, directionNote, type GateEntry } from '../gate/check.js';
import type { NoiseContext, NoiseEntry } from '../gate/noise.js';
import type { MetricFile } from '../metrics/types.js';
import { describeChecks } from '../rules/parse.js';
import { needsBaseline, type Direction, type MetricRule } from '../rules/types.js';
import { formatNumber } from '../report/format.js';

export interface ChampionEntry {
  name: string;
  /** Generic name of the metric. */
  metric: string;
  challenger: number;
  /** null when the champion's tag message has no value for it: a failed comparison. */
  champion: number | null;
  delta: number | null;
  delta_pct: number | null;
  direction: Direction;
  /** True when the direction was assumed and the verdict depends on it. */
  direction_assumed: boolean;
  /** What was required, e.g. `max-drop 0.02` or `no worse (higher is better)`. */
  rule: string;
  passed: boolean;
  message: string;
  /** Noise-aware comparisons only: the difference's interval, p-value and verdict, as in the gate. */
  noise?: NoiseEntry;
}

/** Float slack, as the gate's baseline checks use: 0.93 − 0.91 must not count as worse than 0.02. */
const SLACK = 1e-9;

/** The rules' checks that need no baseline: what the candidate must meet on its own. */
export function absoluteRules(rules: MetricRule[]): MetricRule[] {
  return rules.map((r) => {
    const checks = r.checks.filter((c) => !needsBaseline(c));
    return { ...r, checks, text: checks.length ? describeChecks(checks) : 'present (compared with the stage holder)' };
  });
}

/** With `noise` (paired predictions of both), rules with significance/confidence decide on those tests. */
export function compareWithChampion(
  rules: MetricRule[],
  files: MetricFile[],
  champion: MetricFile[],
  noise?: NoiseContext,
): ChampionEntry[] {
  const relative = rules.map((r) => ({ ...r, checks: r.checks.filter(needsBaseline) }));
  return checkRules(relative, files, champion, noise).map((e, i) => toEntry(e, relative[i]));
}

function toEntry(e: GateEntry, rule: MetricRule): ChampionEntry {
  const base = {
    name: e.name,
    metric: e.metric,
    challenger: e.value,
    champion: e.baseline,
    delta: e.delta,
    delta_pct: e.delta_pct,
    direction: e.direction,
    direction_assumed: e.direction_assumed,
    ...(e.noise && { noise: e.noise }),
  };
  const text = rule.checks.length
    ? describeChecks(rule.checks)
    : `no worse (${e.direction_assumed ? directionNote(e) : `${e.direction} is better`})`;
  // Nothing to compare with: the candidate is not shown to be no worse, so it does not pass.
  if (e.baseline === null) {
    return {
      ...base,
      rule: text,
      passed: false,
      message: `the champion has no value for '${e.metric}' to compare with (its tag message does not record it)`,
    };
  }
  if (rule.checks.length) return { ...base, rule: text, passed: e.passed, message: e.passed ? 'ok' : e.message };
  const worse =
    e.direction === 'higher' ? e.value < e.baseline - slack(e.baseline) : e.value > e.baseline + slack(e.baseline);
  return {
    ...base,
    rule: text,
    passed: !worse,
    message: worse
      ? `${formatNumber(e.value)} is worse than the champion's ${formatNumber(e.baseline)} (${e.direction} is better)`
      : 'ok',
  };
}

const slack = (x: number) => SLACK * Math.max(1, Math.abs(x));
