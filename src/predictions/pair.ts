/**
 * Pairs a candidate's and a baseline's predictions on the same test set, example by example: by
 * the `id` column when the files have one (both must), otherwise by row order (both must have the
 * same number of rows). Refused, naming file and line: ids in one file only, a different number
 * of rows, and a different y_true for the same example (the two files then describe different
 * test sets, and no comparison of them means anything).
 */
import { UserError, type Location } from '../errors.js';
import { readTables } from '../workers/readTables.js';
import { compareLabels } from './labels.js';
import { predictionsFromTable, quote, type ReadPredictionsOptions } from './read.js';
import type { Predictions } from './types.js';

export interface PredictionPair {
  /** The candidate's predictions, over the joint classes. */
  candidate: Predictions;
  /** The baseline's predictions reordered so that row i is the candidate's example i, over the joint classes. */
  baseline: Predictions;
}

/**
 * Reads the candidate's and the baseline's predictions (in parallel worker threads when the
 * bundle runs) and pairs them.
 *
 * @example
 * const { candidate, baseline } = await readPredictionPair('eval/predictions.csv', 'main/predictions.csv');
 */
export async function readPredictionPair(
  candidateFile: string,
  baselineFile: string,
  options: Omit<ReadPredictionsOptions, 'what'> = {},
): Promise<PredictionPair> {
  const [c, b] = await readTables([candidateFile, baselineFile]);
  return pairPredictions(
    predictionsFromTable(c, { ...options, what: 'predictions file' }),
    predictionsFromTable(b, { ...options, what: 'baseline-predictions file' }),
  );
}

/** How many examples of each kind of mismatch a message lists. */
const SHOWN = 3;

/**
 * @example
 * const { candidate, baseline } = pairPredictions(await readPredictions('pr.csv'), await readPredictions('main.csv'));
 * candidate.yTrue[i] === baseline.yTrue[i]; // for every example i
 */
export function pairPredictions(candidate: Predictions, baseline: Predictions): PredictionPair {
  const order = rowOrder(candidate, baseline);
  // y_true must agree example by example.
  const problems: (Location & { message: string })[] = [];
  let differing = 0;
  for (let i = 0; i < candidate.n; i++) {
    const c = candidate.classes[candidate.yTrue[i]];
    const b = baseline.classes[baseline.yTrue[order[i]]];
    if (c === b) continue;
    differing++;
    if (problems.length < SHOWN) {
      const at = candidate.line(i);
      problems.push({
        message:
          `y_true is ${quote(b)} here but ${quote(c)} in ${candidate.file}${at ? ` line ${at}` : ''}` +
          `${candidate.ids ? ` (id ${quote(candidate.ids[i])})` : ''}; both files must label the same test set`,
        file: baseline.file,
        line: baseline.line(order[i]),
      });
    }
  }
  if (differing > 0) {
    if (differing > SHOWN) problems.push({ message: `… y_true differs on ${differing} examples in all` });
    throw UserError.combine(problems);
  }
  // Joint classes: the union, sorted as scikit-learn sorts labels.
  const numeric = candidate.numericLabels && baseline.numericLabels;
  const classes = [...new Set([...candidate.classes, ...baseline.classes])].sort((a, b) =>
    compareLabels(a, b, numeric),
  );
  return {
    candidate: onClasses(candidate, classes, numeric, undefined),
    baseline: onClasses(baseline, classes, numeric, order),
  };
}

/** order[i] = the baseline row of the candidate's example i. */
function rowOrder(candidate: Predictions, baseline: Predictions): Int32Array {
  if (!candidate.ids !== !baseline.ids) {
    const [has, lacks] = candidate.ids ? [candidate, baseline] : [baseline, candidate];
    throw new UserError(
      `${lacks.file} has no id column but ${has.file} has one; pairing by id needs it in both files ` +
        '(or in neither, to pair rows by position)',
      lacks.file,
      1,
    );
  }
  if (!candidate.ids || !baseline.ids) {
    if (candidate.n !== baseline.n) {
      throw new UserError(
        `${baseline.n} rows here but ${candidate.n} in ${candidate.file}; without an id column rows pair by ` +
          'position, so both files need the same examples in the same order (or add an id column)',
        baseline.file,
      );
    }
    return Int32Array.from({ length: candidate.n }, (_, i) => i);
  }
  const baselineRow = new Map<string, number>();
  baseline.ids.forEach((id, j) => baselineRow.set(id, j));
  const order = new Int32Array(candidate.n);
  const matched = new Uint8Array(baseline.n);
  const problems: (Location & { message: string })[] = [];
  let missing = 0;
  for (let i = 0; i < candidate.n; i++) {
    const j = baselineRow.get(candidate.ids[i]);
    if (j === undefined) {
      if (missing++ < SHOWN) {
        problems.push({
          message: `id ${quote(candidate.ids[i])} is not in ${baseline.file}`,
          file: candidate.file,
          line: candidate.line(i),
        });
      }
      continue;
    }
    order[i] = j;
    matched[j] = 1;
  }
  let extra = 0;
  for (let j = 0; j < baseline.n; j++) {
    if (matched[j] || extra++ >= SHOWN) continue;
    problems.push({
      message: `id ${quote(baseline.ids[j])} is not in ${candidate.file}`,
      file: baseline.file,
      line: baseline.line(j),
    });
  }
  if (missing + extra > 0) {
    problems.push({
      message:
        `${missing} of ${candidate.n} ids of ${candidate.file} are not in ${baseline.file}, and ${extra} of ` +
        `${baseline.n} ids of ${baseline.file} not in ${candidate.file}: both files must cover the same examples`,
    });
    throw UserError.combine(problems);
  }
  return order;
}

/** `p` re-indexed to `classes` (a superset of its own), its rows taken in `order` when given. */
function onClasses(p: Predictions, classes: string[], numeric: boolean, order: Int32Array | undefined): Predictions {
  const map = Int32Array.from(p.classes, (c) => classes.indexOf(c));
  const take = <T extends Int32Array | Float64Array>(a: T, f: (x: number) => number = (x) => x): T => {
    const out = new (a.constructor as { new (n: number): T })(p.n);
    for (let i = 0; i < p.n; i++) out[i] = f(a[order ? order[i] : i]);
    return out;
  };
  return {
    ...p,
    classes,
    numericLabels: numeric,
    yTrue: take(p.yTrue, (k) => map[k]),
    yPred: take(p.yPred, (k) => map[k]),
    score: p.score && (order ? take(p.score) : p.score),
    proba: p.proba && new Map([...p.proba].map(([k, v]) => [map[k], order ? take(v) : v])),
    ids: p.ids && order ? Array.from(order, (j) => p.ids![j]) : p.ids,
    line: order ? (i) => p.line(order[i]) : p.line,
  };
}
