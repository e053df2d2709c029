/** Pure two-sample statistics for the drift stage (no I/O). */
export { sortFloat64 } from './sort.js';
export { ks2samp, ksAsymptotic, ksStatistic, type Ks2sampResult } from './ks2samp.js';
export { kolmogorovSf, smirnovSf } from './kolmogorov.js';
export { chi2Homogeneity, type Chi2Result } from './chi2-homogeneity.js';
export { chiSquareSf } from './chi-square.js';
export { gammaQ, logGamma } from './gamma.js';
export { twoProportionZ, type ZTestResult } from './two-proportion-z.js';
export { normalSf, erfc } from './normal.js';
export { wassersteinDistance, wassersteinNormed } from './wasserstein.js';
export { energyDistance } from './energy-distance.js';
export { jensenShannonDistance } from './jensen-shannon.js';
export { totalVariation } from './total-variation.js';
export { psi, EMPTY_BIN_FLOOR } from './psi.js';
export { binEdges, histogram, alignedBins, countDistinct, type AlignedBins } from './histogram.js';
export { meanShift, type MeanShiftResult } from './mean-shift.js';
export { bonferroni } from './bonferroni.js';
export { benjaminiHochberg } from './benjamini-hochberg.js';
export { mannWhitneyU, type MannWhitneyResult } from './mann-whitney.js';
export { cramerVonMises, type CramerVonMisesResult } from './cramer-von-mises.js';
export { mean, standardDeviation } from './describe.js';
export {
  DRIFT_TESTS,
  getDriftTest,
  autoMethod,
  type DriftTest,
  type DriftTestName,
  type ColumnKind,
  type ColumnProfile,
} from './drift-tests.js';
