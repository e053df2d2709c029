import { Inputs } from '../constants.js';
import { UserError } from '../errors.js';
import { getMethod, METHOD_NAMES, type DriftMethodName } from '../drift/registry.js';
import type { CommonSettings } from './common.js';
import { readChoice, readList, readNumber, required, type InputReader } from './inputs.js';
import { readMemoryBudget } from './memory-budget.js';
import type { MemoryBudget } from '../drift/memory.js';

export const DATA_FORMATS = ['auto', 'csv', 'tsv', 'jsonl', 'parquet'] as const;
export const CORRECTIONS = ['none', 'bonferroni', 'bh'] as const;
export const DRIFT_METHODS = ['auto', ...METHOD_NAMES] as const;

export interface DriftSettings extends CommonSettings {
  stage: 'drift';
  /** A dataset or a profile (`.json`); '' only when writing a profile of `current`/shards. */
  reference: string;
  /** A dataset or a profile; '' when `profileShards` stand for the current data. */
  current: string;
  dataFormat: (typeof DATA_FORMATS)[number];
  /** Columns to compare; empty: every column both sides share. */
  columns: string[];
  excludeColumns: string[];
  categoricalColumns: string[];
  numericalColumns: string[];
  method: 'auto' | DriftMethodName;
  /** Overrides the method's default threshold (only with a single method). */
  threshold?: number;
  /** Inline YAML or a file path; '' for none. */
  config: string;
  /** Share of drifted columns at which the dataset drifts. */
  driftShare: number;
  /** A categorical column drifts when categories the reference lacks make up at least this share of the current rows. */
  newCategoryShare: number;
  correction: (typeof CORRECTIONS)[number];
  /** Write a profile here instead of comparing; '' to compare. */
  profileOut: string;
  /** Profiles to merge (paths one per line, or globs), unresolved; '' for none. */
  profileShards: string;
  /** Above this estimate of the exact path's memory, two datasets are compared from profiles. */
  memoryBudget: MemoryBudget;
}

/** Largest Jensen-Shannon distance with the natural log, √(ln 2) (src/stats/jensen-shannon.ts). */
const MAX_JENSEN_SHANNON = Math.sqrt(Math.LN2);

export function readDriftSettings(input: InputReader, common: CommonSettings): DriftSettings {
  const method = readChoice(input, Inputs.DriftMethod, DRIFT_METHODS, 'auto');
  const threshold = readNumber(input, Inputs.DriftThreshold, undefined, 0);
  if (threshold !== undefined && method === 'auto') {
    throw new UserError(
      "input 'drift-threshold' needs one 'drift-method' for every column; with 'auto', set thresholds per column in 'drift-config'",
    );
  }
  if (threshold !== undefined && method !== 'auto') checkThreshold(method, threshold);
  const categoricalColumns = readList(input, Inputs.CategoricalColumns);
  const numericalColumns = readList(input, Inputs.NumericalColumns);
  const both = categoricalColumns.filter((c) => numericalColumns.includes(c));
  if (both.length > 0) throw new UserError(`columns listed as both categorical and numerical: ${both.join(', ')}`);
  const profileOut = input(Inputs.ProfileOut);
  const profileShards = input(Inputs.ProfileShards);
  let reference = input(Inputs.Reference);
  let current = input(Inputs.Current);
  if (profileOut) {
    if (reference && current) {
      throw new UserError("with 'profile-out', give the one dataset to profile: 'current' or 'reference', not both");
    }
    if (!reference && !current && !profileShards) {
      throw new UserError(
        "input 'profile-out' needs data to profile: 'current' (or 'reference'), and/or 'profile-shards' to merge",
      );
    }
  } else {
    reference = required(input, Inputs.Reference, 'drift');
    if (profileShards && current)
      throw new UserError("give the current data as 'current' or as 'profile-shards', not both");
    if (!profileShards) current = required(input, Inputs.Current, 'drift');
  }
  return {
    ...common,
    stage: 'drift',
    reference,
    current,
    dataFormat: readChoice(input, Inputs.DataFormat, DATA_FORMATS, 'auto'),
    columns: readList(input, Inputs.Columns),
    excludeColumns: readList(input, Inputs.ExcludeColumns),
    categoricalColumns,
    numericalColumns,
    method,
    threshold,
    config: input(Inputs.DriftConfig),
    driftShare: readDriftShare(input),
    newCategoryShare: readNewCategoryShare(input),
    correction: readChoice(input, Inputs.Correction, CORRECTIONS, 'none'),
    profileOut,
    profileShards,
    memoryBudget: readMemoryBudget(input),
  };
}

/**
 * `drift-share` in (0, 1]: the dataset drifts when the share of drifted columns reaches it, so 0
 * would declare drift with no drifted column.
 */
function readDriftShare(input: InputReader): number {
  const share = readNumber(input, Inputs.DriftShare, 0.5, 0, 1) as number;
  if (share === 0)
    throw new UserError(
      "input 'drift-share' must be above 0 (at most 1): with 0 the dataset drifts even when no column drifts",
    );
  return share;
}

/**
 * `new-category-share` in (0, 1] (default 0.01): 0 would flag a single new row among millions;
 * 1 flags only a column whose every current value is new.
 */
function readNewCategoryShare(input: InputReader): number {
  const share = readNumber(input, Inputs.NewCategoryShare, 0.01, 0, 1) as number;
  if (share === 0) {
    throw new UserError(
      "input 'new-category-share' must be above 0 (at most 1): with 0 a single unseen value anywhere drifts its column",
    );
  }
  return share;
}

/**
 * A threshold the chosen test can cross both ways: a p-value level in (0, 1) (at 0 no column
 * ever drifts, at 1 or above nearly every column does), a distance above 0 (every distance is
 * ≥ 0) and, for Jensen-Shannon, below its maximum.
 */
function checkThreshold(method: DriftMethodName, threshold: number): void {
  const test = getMethod(method);
  const why = test.yieldsPValue
    ? !(threshold > 0 && threshold < 1) &&
      `a p-value level must be above 0 and below 1 (${
        threshold === 0 ? 'with 0 no column can drift' : 'with 1 or more nearly every column drifts'
      })`
    : threshold === 0
      ? 'a distance threshold must be above 0 (every distance is at least 0, so every column would drift)'
      : method === 'jensenshannon' &&
        threshold > MAX_JENSEN_SHANNON &&
        `the Jensen-Shannon distance is at most √(ln 2) ≈ ${MAX_JENSEN_SHANNON.toFixed(4)}, so no column could drift`;
  if (why) throw new UserError(`input 'drift-threshold' ${threshold} does not suit '${method}': ${why}`);
}
