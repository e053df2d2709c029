/**
 * The dataset verdict from the compared columns, on either path: p-value correction, each
 * column's decision (its method, or `missing-share` when missing values rose), the share of
 * drifted columns against `drift-share`, and the stage result (outputs, summary, annotations,
 * report). Prints nothing.
 */
import { Outputs } from '../constants.js';
import { formatBytes } from '../files/read-text.js';
import { formatNumber } from '../report/format.js';
import type { Annotation, OutputValues, StageResult, SummaryBlock } from '../report/result.js';
import { benjaminiHochberg } from '../stats/benjamini-hochberg.js';
import { bonferroni } from '../stats/bonferroni.js';
import type { Compared } from './column-test.js';
import { KIND_WORDS, type Bound } from './method.js';
import type { ExactPathEstimate, MemoryBudget } from './memory.js';
import type { DriftMethodName } from './registry.js';

/** A rise of the missing share by more than this (in share points) flags a column by itself. */
export const MISSING_SHARE_RISE = 0.1;

/** What the verdict needs of either path: the compared columns and where they came from. */
export interface Comparison {
  compared: Compared[];
  skipped: { name: string; onlyIn: string }[];
  ref: { file: string; rows: number };
  cur: { file: string; rows: number };
  /** Compared from profiles rather than from the data. */
  fromProfiles: boolean;
  /** Outputs besides the verdict's (`profile`: the merged shards). */
  outputs?: OutputValues;
  /** Two datasets compared from profiles because the exact path would need more than `memory-budget`. */
  overBudget?: { estimate: ExactPathEstimate; budget: MemoryBudget };
}

/** The stage-wide decision inputs (`drift-share`, `new-category-share`, `correction`). */
export interface VerdictOptions {
  /** Share of drifted columns at which the dataset drifts. */
  driftShare: number;
  /** A categorical column drifts when categories the reference lacks make up at least this share of the current rows. */
  newCategoryShare: number;
  correction: 'none' | 'bonferroni' | 'bh';
}

/** One column of the JSON report. */
export interface DriftEntry {
  name: string;
  kind: 'numerical' | 'categorical';
  /**
   * The method that decided: a registered method; `missing-share` when missing values rose;
   * `new-category-share` when categories the reference lacks make up at least that share of the
   * current rows and the method alone did not flag the column.
   */
  method: DriftMethodName | 'missing-share' | 'new-category-share';
  statistic: number;
  /** Null for distances. */
  p_value: number | null;
  /** After `correction`, when one was asked for. */
  p_value_adjusted: number | null;
  threshold: number;
  drifted: boolean;
  n_ref: number;
  n_cur: number;
  missing_ref: number;
  missing_cur: number;
  /** Categories present only in the current data. */
  new_categories: string[];
  /** Share of the current non-missing rows in those categories (categorical columns). */
  new_category_share?: number;
  /** The distribution test, when `missing-share` or `new-category-share` decided. */
  distribution_test?: {
    method: DriftMethodName;
    statistic: number;
    p_value: number | null;
    threshold: number;
    drifted: boolean;
  };
  note?: string;
  /** Compared from profiles: whether the statistic is approximate, and how far it can be off. */
  approximate?: boolean;
  bound?: Bound;
}

export function verdict(comparison: Comparison, options: VerdictOptions): StageResult {
  const { compared, skipped, ref, cur, fromProfiles, outputs, overBudget } = comparison;
  // 1. Each column's decision, after the p-value correction.
  const adjusted = adjustPValues(compared, options.correction);
  const entries = compared.map((c, i) => toEntry(c, adjusted[i], options.newCategoryShare));
  // 2. The dataset's: the share of drifted columns against drift-share.
  const drifted = entries.filter((e) => e.drifted).map((e) => e.name);
  const share = drifted.length / entries.length;
  const detected = share >= options.driftShare;
  const pct = (x: number) => `${formatNumber(Math.round(x * 1000) / 10)} %`;
  const headline =
    `${drifted.length} of ${entries.length} columns drifted (${pct(share)}) — ` +
    `dataset drift: ${detected ? 'yes' : 'no'} (threshold ${pct(options.driftShare)})`;
  // 3. The result: outputs, summary, annotations, report.
  const annotations: Annotation[] = skipped.map((k) => ({
    level: 'warning',
    title: 'Drift: column skipped',
    message: `column '${k.name}' is only in ${k.onlyIn}; it was not compared`,
  }));
  if (overBudget)
    annotations.push({ level: 'notice', title: 'Drift: compared from profiles', message: overBudgetNote(overBudget) });
  if (detected)
    annotations.push({ level: 'error', title: 'Dataset drift', message: `${headline}: ${drifted.join(', ')}` });
  return {
    stage: 'drift',
    ok: !detected,
    headline,
    outputs: {
      [Outputs.DriftDetected]: String(detected),
      [Outputs.DriftedColumns]: JSON.stringify(drifted),
      [Outputs.DriftShare]: String(share),
      ...outputs,
    },
    summary: summarize(headline, detected, compared, entries, options, ref, cur, fromProfiles, overBudget),
    annotations,
    report: {
      stage: 'drift',
      drift_detected: detected,
      drift_share: share,
      drift_share_threshold: options.driftShare,
      drifted_columns: drifted,
      correction: options.correction,
      reference: ref,
      current: cur,
      ...(fromProfiles && {
        from_profiles: true,
        approximate_columns: entries.filter((e) => e.approximate).map((e) => e.name),
      }),
      ...(overBudget && {
        memory_budget: {
          budget_bytes: overBudget.budget.bytes,
          budget: overBudget.budget.label,
          exact_path_estimated_bytes: overBudget.estimate.bytes,
          estimated_shapes: overBudget.estimate.sides,
        },
      }),
      skipped_columns: skipped,
      columns: entries,
    },
  };
}

/** Adjusted p-values of the p-value methods (null for distances), under the chosen correction. */
function adjustPValues(compared: Compared[], correction: VerdictOptions['correction']): (number | null)[] {
  const idx = compared.flatMap((c, i) => (c.outcome.pValue === null ? [] : [i]));
  const out: (number | null)[] = compared.map(() => null);
  if (correction === 'none' || idx.length === 0) return out;
  const p = idx.map((i) => compared[i].outcome.pValue as number);
  const adj = correction === 'bonferroni' ? bonferroni(p) : benjaminiHochberg(p);
  idx.forEach((i, k) => (out[i] = adj[k]));
  return out;
}

function toEntry(c: Compared, adjusted: number | null, newCategoryLimit: number): DriftEntry {
  const { method, outcome } = c;
  const decisive = method.yieldsPValue ? (adjusted ?? (outcome.pValue as number)) : outcome.statistic;
  const testDrifted = method.drifted(decisive, c.threshold);
  const missingRise = c.cur.missing / c.cur.rows - c.ref.missing / c.ref.rows;
  const base = {
    name: c.column.name,
    kind: KIND_WORDS[c.column.kind],
    n_ref: c.ref.rows - c.ref.missing,
    n_cur: c.cur.rows - c.cur.missing,
    missing_ref: c.ref.missing,
    missing_cur: c.cur.missing,
    new_categories: c.newCategories,
    ...(c.column.kind === 'categorical' && { new_category_share: c.newCategoryShare }),
    note: outcome.note,
    ...(outcome.approximate !== undefined && { approximate: outcome.approximate }),
    ...(outcome.bound && { bound: outcome.bound }),
  };
  const distribution = {
    method: method.name,
    statistic: outcome.statistic,
    p_value: outcome.pValue,
    threshold: c.threshold,
    drifted: testDrifted,
  };
  if (missingRise > MISSING_SHARE_RISE) {
    return {
      ...base,
      method: 'missing-share',
      statistic: missingRise,
      p_value: null,
      p_value_adjusted: null,
      threshold: MISSING_SHARE_RISE,
      drifted: true,
      distribution_test: distribution,
    };
  }
  // A category the reference never had is drift at any sample size, however small the distance.
  if (!testDrifted && c.newCategoryShare > 0 && c.newCategoryShare >= newCategoryLimit) {
    return {
      ...base,
      method: 'new-category-share',
      statistic: c.newCategoryShare,
      p_value: null,
      p_value_adjusted: null,
      threshold: newCategoryLimit,
      drifted: true,
      distribution_test: distribution,
    };
  }
  return {
    ...base,
    method: method.name,
    statistic: outcome.statistic,
    p_value: outcome.pValue,
    p_value_adjusted: adjusted,
    threshold: c.threshold,
    drifted: testDrifted,
  };
}

function summarize(
  headline: string,
  detected: boolean,
  compared: Compared[],
  entries: DriftEntry[],
  options: VerdictOptions,
  ref: Comparison['ref'],
  cur: Comparison['cur'],
  fromProfiles: boolean,
  overBudget?: Comparison['overBudget'],
): SummaryBlock[] {
  const corrected =
    options.correction === 'none'
      ? ''
      : `; p-values corrected with ${options.correction === 'bh' ? 'Benjamini–Hochberg' : 'Bonferroni'}`;
  const order = entries.map((_, i) => i).sort((a, b) => Number(entries[b].drifted) - Number(entries[a].drifted));
  const rows = order.map((i) => {
    const e = entries[i];
    const [r, c] = compared[i].sparklines;
    const p =
      e.p_value === null
        ? '—'
        : formatNumber(e.p_value) + (e.p_value_adjusted === null ? '' : ` (adj. ${formatNumber(e.p_value_adjusted)})`);
    const extra = e.new_categories.length > 0 ? ` · new: ${e.new_categories.slice(0, 5).join(', ')}` : '';
    const stat = e.approximate
      ? `≈ ${formatNumber(e.statistic)}${e.bound?.on === 'statistic' ? ` ± ${formatNumber(roundUp(e.bound.value))}` : ''}`
      : formatNumber(e.statistic);
    return [
      e.drifted ? '❌ drift' : '✅ ok',
      e.name,
      e.kind,
      e.method,
      stat,
      formatNumber(e.threshold),
      p,
      `${r} │ ${c}${extra}`,
    ];
  });
  return [
    { kind: 'heading', text: `${detected ? '❌' : '✅'} ${headline}` },
    {
      kind: 'table',
      header: ['Verdict', 'Column', 'Kind', 'Method', 'Statistic', 'Threshold', 'p-value', 'Reference │ Current'],
      rows,
    },
    {
      kind: 'text',
      text:
        `Reference: ${ref.file} (${ref.rows} rows); current: ${cur.file} (${cur.rows} rows). ` +
        `p-value tests drift when p < threshold, distances when distance ≥ threshold${corrected}.`,
    },
    ...(overBudget ? [{ kind: 'text' as const, text: overBudgetNote(overBudget) }] : []),
    ...(fromProfiles ? [{ kind: 'text' as const, text: PROFILE_NOTE }] : []),
  ];
}

/** Why two datasets were compared from profiles: the exact path's estimate against the budget. */
function overBudgetNote({ estimate, budget }: NonNullable<Comparison['overBudget']>): string {
  const [r, c] = estimate.sides.map((x) => `${x.exact ? '' : '≈ '}${x.rows} rows × ${x.columns} columns`);
  return (
    `The exact comparison would need about ${formatBytes(estimate.bytes)} of memory (reference ${r}, current ${c}), ` +
    `more than memory-budget ${budget.label} = ${formatBytes(budget.bytes)}: both datasets were profiled ` +
    '(streaming, constant memory) and compared from the profiles instead. Set memory-budget higher for the exact path.'
  );
}

const PROFILE_NOTE =
  'Compared from profiles. ≈ marks approximate results, from the quantile sketches (KLL) or heavy-hitter counts; ' +
  "± is the bound on the statistic (KS: sum of the two sketches' rank-error bounds, each holding with probability " +
  '≥ 99 %). The JSON report gives every bound. Counts, missing values, means and mean-shift are exact.';

/** A bound shown with 2 significant digits, rounded up so it stays a bound. */
function roundUp(x: number): number {
  if (!(x > 0)) return x;
  const scale = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.ceil(x / scale) * scale;
}
