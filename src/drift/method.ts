/**
 * What a drift method is, in the manner of Evidently's `StatTest` (name, display name, allowed
 * column kinds, default threshold) with one implementation per representation, as Evidently has
 * one per engine: on samples (both tables read whole: the exact path) and on summaries (both
 * sides given as profiles: the sketch path). Each method is one file in methods/; registry.ts
 * lists them.
 */
import type { ColumnSummary } from '../profile/profile.js';
import type { Sample } from './samples.js';

/**
 * How a column is compared: as numbers or as categories. Code says `numeric`, as src/data and the
 * profile format do; inputs (`numerical-columns`), messages and the report say "numerical" (KIND_WORDS).
 */
export type ColumnKind = 'numeric' | 'categorical';

/** The words for a kind in messages, the summary and the report. */
export const KIND_WORDS: Readonly<Record<ColumnKind, 'numerical' | 'categorical'>> = {
  numeric: 'numerical',
  categorical: 'categorical',
};

export interface TestOutcome {
  /** The test statistic (D, χ², z) for p-value tests; the distance otherwise. */
  statistic: number;
  /** Null for distances. */
  pValue: number | null;
  /** How the value was computed, when it matters to read it (KS exact/asymp, mean-shift denominator). */
  note?: string;
}

/** How far a result computed from summaries can be from the one on samples. */
export interface Bound {
  /**
   * statistic: |value − exact| ≤ bound (KS D; normed Wasserstein).
   * bin-share: each bin's share of a side within bound of the exact share (PSI, Jensen–Shannon).
   * category-count: each category count at most bound (as a share of its side) below the exact one.
   */
  on: 'statistic' | 'bin-share' | 'category-count';
  value: number;
  /** Probability that the bound holds (the sketches are randomised); 1 for deterministic bounds. */
  confidence: number;
}

/** A result computed from summaries: whether it is approximate, and how far off it can be. */
export interface SummaryOutcome extends TestOutcome {
  approximate: boolean;
  bound?: Bound;
}

/** What the choice of a method reads of a column, on either path. */
export interface ColumnFacts {
  name: string;
  kind: ColumnKind;
  /** Non-missing reference values. */
  referenceRows: number;
  /** Distinct values over both sides together (exact up to what the choice needs: > 20 is "many"). */
  distinctValues: number;
}

/** A column as the summaries' implementation needs it: the summaries alone do not say the kind compared. */
export interface SummaryColumn {
  name: string;
  kind: ColumnKind;
}

/**
 * What a method file declares. Every method file opens with these fields in this order, as
 * Evidently's `StatTest(...)` declarations do; `duplicates` pairs those openings by shape
 * (boilerplate), kept on purpose: a method reads top to bottom on its own.
 */
export interface MethodSpec<Name extends string> {
  /** As given in `drift-method` and `drift-config`, and reported. */
  readonly name: Name;
  readonly displayName: string;
  readonly columnKinds: readonly ColumnKind[];
  /** p-value level for p-value methods, distance level otherwise (Evidently's defaults). */
  readonly defaultThreshold: number;
  /** True: the decisive value is a p-value (small = drift); false: a distance (large = drift). */
  readonly yieldsPValue: boolean;
  /** Why the method cannot test this column (kinds are checked before), or undefined when it can. */
  readonly refuse?: (column: ColumnFacts) => string | undefined;
  /** Both samples are of one kind, the column's (toSample converts). */
  readonly onSamples: (ref: Sample, cur: Sample) => TestOutcome;
  readonly onSummaries: (ref: ColumnSummary, cur: ColumnSummary, column: SummaryColumn) => SummaryOutcome;
}

export interface DriftMethod<Name extends string = string> extends MethodSpec<Name> {
  /** p-value methods: value < threshold; distances: value ≥ threshold. */
  readonly drifted: (value: number, threshold: number) => boolean;
}

/**
 * A method from its spec, with the decision rule its kind of value implies.
 * @example export const ks = defineMethod({ name: 'ks', yieldsPValue: true, … });
 */
export function defineMethod<const Name extends string>(spec: MethodSpec<Name>): DriftMethod<Name> {
  return { ...spec, drifted: spec.yieldsPValue ? pValueRule : distanceRule };
}

const pValueRule = (value: number, threshold: number): boolean => value < threshold;
const distanceRule = (value: number, threshold: number): boolean => value >= threshold;
