/** The method and threshold of each column: drift-config, else drift-method, else Evidently's choice. */
import { UserError } from '../errors.js';
import type { ColumnConfig } from './config.js';
import { KIND_WORDS, type ColumnFacts, type DriftMethod } from './method.js';
import { getMethod, type DriftMethodName } from './registry.js';

/** The stage-wide choice (`drift-method`, `drift-threshold`). */
export interface MethodDefaults {
  method: 'auto' | DriftMethodName;
  /** Overrides the method's default threshold (only with a single method). */
  threshold?: number;
}

/**
 * Evidently's default test choice (`_get_default_stattest`):
 *  - reference ≤ 1000 rows: numeric with > 5 distinct values → ks; otherwise (numeric with ≤ 5
 *    values, or categorical) → chi2 if > 2 distinct values, z if binary (or constant);
 *  - reference > 1000 rows: numeric with > 5 distinct values → wasserstein; otherwise
 *    jensenshannon.
 * @example autoMethod({ kind: 'numeric', referenceRows: 500, distinctValues: 40 }) // 'ks'
 */
export function autoMethod(column: Omit<ColumnFacts, 'name'>): DriftMethodName {
  const { kind, referenceRows, distinctValues } = column;
  const manyValues = kind === 'numeric' && distinctValues > 5;
  if (referenceRows <= 1000) {
    if (manyValues) return 'ks';
    return distinctValues > 2 ? 'chi2' : 'z';
  }
  return manyValues ? 'wasserstein' : 'jensenshannon';
}

/**
 * The column's method and threshold. A method that cannot test the column (another kind, or its
 * own `refuse`) is a UserError, located at the drift-config line that chose it, if one did.
 */
export function pickMethod(
  column: ColumnFacts,
  defaults: MethodDefaults,
  config: ColumnConfig | undefined,
): { method: DriftMethod<DriftMethodName>; threshold: number } {
  const name = config?.method ?? (defaults.method !== 'auto' ? defaults.method : autoMethod(column));
  const method = getMethod(name);
  const fail = (msg: string): never => {
    throw new UserError(
      `column '${column.name}': ${msg}`,
      config?.method ? config.file : undefined,
      config?.method ? config.line : undefined,
    );
  };
  if (!method.columnKinds.includes(column.kind)) {
    const kinds = method.columnKinds.map((k) => KIND_WORDS[k]).join(' or ');
    fail(
      `${name} applies to ${kinds} columns; this one is ${KIND_WORDS[column.kind]} ` +
        '(set its kind with numerical-columns/categorical-columns, or choose another method)',
    );
  }
  const refused = method.refuse?.(column);
  if (refused !== undefined) fail(refused);
  return { method, threshold: config?.threshold ?? defaults.threshold ?? method.defaultThreshold };
}
