// What scripts/bench/noise.mjs needs from the TypeScript sources, bundled by ncc into a temporary
// folder when the benchmark runs (the action's dist/ does not export library functions).
export { comparePredictions } from '../../src/noise/predictions.js';
export { differenceVerdict } from '../../src/noise/verdict.js';
export { pairPredictions, readPredictionPair } from '../../src/predictions/pair.js';
export { mcnemarExact } from '../../src/stats/mcnemar.js';
export { twoProportionZ } from '../../src/stats/two-proportion-z.js';
export { sampleBinomial } from '../../src/stats/binomial-sample.js';
export { bootstrapReplicates } from '../../src/stats/bootstrap.js';
export { bootstrapPValue } from '../../src/stats/bootstrap-p-value.js';
export { mulberry32 } from '../../src/stats/random.js';
