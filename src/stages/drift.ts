import { readTables } from '../data/readTables.js';
import type { Table } from '../data/types.js';
import { loadDriftConfig, type ColumnConfig } from '../drift/config.js';
import { runTest, type TestOutcome } from '../drift/column-test.js';
import { planColumns, type PlannedColumn } from '../drift/columns.js';
import { present, toSample, type ColumnKind, type Sample } from '../drift/samples.js';
import { sparklines } from '../drift/sparkline.js';
import { UserError } from '../errors.js';
import { formatNumber } from '../report/format.js';
import type { Annotation, StageResult, SummaryBlock } from '../report/result.js';
import type { DriftSettings } from '../settings.js';
import { benjaminiHochberg } from '../stats/benjamini-hochberg.js';
import { bonferroni } from '../stats/bonferroni.js';
import { autoMethod, DRIFT_TESTS, type DriftTestName } from '../stats/drift-tests.js';
import type { Bound } from '../profile/compare.js';

/** A rise of the missing share by more than this (in share points) flags a column by itself. */
export const MISSING_SHARE_RISE = 0.1;
/** New categories listed per column in the report, at most (exported for the profile path). */
const MAX_NEW_CATEGORIES = 20;

/** One column of the JSON report. */
export interface DriftEntry {
  name: string;
  kind: 'numerical' | 'categorical';
  /**
   * The test that decided: a registered test; `missing-share` when missing values rose;
   * `new-category-share` when categories the reference lacks make up at least that share of the
   * current rows and the test alone did not flag the column.
   */
  method: DriftTestName | 'missing-share' | 'new-category-share';
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
    method: DriftTestName;
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

/** What is kept of a compared column: its samples (sorted copies) are dropped as soon as it is done. */
export interface Compared {
  column: { name: string; kind: ColumnKind };
  method: DriftTestName;
  threshold: number;
  outcome: TestOutcome;
  ref: SampleSummary;
  cur: SampleSummary;
  newCategories: string[];
  /** Share of the current non-missing rows whose category the reference lacks. */
  newCategoryShare: number;
  sparklines: [string, string];
  /** Set on the profile path. */
  approximate?: boolean;
  bound?: Bound;
}

/** What the verdict needs of either path: the compared columns and where they came from. */
export interface Comparison {
  compared: Compared[];
  skipped: { name: string; onlyIn: string }[];
  ref: { file: string; rows: number };
  cur: { file: string; rows: number };
  /** Compared from profiles (profile.ts) rather than from the data. */
  fromProfiles: boolean;
  /** Outputs besides the verdict's (`profile`: the merged shards). */
  outputs?: Record<string, string>;
}

interface SampleSummary {
  rows: number;
  missing: number;
}

/**
 * Compares reference and current data column by column; returns the verdict. Prints nothing.
 * With `profile-out`, writes a profile instead (src/profile/). When either side is a profile (or
 * the current side is `profile-shards`), both sides are compared as profiles; otherwise the exact
 * path reads both tables.
 */
export async function runDrift(s: DriftSettings): Promise<StageResult> {
  const profiles = await import('../profile/stage.js');
  if (s.profileOut) return profiles.writeProfileStage(s);
  const config = await loadDriftConfig(s.config);
  const comparison = profiles.usesProfiles(s)
    ? await profiles.compareFromProfiles(
        s,
        (columns) => checkConfig(config, columns),
        (c) => pickMethod(c, s, config.get(c.name)),
      )
    : await compareTables(s, config);
  return verdict(s, comparison);
}

/** The exact path: both tables read, every column's samples compared. */
async function compareTables(s: DriftSettings, config: Map<string, ColumnConfig>): Promise<Comparison> {
  const format = s.dataFormat === 'auto' ? undefined : s.dataFormat;
  const [ref, cur] = await readTables([s.reference, s.current], { format, sortNumeric: true });
  const plan = planColumns(ref, cur, s);
  checkConfig(
    config,
    plan.columns.map((c) => c.name),
  );
  const compared = plan.columns.map((column) => compare(column, ref, cur, s, config.get(column.name)));
  return {
    compared,
    skipped: plan.skipped,
    ref: { file: ref.file, rows: ref.rowCount },
    cur: { file: cur.file, rows: cur.rowCount },
    fromProfiles: false,
  };
}

function checkConfig(config: Map<string, ColumnConfig>, columns: string[]): void {
  for (const name of config.keys()) {
    if (!columns.includes(name)) {
      const at = config.get(name) as ColumnConfig;
      throw new UserError(`drift-config names column '${name}', which is not compared`, at.file, at.line);
    }
  }
}

/** What the method choice needs to know of a column, on either path. */
export interface MethodChoice {
  name: string;
  kind: ColumnKind;
  referenceRows: number;
  /** Distinct values over both sides (exact up to what matters: > 5). */
  distinct: number;
}

/** The column's test and threshold: drift-config, else drift-method, else Evidently's auto choice. */
export function pickMethod(
  c: MethodChoice,
  s: DriftSettings,
  config: ColumnConfig | undefined,
): { method: DriftTestName; threshold: number } {
  const method =
    config?.method ??
    (s.method !== 'auto'
      ? s.method
      : autoMethod({ kind: c.kind, referenceRows: c.referenceRows, distinctValues: c.distinct }));
  const test = DRIFT_TESTS[method];
  const fail = (msg: string): never => {
    throw new UserError(
      `column '${c.name}': ${msg}`,
      config?.method ? config.file : undefined,
      config?.method ? config.line : undefined,
    );
  };
  if (!test.columnKinds.includes(c.kind)) {
    fail(
      `${method} applies to ${test.columnKinds.join(' or ')} columns; this one is ${c.kind} (set its kind with numerical-columns/categorical-columns, or choose another method)`,
    );
  }
  if (method === 'z' && c.distinct > 2)
    fail(
      `the z-test needs a binary column; this one has ${c.distinct > 20 ? 'more than 20' : c.distinct} distinct values`,
    );
  return { method, threshold: config?.threshold ?? s.threshold ?? test.defaultThreshold };
}

function verdict(s: DriftSettings, { compared, skipped, ref, cur, fromProfiles, outputs }: Comparison): StageResult {
  const adjusted = adjustPValues(compared, s.correction);
  const entries = compared.map((c, i) => toEntry(c, adjusted[i], s.newCategoryShare));
  const drifted = entries.filter((e) => e.drifted);
  const share = drifted.length / entries.length;
  const detected = share >= s.driftShare;
  const pct = (x: number) => `${formatNumber(Math.round(x * 1000) / 10)} %`;
  const headline = `${drifted.length} of ${entries.length} columns drifted (${pct(share)}) — dataset drift: ${detected ? 'yes' : 'no'} (threshold ${pct(s.driftShare)})`;

  const annotations: Annotation[] = skipped.map((k) => ({
    level: 'warning',
    title: 'Drift: column skipped',
    message: `column '${k.name}' is only in ${k.onlyIn}; it was not compared`,
  }));
  if (detected) {
    annotations.push({
      level: 'error',
      title: 'Dataset drift',
      message: `${headline}: ${drifted.map((e) => e.name).join(', ')}`,
    });
  }

  return {
    stage: 'drift',
    ok: !detected,
    headline,
    outputs: {
      'drift-detected': String(detected),
      'drifted-columns': JSON.stringify(drifted.map((e) => e.name)),
      'drift-share': String(share),
      ...outputs,
    },
    summary: summarize(headline, detected, compared, entries, s, ref, cur, fromProfiles),
    annotations,
    report: {
      stage: 'drift',
      drift_detected: detected,
      drift_share: share,
      drift_share_threshold: s.driftShare,
      drifted_columns: drifted.map((e) => e.name),
      correction: s.correction,
      reference: ref,
      current: cur,
      ...(fromProfiles && {
        from_profiles: true,
        approximate_columns: entries.filter((e) => e.approximate).map((e) => e.name),
      }),
      skipped_columns: skipped,
      columns: entries,
    },
  };
}

function compare(
  column: PlannedColumn,
  ref: Table,
  cur: Table,
  s: DriftSettings,
  config: ColumnConfig | undefined,
): Compared {
  const refSample = toSample(column.ref, column.kind, ref.rowCount, ref.file);
  const curSample = toSample(column.cur, column.kind, cur.rowCount, cur.file);
  const distinct = distinctValues(refSample, curSample);
  const { method, threshold } = pickMethod(
    { name: column.name, kind: column.kind, referenceRows: present(refSample), distinct },
    s,
    config,
  );
  return {
    column,
    method,
    threshold,
    outcome: runTest(method, refSample, curSample),
    ref: { rows: refSample.rows, missing: refSample.missing },
    cur: { rows: curSample.rows, missing: curSample.missing },
    newCategories: newCategories(refSample, curSample),
    newCategoryShare: newCategoryShare(refSample, curSample),
    sparklines: sparklines(refSample, curSample),
  };
}

/** Distinct values over both samples together, as Evidently counts them for its choice of test. */
function distinctValues(ref: Sample, cur: Sample): number {
  if (ref.kind === 'categorical' && cur.kind === 'categorical')
    return new Set([...ref.counts.keys(), ...cur.counts.keys()]).size;
  if (ref.kind !== 'numerical' || cur.kind !== 'numerical') return 0;
  // Merge of two sorted arrays, stopping once past the largest count that matters (> 5).
  let i = 0;
  let j = 0;
  let k = 0;
  let last = NaN;
  while ((i < ref.sorted.length || j < cur.sorted.length) && k <= 6) {
    const v =
      j >= cur.sorted.length || (i < ref.sorted.length && ref.sorted[i] <= cur.sorted[j])
        ? ref.sorted[i++]
        : cur.sorted[j++];
    if (v !== last) k++;
    last = v;
  }
  return k;
}

/** Adjusted p-values of the p-value tests (null for distances), under the chosen correction. */
function adjustPValues(compared: Compared[], correction: DriftSettings['correction']): (number | null)[] {
  const idx = compared.flatMap((c, i) => (c.outcome.pValue === null ? [] : [i]));
  const out: (number | null)[] = compared.map(() => null);
  if (correction === 'none' || idx.length === 0) return out;
  const p = idx.map((i) => compared[i].outcome.pValue as number);
  const adj = correction === 'bonferroni' ? bonferroni(p) : benjaminiHochberg(p);
  idx.forEach((i, k) => (out[i] = adj[k]));
  return out;
}

function toEntry(c: Compared, adjusted: number | null, newCategoryLimit: number): DriftEntry {
  const test = DRIFT_TESTS[c.method];
  const decisive = test.yieldsPValue ? (adjusted ?? (c.outcome.pValue as number)) : c.outcome.statistic;
  const testDrifted = test.drifted(decisive, c.threshold);
  const missingRise = c.cur.missing / c.cur.rows - c.ref.missing / c.ref.rows;
  const base = {
    name: c.column.name,
    kind: c.column.kind,
    n_ref: c.ref.rows - c.ref.missing,
    n_cur: c.cur.rows - c.cur.missing,
    missing_ref: c.ref.missing,
    missing_cur: c.cur.missing,
    new_categories: c.newCategories,
    ...(c.column.kind === 'categorical' && { new_category_share: c.newCategoryShare }),
    note: c.outcome.note,
    ...(c.approximate !== undefined && { approximate: c.approximate }),
    ...(c.bound && { bound: c.bound }),
  };
  const distribution = {
    method: c.method,
    statistic: c.outcome.statistic,
    p_value: c.outcome.pValue,
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
    method: c.method,
    statistic: c.outcome.statistic,
    p_value: c.outcome.pValue,
    p_value_adjusted: adjusted,
    threshold: c.threshold,
    drifted: testDrifted,
  };
}

/** Share of the current non-missing rows whose category the reference lacks (0 for numerical columns). */
function newCategoryShare(ref: Sample, cur: Sample): number {
  if (ref.kind !== 'categorical' || cur.kind !== 'categorical') return 0;
  let fresh = 0;
  let all = 0;
  for (const [k, n] of cur.counts) {
    all += n;
    if (!ref.counts.has(k)) fresh += n;
  }
  return all > 0 ? fresh / all : 0;
}

function newCategories(ref: Sample, cur: Sample): string[] {
  if (ref.kind !== 'categorical' || cur.kind !== 'categorical') return [];
  return [...cur.counts.keys()]
    .filter((k) => !ref.counts.has(k))
    .sort()
    .slice(0, MAX_NEW_CATEGORIES);
}

function summarize(
  headline: string,
  detected: boolean,
  compared: Compared[],
  entries: DriftEntry[],
  s: DriftSettings,
  ref: Comparison['ref'],
  cur: Comparison['cur'],
  fromProfiles: boolean,
): SummaryBlock[] {
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
      text: `Reference: ${ref.file} (${ref.rows} rows); current: ${cur.file} (${cur.rows} rows). p-value tests drift when p < threshold, distances when distance ≥ threshold${s.correction === 'none' ? '' : `; p-values corrected with ${s.correction === 'bh' ? 'Benjamini–Hochberg' : 'Bonferroni'}`}.`,
    },
    ...(fromProfiles ? [{ kind: 'text' as const, text: PROFILE_NOTE }] : []),
  ];
}

const PROFILE_NOTE =
  'Compared from profiles. ≈ marks approximate results, from the quantile sketches (KLL) or heavy-hitter counts; ± is the bound on the statistic ' +
  "(KS: sum of the two sketches' rank-error bounds, each holding with probability ≥ 99 %). The JSON report gives every bound. Counts, missing values, means and mean-shift are exact.";

/** A bound shown with 2 significant digits, rounded up so it stays a bound. */
function roundUp(x: number): number {
  if (!(x > 0)) return x;
  const scale = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.ceil(x / scale) * scale;
}
