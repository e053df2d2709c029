import { UserError } from '../errors.js';
import { DRIFT_TESTS, type DriftTestName } from '../stats/drift-tests.js';
import type { CommonSettings } from './common.js';
import { readChoice, readList, readNumber, required, type InputReader } from './inputs.js';

export const DATA_FORMATS = ['auto', 'csv', 'tsv', 'jsonl', 'parquet'] as const;
export const CORRECTIONS = ['none', 'bonferroni', 'bh'] as const;
export const DRIFT_METHODS = ['auto', ...(Object.keys(DRIFT_TESTS) as DriftTestName[])] as const;

export interface DriftSettings extends CommonSettings {
  stage: 'drift';
  reference: string;
  current: string;
  dataFormat: (typeof DATA_FORMATS)[number];
  /** Columns to compare; empty: every column both sides share. */
  columns: string[];
  excludeColumns: string[];
  categoricalColumns: string[];
  numericalColumns: string[];
  method: 'auto' | DriftTestName;
  /** Overrides the method's default threshold (only with a single method). */
  threshold?: number;
  /** Inline YAML or a file path; '' for none. */
  config: string;
  /** Share of drifted columns at which the dataset drifts. */
  driftShare: number;
  correction: (typeof CORRECTIONS)[number];
}

export function readDriftSettings(input: InputReader, common: CommonSettings): DriftSettings {
  if (input('profile-out') || input('profile-shards')) {
    throw new UserError("inputs 'profile-out' and 'profile-shards' (reference profiles) are not yet available");
  }
  const method = readChoice(input, 'drift-method', DRIFT_METHODS, 'auto');
  const threshold = readNumber(input, 'drift-threshold', undefined, 0);
  if (threshold !== undefined && method === 'auto') {
    throw new UserError("input 'drift-threshold' needs one 'drift-method' for every column; with 'auto', set thresholds per column in 'drift-config'");
  }
  const categoricalColumns = readList(input, 'categorical-columns');
  const numericalColumns = readList(input, 'numerical-columns');
  const both = categoricalColumns.filter((c) => numericalColumns.includes(c));
  if (both.length > 0) throw new UserError(`columns listed as both categorical and numerical: ${both.join(', ')}`);
  return {
    ...common,
    stage: 'drift',
    reference: required(input, 'reference', 'drift'),
    current: required(input, 'current', 'drift'),
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
  };
}
