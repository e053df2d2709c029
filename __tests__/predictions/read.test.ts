import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { UserError, locatedMessage } from '../../src/errors.js';
import { computeMetrics } from '../../src/predictions/metrics.js';
import { pairPredictions, readPredictionPair } from '../../src/predictions/pair.js';
import { MAX_CLASSES, readPredictions } from '../../src/predictions/read.js';
import { tempFolder, writeTable, type Cell } from './helpers.js';

const folder = tempFolder();
afterAll(() => folder.cleanup());

let count = 0;
/** A file with this text, under a fresh name. */
function file(text: string, ext = 'csv'): string {
  const path = join(folder.dir, `f${count++}.${ext}`);
  writeFileSync(path, text);
  return path;
}

/** The UserError `run` throws: its file, line and located message. */
async function refusal(run: () => Promise<unknown>): Promise<{ file?: string; line?: number; text: string }> {
  try {
    await run();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { file: e.file, line: e.line, text: locatedMessage(e) };
  }
  throw new Error('no error');
}

describe('readPredictions refuses what it cannot read as its writer meant, at file:line', () => {
  test.each([
    ['no y_true column', 'label,y_pred\n1,1\n', 1, ['no "y_true" column', '"label"', '"y_pred"']],
    ['no y_pred column', 'y_true\n1\n', 1, ['no "y_pred" column']],
    ['a missing label', 'y_true,y_pred\n1,1\n,0\n', 3, ['y_true is missing']],
    ['a missing prediction', 'y_true,y_pred\n1,NA\n0,0\n', 2, ['y_pred is missing']],
    [
      'a predicted label y_true never has',
      'y_true,y_pred\n0,0\n1,1\n1,7\n',
      4,
      ['y_pred holds the label "7"', 'declare the classes'],
    ],
    ['a NaN score', 'y_true,y_pred,score\n0,0,0.1\n1,1,NaN\n', 3, ['score is missing']],
    ['an empty score', 'y_true,y_pred,score\n0,0,0.1\n1,1,\n', 3, ['score is missing']],
    ['a score above 1', 'y_true,y_pred,score\n0,0,0.1\n1,1,1.2\n', 3, ['score is 1.2, not a probability']],
    ['a negative score', 'y_true,y_pred,score\n0,0,-0.1\n', 2, ['score is -0.1']],
    [
      'a score that is text',
      'y_true,y_pred,score\n0,0,0.1\n1,1,high\n',
      3,
      ['score must be a probability, found "high"'],
    ],
    ['an infinite score', 'y_true,y_pred,score\n0,0,0.1\n1,1,Infinity\n', 3, ['found "Infinity"']],
    [
      'probabilities that do not sum to 1',
      'y_true,y_pred,proba_0,proba_1\n0,0,0.7,0.3\n1,1,0.3,0.6\n',
      3,
      ['sum to 0.8999999999999999, not 1 (tolerance 0.001)'],
    ],
    ['a probability above 1', 'y_true,y_pred,proba_0,proba_1\n0,0,1.5,-0.5\n', 2, ['proba_0 is 1.5']],
    [
      'both score and proba_ columns',
      'y_true,y_pred,score,proba_1\n0,0,0.1,0.1\n',
      1,
      ['both a score column and proba_'],
    ],
    [
      'a label without a proba_ column',
      'y_true,y_pred,proba_a,proba_b\na,a,0.5,0.5\nc,a,0.5,0.5\n',
      3,
      ['y_true holds the label "c"', 'proba_<class> columns'],
    ],
    ['a proba_ column without a class', 'y_true,y_pred,proba_\n0,0,1\n', 1, ['must name its class']],
    [
      'a class named twice',
      'y_true,y_pred,proba_1,proba_1.0\n1,1,0.5,0.5\n',
      1,
      ['class "1" is named twice', 'proba_1 and proba_1.0'],
    ],
    [
      'a score for three classes',
      'y_true,y_pred,score\n0,0,0.1\n1,1,0.2\n2,2,0.3\n',
      1,
      ['binary problems; this one has 3 classes'],
    ],
    ['a duplicate id', 'id,y_true,y_pred\na,0,0\nb,1,1\na,1,0\n', 4, ['duplicate id "a" (first on line 2)']],
    ['a missing id', 'id,y_true,y_pred\na,0,0\n,1,1\n', 3, ['id is missing']],
    ['an id beyond 2^53', 'id,y_true,y_pred\n9007199254740993,0,0\n', 2, ['not a whole number below 2^53']],
    ['a fractional id', 'id,y_true,y_pred\n1.5,0,0\n', 2, ['id 1.5 is not a whole number']],
    ['an empty file', '', undefined, ['the file is empty']],
    ['a header without rows', 'y_true,y_pred\n', undefined, ['no data rows']],
  ] as const)('%s', async (_name, text, line, fragments) => {
    const path = file(text);
    const r = await refusal(() => readPredictions(path));
    expect(r.file).toBe(path);
    expect(r.line).toBe(line);
    for (const f of fragments) expect(r.text).toContain(f);
  });

  test('JSON Lines: the line of the offending object, blank lines counted', async () => {
    const path = file(
      '{"y_true": 1, "y_pred": 1, "score": 0.9}\n\n{"y_true": 0, "y_pred": 0, "score": null}\n',
      'jsonl',
    );
    const r = await refusal(() => readPredictions(path));
    expect(r.line).toBe(3);
    expect(r.text).toContain('score is missing');
  });

  test(`more than ${MAX_CLASSES} classes: y_pred probably holds scores`, async () => {
    const rows = Array.from({ length: MAX_CLASSES + 1 }, (_, i) => `${i},${i}`).join('\n');
    const r = await refusal(() => readPredictions(file(`y_true,y_pred\n${rows}\n`)));
    expect(r.text).toContain('1001 classes (more than 1000)');
  });

  test('hostile labels are quoted and cut in messages', async () => {
    const label = `x\u001b[31m${'y'.repeat(200)}`;
    const r = await refusal(() => readPredictions(file(`y_true,y_pred\na,a\na,"${label}"\n`)));
    expect(r.text).toContain('"x\\u001b[31myyy');
    expect(r.text).not.toContain('\u001b');
    expect(r.text.length).toBeLessThan(400);
  });
});

describe('readPredictions reads labels as pandas would', () => {
  test('1 and 1.0 are one label; proba_1.0 is the column of class 1', async () => {
    const p = await readPredictions(file('y_true,y_pred,proba_0.0,proba_1.0\n1.0,1,0.2,0.8\n0,0.0,0.9,0.1\n'));
    expect(p.classes).toEqual(['0', '1']);
    expect(Array.from(p.yTrue)).toEqual([1, 0]);
    expect(Array.from(p.yPred)).toEqual([1, 0]);
    expect(p.proba!.get(1)![0]).toBe(0.8);
  });

  test('True, true and TRUE are one boolean label, and True is the positive class', async () => {
    const p = await readPredictions(file('y_true,y_pred\nTrue,true\nFALSE,False\ntrue,False\n'));
    expect(p.classes).toEqual(['False', 'True']);
    const m = computeMetrics(p);
    expect(m.get('recall')).toEqual({ value: 0.5 });
  });

  test('numeric classes sort by value, text by code point', async () => {
    expect((await readPredictions(file('y_true,y_pred\n10,10\n9,9\n-1,-1\n'))).classes).toEqual(['-1', '9', '10']);
    expect((await readPredictions(file('y_true,y_pred\nb,b\nB,B\né,é\na,a\n'))).classes).toEqual(['B', 'a', 'b', 'é']);
  });

  test('0/1 labels are binary even when the test set holds only 1s', async () => {
    const p = await readPredictions(file('y_true,y_pred,score\n1,1,0.9\n1,0,0.4\n'));
    expect(p.classes).toEqual(['0', '1']);
    const m = computeMetrics(p);
    expect(m.get('recall')).toEqual({ value: 0.5 });
    expect(m.get('roc_auc')).toEqual({ unavailable: 'y_true holds one class only' });
  });

  test('declared labels let the model predict a class the test set lacks', async () => {
    const path = file('y_true,y_pred\ncat,cat\ncat,dog\n');
    await expect(readPredictions(path)).rejects.toThrow('y_pred holds the label "dog"');
    const p = await readPredictions(path, { labels: ['cat', 'dog'] });
    expect(p.classes).toEqual(['cat', 'dog']);
  });

  test('other columns are ignored', async () => {
    const p = await readPredictions(file('text,y_true,y_pred,extra\n"a, b",1,1,x\n'));
    expect(p.n).toBe(1);
  });
});

describe('pairing a candidate with a baseline', () => {
  const table = (ids: Cell[] | null, yTrue: Cell[], yPred: Cell[]) => ({
    ...(ids ? { id: ids } : {}),
    y_true: yTrue,
    y_pred: yPred,
  });

  test('by id: the baseline is reordered to the candidate’s examples', async () => {
    const c = writeTable(folder.dir, 'pair-c.csv', table(['a', 'b', 'c'], [0, 1, 1], [0, 1, 0]));
    const b = writeTable(folder.dir, 'pair-b.jsonl', table(['c', 'a', 'b'], [1, 0, 1], [1, 1, 1]));
    const { candidate, baseline } = await readPredictionPair(c, b);
    expect(baseline.ids).toEqual(['a', 'b', 'c']);
    expect(Array.from(baseline.yPred)).toEqual([1, 1, 1]);
    expect(Array.from(baseline.yTrue)).toEqual(Array.from(candidate.yTrue));
    expect(baseline.line(0)).toBe(2); // id "a" is the second object of the baseline file (JSON Lines: no header)
  });

  test('ids missing on either side: every problem at its own file and line', async () => {
    const c = writeTable(folder.dir, 'ids-c.csv', table(['a', 'b', 'x'], [0, 1, 1], [0, 1, 0]));
    const b = writeTable(folder.dir, 'ids-b.csv', table(['a', 'b', 'y'], [0, 1, 1], [0, 1, 0]));
    const r = await refusal(() => readPredictionPair(c, b));
    expect(r.file).toBe(c);
    expect(r.line).toBe(4);
    expect(r.text).toContain(`id "x" is not in ${b}`);
    expect(r.text).toContain(`${b}:4: id "y" is not in ${c}`);
    expect(r.text).toContain('1 of 3 ids');
  });

  test('an id column in one file only', async () => {
    const c = writeTable(folder.dir, 'one-c.csv', table(['a'], [0], [0]));
    const b = writeTable(folder.dir, 'one-b.csv', table(null, [0], [0]));
    const r = await refusal(() => readPredictionPair(c, b));
    expect(r.file).toBe(b);
    expect(r.text).toContain('has no id column');
  });

  test('by row order: the same number of rows, and the same y_true row by row', async () => {
    const c = writeTable(folder.dir, 'rows-c.csv', table(null, [0, 1, 1], [0, 1, 0]));
    const shorter = writeTable(folder.dir, 'rows-b1.csv', table(null, [0, 1], [0, 1]));
    expect((await refusal(() => readPredictionPair(c, shorter))).text).toContain(`2 rows here but 3 in ${c}`);
    const other = writeTable(folder.dir, 'rows-b2.csv', table(null, [0, 0, 1], [0, 1, 0]));
    const r = await refusal(() => readPredictionPair(c, other));
    expect(r.file).toBe(other);
    expect(r.line).toBe(3);
    expect(r.text).toContain(`y_true is "0" here but "1" in ${c} line 3`);
  });

  test('the joint classes are the union of both, sorted', async () => {
    const c = writeTable(folder.dir, 'u-c.csv', table(null, ['a', 'b'], ['a', 'b']));
    const b = writeTable(folder.dir, 'u-b.csv', table(null, ['a', 'b'], ['a', 'a']));
    const { candidate, baseline } = await readPredictionPair(c, b, { labels: ['a', 'b', 'c'] });
    expect(candidate.classes).toEqual(['a', 'b', 'c']);
    expect(baseline.classes).toEqual(['a', 'b', 'c']);
  });

  test('property: pairing a file with a shuffled copy of itself by id gives back the same examples', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.integer(),
        async (rows, seed) => {
          const ids = rows.map((_, i) => `id${i}`);
          const labels = rows.map(([t]) => t);
          const c = writeTable(
            folder.dir,
            'prop-c.csv',
            table(
              ids,
              labels,
              rows.map(([, p]) => p),
            ),
          );
          const order = ids
            .map((_, i) => i)
            .sort((a, b) => ((a * 7919 + seed) % 31) - ((b * 7919 + seed) % 31) || a - b);
          const b = writeTable(
            folder.dir,
            'prop-b.jsonl',
            table(
              order.map((i) => ids[i]),
              order.map((i) => labels[i]),
              order.map((i) => rows[i][1]),
            ),
          );
          const one = await readPredictions(c, { labels: ['0', '1', '2', '3'] });
          const two = await readPredictions(b, { labels: ['0', '1', '2', '3'] });
          const paired = pairPredictions(one, two);
          expect(Array.from(paired.baseline.yPred)).toEqual(Array.from(paired.candidate.yPred));
          expect(paired.baseline.ids).toEqual(ids);
        },
      ),
      { numRuns: 40 },
    );
  });
});
