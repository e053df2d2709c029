import { readTables } from '../data/readTables.js';
import type { Table } from '../data/types.js';
import { loadDriftConfig, type ColumnConfig } from '../drift/config.js';
import { runTest, type TestOutcome } from '../drift/column-test.js';
import { planColumns, type PlannedColumn } from '../drift/columns.js';
import { present, toSample, type Sample } from '../drift/samples.js';
import { sparklines } from '../drift/sparkline.js';
import { UserError } from '../errors.js';
import { formatNumber } from '../report/format.js';
import type { Annotation, StageResult, SummaryBlock } from '../report/result.js';
import type { DriftSettings } from '../settings.js';
import { benjaminiHochberg } from '../stats/benjamini-hochberg.js';
import { bonferroni } from '../stats/bonferroni.js';
import { autoMethod, DRIFT_TESTS, type DriftTestName } from '../stats/drift-tests.js';

/** A rise of the missing share by more than this (in share points) flags a column by itself. */
export const MISSING_SHARE_RISE = 0.1;
/** New categories listed per column in the report, at most. */
const MAX_NEW_CATEGORIES = 20;

/** One column of the JSON report. */
export interface DriftEntry {
  name: string;
  kind: 'numerical' | 'categorical';
  /** The test that decided: a registered test, or `missing-share` when missing values rose. */
  method: DriftTestName | 'missing-share';
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
  /** The distribution test, when `missing-share` decided. */
  distribution_test?: { method: DriftTestName; statistic: number; p_value: number | null; threshold: number; drifted: boolean };
  note?: string;
}

/** What is kept of a compared column: its samples (sorted copies) are dropped as soon as it is done. */
interface Compared {
  column: PlannedColumn;
  method: DriftTestName;
  threshold: number;
  outcome: TestOutcome;
  ref: SampleSummary;
  cur: SampleSummary;
  newCategories: string[];
  sparklines: [string, string];
}

interface SampleSummary {
  rows: number;
  missing: number;
}

/** Compares reference and current data column by column; returns the verdict. Prints nothing. */
export async function runDrift(s: DriftSettings): Promise<StageResult> {
  const config = await loadDriftConfig(s.config);
  const format = s.dataFormat === 'auto' ? undefined : s.dataFormat;
  const [ref, cur] = await readTables([s.reference, s.current], { format, sortNumeric: true });
  const plan = planColumns(ref, cur, s);
  for (const name of config.keys()) {
    if (!plan.columns.some((c) => c.name === name)) {
      const at = config.get(name) as ColumnConfig;
      throw new UserError(`drift-config names column '${name}', which is not compared`, at.file, at.line);
    }
  }

  const compared = plan.columns.map((column) => compare(column, ref, cur, s, config.get(column.name)));
  const adjusted = adjustPValues(compared, s.correction);
  const entries = compared.map((c, i) => toEntry(c, adjusted[i]));
  const drifted = entries.filter((e) => e.drifted);
  const share = drifted.length / entries.length;
  const detected = share >= s.driftShare;
  const pct = (x: number) => `${formatNumber(Math.round(x * 1000) / 10)} %`;
  const headline = `${drifted.length} of ${entries.length} columns drifted (${pct(share)}) — dataset drift: ${detected ? 'yes' : 'no'} (threshold ${pct(s.driftShare)})`;

  const annotations: Annotation[] = plan.skipped.map((k) => ({
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
    },
    summary: summarize(headline, detected, compared, entries, s, ref, cur),
    annotations,
    report: {
      stage: 'drift',
      drift_detected: detected,
      drift_share: share,
      drift_share_threshold: s.driftShare,
      drifted_columns: drifted.map((e) => e.name),
      correction: s.correction,
      reference: { file: ref.file, rows: ref.rowCount },
      current: { file: cur.file, rows: cur.rowCount },
      skipped_columns: plan.skipped,
      columns: entries,
    },
  };
}

function compare(column: PlannedColumn, ref: Table, cur: Table, s: DriftSettings, config: ColumnConfig | undefined): Compared {
  const refSample = toSample(column.ref, column.kind, ref.rowCount, ref.file);
  const curSample = toSample(column.cur, column.kind, cur.rowCount, cur.file);
  const distinct = distinctValues(refSample, curSample);
  const method =
    config?.method ?? (s.method !== 'auto' ? s.method : autoMethod({ kind: column.kind, referenceRows: present(refSample), distinctValues: distinct }));
  const test = DRIFT_TESTS[method];
  const fail = (msg: string): never => {
    throw new UserError(`column '${column.name}': ${msg}`, config?.method ? config.file : undefined, config?.method ? config.line : undefined);
  };
  if (!test.columnKinds.includes(column.kind)) {
    fail(`${method} applies to ${test.columnKinds.join(' or ')} columns; this one is ${column.kind} (set its kind with numerical-columns/categorical-columns, or choose another method)`);
  }
  if (method === 'z' && distinct > 2) fail(`the z-test needs a binary column; this one has ${distinct} distinct values`);
  const threshold = config?.threshold ?? s.threshold ?? test.defaultThreshold;
  return {
    column,
    method,
    threshold,
    outcome: runTest(method, refSample, curSample),
    ref: { rows: refSample.rows, missing: refSample.missing },
    cur: { rows: curSample.rows, missing: curSample.missing },
    newCategories: newCategories(refSample, curSample),
    sparklines: sparklines(refSample, curSample),
  };
}

/** Distinct values over both samples together, as Evidently counts them for its choice of test. */
function distinctValues(ref: Sample, cur: Sample): number {
  if (ref.kind === 'categorical' && cur.kind === 'categorical') return new Set([...ref.counts.keys(), ...cur.counts.keys()]).size;
  if (ref.kind !== 'numerical' || cur.kind !== 'numerical') return 0;
  // Merge of two sorted arrays, stopping once past the largest count that matters (> 5).
  let i = 0;
  let j = 0;
  let k = 0;
  let last = NaN;
  while ((i < ref.sorted.length || j < cur.sorted.length) && k <= 6) {
    const v = j >= cur.sorted.length || (i < ref.sorted.length && ref.sorted[i] <= cur.sorted[j]) ? ref.sorted[i++] : cur.sorted[j++];
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

function toEntry(c: Compared, adjusted: number | null): DriftEntry {
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
    note: c.outcome.note,
  };
  const distribution = { method: c.method, statistic: c.outcome.statistic, p_value: c.outcome.pValue, threshold: c.threshold, drifted: testDrifted };
  if (missingRise > MISSING_SHARE_RISE) {
    return { ...base, method: 'missing-share', statistic: missingRise, p_value: null, p_value_adjusted: null, threshold: MISSING_SHARE_RISE, drifted: true, distribution_test: distribution };
  }
  return { ...base, method: c.method, statistic: c.outcome.statistic, p_value: c.outcome.pValue, p_value_adjusted: adjusted, threshold: c.threshold, drifted: testDrifted };
}

function newCategories(ref: Sample, cur: Sample): string[] {
  if (ref.kind !== 'categorical' || cur.kind !== 'categorical') return [];
  return [...cur.counts.keys()].filter((k) => !ref.counts.has(k)).sort().slice(0, MAX_NEW_CATEGORIES);
}

function summarize(
  headline: string,
  detected: boolean,
  compared: Compared[],
  entries: DriftEntry[],
  s: DriftSettings,
  ref: Table,
  cur: Table,
): SummaryBlock[] {
  const order = entries.map((_, i) => i).sort((a, b) => Number(entries[b].drifted) - Number(entries[a].drifted));
  const rows = order.map((i) => {
    const e = entries[i];
    const [r, c] = compared[i].sparklines;
    const p = e.p_value === null ? '—' : formatNumber(e.p_value) + (e.p_value_adjusted === null ? '' : ` (adj. ${formatNumber(e.p_value_adjusted)})`);
    const extra = e.new_categories.length > 0 ? ` · new: ${e.new_categories.slice(0, 5).join(', ')}` : '';
    return [e.drifted ? '❌ drift' : '✅ ok', e.name, e.kind, e.method, formatNumber(e.statistic), formatNumber(e.threshold), p, `${r} │ ${c}${extra}`];
  });
  return [
    { kind: 'heading', text: `${detected ? '❌' : '✅'} ${headline}` },
    { kind: 'table', header: ['Verdict', 'Column', 'Kind', 'Method', 'Statistic', 'Threshold', 'p-value', 'Reference │ Current'], rows },
    {
      kind: 'text',
      text: `Reference: ${ref.file} (${ref.rowCount} rows); current: ${cur.file} (${cur.rowCount} rows). p-value tests drift when p < threshold, distances when distance ≥ threshold${s.correction === 'none' ? '' : `; p-values corrected with ${s.correction === 'bh' ? 'Benjamini–Hochberg' : 'Bonferroni'}`}.`,
    },
  ];
}
