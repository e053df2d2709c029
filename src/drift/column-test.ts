/**
 * One column's comparison, on either path: the pair of sides (samples or summaries), the one
 * dispatch to a method's implementation, and what the verdict keeps of the column.
 */
import type { Column, Table } from '../data/types.js';
import type { ColumnSummary } from '../profile/profile.js';
import { pickMethod, type MethodDefaults } from './choose.js';
import type { ColumnConfig } from './config.js';
import type { Bound, ColumnFacts, ColumnKind, DriftMethod, SummaryOutcome, TestOutcome } from './method.js';
import type { PlannedColumn } from './plan.js';
import type { DriftMethodName } from './registry.js';
import * as samples from './samples.js';
import { sparklines, summarySparklines } from './sparkline.js';
import * as summaries from './summaries.js';

/** New categories listed per column in the report, at most. */
export const MAX_NEW_CATEGORIES = 20;

/** A column's two sides as samples: both tables read whole (the exact path). */
export interface SamplePair {
  from: 'samples';
  name: string;
  kind: ColumnKind;
  ref: samples.Sample;
  cur: samples.Sample;
}

/** A column's two sides as profile summaries (the sketch path); `rows`: each profile's rows. */
export interface SummaryPair {
  from: 'summaries';
  name: string;
  kind: ColumnKind;
  ref: ColumnSummary;
  cur: ColumnSummary;
  rows: { ref: number; cur: number };
}

export type ColumnPair = SamplePair | SummaryPair;

/** The samples of a planned column (a UserError when a text column is listed as numerical). */
export function samplePair(column: PlannedColumn<Column>, ref: Table, cur: Table): SamplePair {
  return {
    from: 'samples',
    name: column.name,
    kind: column.kind,
    ref: samples.toSample(column.ref, column.kind, ref.rowCount, ref.file),
    cur: samples.toSample(column.cur, column.kind, cur.rowCount, cur.file),
  };
}

export function summaryPair(column: PlannedColumn<ColumnSummary>, rows: SummaryPair['rows']): SummaryPair {
  return { from: 'summaries', name: column.name, kind: column.kind, ref: column.ref, cur: column.cur, rows };
}

/** The one dispatch: the method's implementation for the pair's representation. */
export function runMethod(method: DriftMethod, pair: ColumnPair): TestOutcome | SummaryOutcome {
  return pair.from === 'samples' ? method.onSamples(pair.ref, pair.cur) : method.onSummaries(pair.ref, pair.cur, pair);
}

/** Rows of a side, missing included, and its missing values. */
export interface SideCounts {
  rows: number;
  missing: number;
}

/** What is kept of a compared column: its samples (sorted copies) are dropped as soon as it is done. */
export interface Compared {
  column: { name: string; kind: ColumnKind };
  method: DriftMethod<DriftMethodName>;
  threshold: number;
  /** From summaries: whether the value is approximate and its bound. */
  outcome: TestOutcome & { approximate?: boolean; bound?: Bound };
  ref: SideCounts;
  cur: SideCounts;
  newCategories: string[];
  /** Share of the current non-missing rows whose category the reference lacks (0 for numerical columns). */
  newCategoryShare: number;
  sparklines: [string, string];
}

/** Chooses the column's method (choose.ts), runs it, and keeps what the verdict and summary need. */
export function compareColumn(pair: ColumnPair, defaults: MethodDefaults, config: ColumnConfig | undefined): Compared {
  const { method, threshold } = pickMethod(facts(pair), defaults, config);
  const outcome = runMethod(method, pair);
  return { column: { name: pair.name, kind: pair.kind }, method, threshold, outcome, ...describe(pair) };
}

/** What the method choice reads of the pair. */
function facts(pair: ColumnPair): ColumnFacts {
  const { name, kind } = pair;
  return pair.from === 'samples'
    ? {
        name,
        kind,
        referenceRows: samples.present(pair.ref),
        distinctValues: samples.distinctValues(pair.ref, pair.cur),
      }
    : { name, kind, referenceRows: pair.ref.count, distinctValues: summaries.distinctValues(pair.ref, pair.cur) };
}

/** Counts, new categories and sparklines of the pair. */
function describe(
  pair: ColumnPair,
): Pick<Compared, 'ref' | 'cur' | 'newCategories' | 'newCategoryShare' | 'sparklines'> {
  if (pair.from === 'samples') {
    const { ref, cur } = pair;
    const fresh = samples.newCategories(ref, cur, MAX_NEW_CATEGORIES);
    return {
      ref: { rows: ref.rows, missing: ref.missing },
      cur: { rows: cur.rows, missing: cur.missing },
      newCategories: fresh.labels,
      newCategoryShare: fresh.share,
      sparklines: sparklines(ref, cur),
    };
  }
  const { ref, cur } = pair;
  const fresh =
    pair.kind === 'categorical' && ref.kind === 'categorical' && cur.kind === 'categorical'
      ? summaries.newCategories(ref, cur, MAX_NEW_CATEGORIES)
      : { labels: [], share: 0 };
  return {
    ref: { rows: pair.rows.ref, missing: ref.missing },
    cur: { rows: pair.rows.cur, missing: cur.missing },
    newCategories: fresh.labels,
    newCategoryShare: fresh.share,
    sparklines: summarySparklines(ref, cur),
  };
}
