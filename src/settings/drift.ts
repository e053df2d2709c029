import { UserError } from '../errors.js';
import { METHOD_NAMES, type DriftMethodName } from '../drift/registry.js';
import type { CommonSettings } from './common.js';
import { readChoice, readList, readNumber, required, type InputReader } from './inputs.js';

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
  correction: (typeof CORRECTIONS)[number];
  /** Write a profile here instead of comparing; '' to compare. */
  profileOut: string;
  /** Profiles to merge (paths one per line, or globs), unresolved; '' for none. */
  profileShards: string;
}

export function readDriftSettings(input: InputReader, common: CommonSettings): DriftSettings {
  const method = readChoice(input, 'drift-method', DRIFT_METHODS, 'auto');
  const threshold = readNumber(input, 'drift-threshold', undefined, 0);
  if (threshold !== undefined && method === 'auto') {
    throw new UserError(
      "input 'drift-threshold' needs one 'drift-method' for every column; with 'auto', set thresholds per column in 'drift-config'",
    );
  }
  const categoricalColumns = readList(input, 'categorical-columns');
  const numericalColumns = readList(input, 'numerical-columns');
  const both = categoricalColumns.filter((c) => numericalColumns.includes(c));
  if (both.length > 0) throw new UserError(`columns listed as both categorical and numerical: ${both.join(', ')}`);
  const profileOut = input('profile-out');
  const profileShards = input('profile-shards');
  let reference = input('reference');
  let current = input('current');
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
    reference = required(input, 'reference', 'drift');
    if (profileShards && current)
      throw new UserError("give the current data as 'current' or as 'profile-shards', not both");
    if (!profileShards) current = required(input, 'current', 'drift');
  }
  return {
    ...common,
    stage: 'drift',
    reference,
    current,
    dataFormat: readChoice(input, 'data-format', DATA_FORMATS, 'auto'),
    columns: readList(input, 'columns'),
    excludeColumns: readList(input, 'exclude-columns'),
    categoricalColumns,
    numericalColumns,
    method,
    threshold,
    config: input('drift-config'),
    driftShare: readNumber(input, 'drift-share', 0.5, 0, 1) as number,
    correction: readChoice(input, 'correction', CORRECTIONS, 'none'),
    profileOut,
    profileShards,
  };
}
