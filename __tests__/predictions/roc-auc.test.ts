import fc from 'fast-check';
import { rocAuc, rocAucLeaveOneOut, rocAucWeighted, scoreOrder } from '../../src/predictions/roc-auc.js';

/** Scores on a coarse grid (many ties) and labels, at least one of each class. */
const examples = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 8 })), { minLength: 3, maxLength: 60 })
  .filter((rows) => rows.some(([y]) => y === 1) && rows.some(([y]) => y === 0));

describe('ROC AUC forms agree', () => {
  test('property: the weighted pass with unit weights is the sorted-merge AUC, and both are the pair count', () => {
    fc.assert(
      fc.property(examples, (rows) => {
        const y = Uint8Array.from(rows, ([t]) => t);
        const s = Float64Array.from(rows, ([, v]) => v / 8);
        // the definition: P(positive above negative), ties half
        let u = 0;
        let pairs = 0;
        for (let i = 0; i < y.length; i++) {
          for (let j = 0; j < y.length; j++) {
            if (!y[i] || y[j]) continue;
            pairs++;
            u += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
          }
        }
        expect(rocAuc(y, s)).toBeCloseTo(u / pairs, 14);
        expect(rocAucWeighted(y, s, scoreOrder(s), new Int32Array(y.length).fill(1))).toBeCloseTo(u / pairs, 14);
      }),
    );
  });

  test('property: leave-one-out values are the AUC with that example’s weight 0', () => {
    fc.assert(
      fc.property(examples, (rows) => {
        const y = Uint8Array.from(rows, ([t]) => t);
        const s = Float64Array.from(rows, ([, v]) => v / 8);
        const order = scoreOrder(s);
        const loo = rocAucLeaveOneOut(y, s);
        for (let i = 0; i < y.length; i++) {
          const w = new Int32Array(y.length).fill(1);
          w[i] = 0;
          const expected = rocAucWeighted(y, s, order, w);
          if (Number.isNaN(expected)) expect(loo[i]).toBeNaN();
          else expect(loo[i]).toBeCloseTo(expected, 14);
        }
      }),
    );
  });
});
