// Log loss: the mean of per-example terms.
import { mean } from '../../stats/describe.js';
import { logLossTerms } from '../../predictions/metrics.js';
import type { Predictions } from '../../predictions/types.js';
import { outputNames, sumOf, writeOutputs, type CompareOptions, type Group } from './group.js';

export function logLossGroup(
  candidate: Predictions,
  baseline: Predictions | undefined,
  options: CompareOptions,
): Group {
  const paired = !!baseline;
  const lc = logLossTerms(candidate, options.positiveLabel);
  const lb = baseline && logLossTerms(baseline, options.positiveLabel);
  const n = candidate.n;
  const vc = new Float64Array(1);
  const vb = new Float64Array(1);
  const statistic = (w: ArrayLike<number>, out: Float64Array) => {
    let sc = 0;
    let sb = 0;
    for (let i = 0; i < n; i++) {
      const c = w[i];
      if (c === 0) continue;
      sc += c * lc[i];
      if (lb) sb += c * lb[i];
    }
    vc[0] = sc / n;
    vb[0] = sb / n;
    writeOutputs(vc, lb && vb, out);
  };
  const names = outputNames(['log_loss'], paired);
  const estimates = new Float64Array(names.length);
  writeOutputs(Float64Array.of(mean(lc)), lb && Float64Array.of(mean(lb)), estimates);
  return {
    weights: new Int32Array(n).fill(1),
    names,
    estimates,
    statistic,
    paired,
    cost: 2 * n,
    permute:
      lb &&
      ((uniform, out) => {
        // each example's two terms swapped with probability ½: the difference changes sign
        let s = 0;
        let bits = 0;
        for (let i = 0; i < n; i++) {
          if ((i & 31) === 0) bits = uniform() * 4294967296;
          const d = lc[i] - lb[i];
          s += (bits & 1) === 1 ? -d : d;
          bits = Math.floor(bits / 2);
        }
        out[0] = s / n;
      }),
    jackknife: () => {
      const sc = sumOf(lc);
      const sb = lb ? sumOf(lb) : 0;
      const out = names.map(() => new Float64Array(n));
      for (let i = 0; i < n; i++) {
        out[0][i] = (sc - lc[i]) / (n - 1);
        if (lb) {
          out[1][i] = (sb - lb[i]) / (n - 1);
          out[2][i] = out[0][i] - out[1][i];
        }
      }
      return out;
    },
  };
}
