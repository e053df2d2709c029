/**
 * Registry of the column drift tests, in the style of Evidently's stattest registry
 * (`evidently/calculations/stattests/registry.py`): data plus pure decision rules. The drift
 * stage computes each test's value with the functions of this folder and asks `drifted`.
 *
 *   ks            ks2samp(...).pValue                       numerical
 *   chi2          chi2Homogeneity(...).pValue               categorical, or numerical values as categories
 *   z             twoProportionZ(...).pValue                binary (categorical or numerical)
 *   wasserstein   wassersteinNormed(...)                    numerical
 *   psi           psi(counts)                               both (binned, see `alignedBins`)
 *   jensenshannon jensenShannonDistance(counts) (natural log) both (binned)
 *   mean-shift    meanShift(...).value                      numerical
 */
export type ColumnKind = 'numerical' | 'categorical';

export type DriftTestName = 'ks' | 'chi2' | 'z' | 'wasserstein' | 'psi' | 'jensenshannon' | 'mean-shift';

export interface DriftTest {
  readonly name: DriftTestName;
  readonly displayName: string;
  readonly columnKinds: readonly ColumnKind[];
  /** p-value level for p-value tests, distance level otherwise (Evidently's defaults). */
  readonly defaultThreshold: number;
  /** True: the value is a p-value (small = drift); false: a distance (large = drift). */
  readonly yieldsPValue: boolean;
  /** p-value tests: value < threshold; distances: value >= threshold. */
  readonly drifted: (value: number, threshold: number) => boolean;
}

const pValueRule = (value: number, threshold: number): boolean => value < threshold;
const distanceRule = (value: number, threshold: number): boolean => value >= threshold;

export const DRIFT_TESTS: Readonly<Record<DriftTestName, DriftTest>> = {
  ks: {
    name: 'ks',
    displayName: 'K-S p-value',
    columnKinds: ['numerical'],
    defaultThreshold: 0.05,
    yieldsPValue: true,
    drifted: pValueRule,
  },
  chi2: {
    name: 'chi2',
    displayName: 'chi-square p-value',
    columnKinds: ['categorical', 'numerical'],
    defaultThreshold: 0.05,
    yieldsPValue: true,
    drifted: pValueRule,
  },
  z: {
    name: 'z',
    displayName: 'Z-test p-value',
    columnKinds: ['categorical', 'numerical'],
    defaultThreshold: 0.05,
    yieldsPValue: true,
    drifted: pValueRule,
  },
  wasserstein: {
    name: 'wasserstein',
    displayName: 'Wasserstein distance (normed)',
    columnKinds: ['numerical'],
    defaultThreshold: 0.1,
    yieldsPValue: false,
    drifted: distanceRule,
  },
  psi: {
    name: 'psi',
    displayName: 'PSI',
    columnKinds: ['categorical', 'numerical'],
    defaultThreshold: 0.1,
    yieldsPValue: false,
    drifted: distanceRule,
  },
  jensenshannon: {
    name: 'jensenshannon',
    displayName: 'Jensen-Shannon distance',
    columnKinds: ['categorical', 'numerical'],
    defaultThreshold: 0.1,
    yieldsPValue: false,
    drifted: distanceRule,
  },
  'mean-shift': {
    name: 'mean-shift',
    displayName: 'relative mean shift',
    columnKinds: ['numerical'],
    defaultThreshold: 0.1,
    yieldsPValue: false,
    drifted: distanceRule,
  },
};

/** The test registered under `name`, or undefined for an unknown name (e.g. from user config). */
export function getDriftTest(name: string): DriftTest | undefined {
  return Object.hasOwn(DRIFT_TESTS, name) ? DRIFT_TESTS[name as DriftTestName] : undefined;
}

export interface ColumnProfile {
  kind: ColumnKind;
  /** Rows of the reference sample (missing values excluded). */
  referenceRows: number;
  /** Distinct values over reference and current together. */
  distinctValues: number;
}

/**
 * Evidently's default test choice (`_get_default_stattest`):
 *  - reference <= 1000 rows: numerical with > 5 distinct values → ks; otherwise (numerical with
 *    <= 5 values, or categorical) → chi2 if > 2 distinct values, z if binary (or constant);
 *  - reference > 1000 rows: numerical with > 5 distinct values → wasserstein; otherwise
 *    jensenshannon.
 */
export function autoMethod(column: ColumnProfile): DriftTestName {
  const { kind, referenceRows, distinctValues } = column;
  const manyValues = kind === 'numerical' && distinctValues > 5;
  if (referenceRows <= 1000) {
    if (manyValues) return 'ks';
    return distinctValues > 2 ? 'chi2' : 'z';
  }
  return manyValues ? 'wasserstein' : 'jensenshannon';
}
