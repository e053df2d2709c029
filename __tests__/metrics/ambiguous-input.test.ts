/**
 * Inputs that used to be read one way when their writer meant another, or when nobody can tell:
 * each is now read right or refused with the file, the line and what to do.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locatedMessage } from '../../src/errors.js';
import { readMetricsFile } from '../../src/metrics/read.js';
import { at, userErrorOf } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mqg-metrics-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` (or bytes) to a file named `name` in the temp dir; returns its path. */
function put(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

const refusal = async (path: string, format?: string) =>
  locatedMessage(await userErrorOf(readMetricsFile(path, (format ?? 'auto') as never)));

describe('a name written twice is refused, naming both lines', () => {
  test.each([
    ['repeated JSON key', 'dup.json', '{\n  "accuracy": 0.99,\n  "accuracy": 0.5\n}', 3, 'lines 2 and 3'],
    ['repeated nested key', 'nested.json', '{"m": {\n "f1": 0.9,\n "f1": 0.1}}', 3, 'lines 2 and 3'],
    ['key "a.b" next to a nested a: {b}', 'dotted.json', '{\n"a.b": 0.9,\n"a": {\n"b": 0.1}}', 4, 'lines 2 and 4'],
    ['repeated name,value row', 'long.csv', 'name,value\naccuracy,0.99\nf1,0.8\naccuracy,0.5\n', 4, 'lines 2 and 4'],
    ['two columns of one name', 'wide.csv', 'acc,acc\n0.9,0.1\n', 2, 'written twice'],
    ['repeated Keras history key', 'history.json', '{"loss": [0.3, 0.2],\n"loss": [0.9]}', 2, 'lines 1 and 2'],
    [
      'repeated key inside a trainer_state entry',
      'trainer_state.json',
      '{"global_step": 2, "log_history": [\n{"eval_wer": 10.0,\n"eval_wer": 90.0, "step": 2}]}',
      3,
      'lines 2 and 3',
    ],
    [
      'repeated lm-eval metric',
      'lm.json',
      '{"results": {"arc": {\n"acc,none": 0.9,\n"acc,none": 0.2}}, "versions": {}}',
      3,
      'lines 2 and 3',
    ],
    ['repeated YAML key', 'dup.yaml', 'accuracy: 0.99\nf1: 0.5\naccuracy: 0.5\n', 3, ''],
  ])('%s', async (_what, name, text, line, both) => {
    const e = await userErrorOf(readMetricsFile(put(name, text)));
    expect(e.line).toBe(line);
    expect(e.message).toMatch(/twice|unique|repeated/i);
    expect(e.message).toContain(both);
  });

  test('a Keras name equal to the path of another metric', async () => {
    const e = await userErrorOf(readMetricsFile(put('clash.json', '{"loss": [0.5, 0.4, 0.3],\n"loss.2": [0.9]}')));
    expect(e.message).toContain('metric "loss.2" is written twice');
  });
});

describe('a file without a metric is refused in every format', () => {
  test.each([
    ['empty.json', '{}', 'it holds no values'],
    ['text.json', '{"model": "resnet50", "date": "2024-05-01", "ok": true}', 'its 3 values are text or true/false'],
    ['empty-history.json', '{"loss": [], "val_loss": []}', 'no metric'],
    ['header.csv', 'accuracy,f1\n', 'it holds no values'],
    ['diff.json', '{}', 'it holds no values'],
    ['list.yaml', '[]\n', 'it holds no values'],
  ])('%s', async (name, text, why) => {
    const message = await refusal(put(name, text));
    expect(message).toContain('no metric in this file');
    expect(message).toContain(why);
  });

  test('dvc metrics diff with nothing changed says so', async () => {
    expect(await refusal(put('nothing.json', '{}'), 'dvc-diff')).toContain('the diff is empty');
  });

  test('an MLflow run without metric files', async () => {
    mkdirSync(join(dir, 'run-empty', 'metrics'), { recursive: true });
    expect(await refusal(join(dir, 'run-empty'))).toContain('no metric in this file');
  });

  test('null and numbers written as text still count (each is refused later with its own message)', async () => {
    const f = await readMetricsFile(put('nulls.yaml', 'r2: null\nmse: "0.3"\n'));
    expect(f.metrics.map((m) => m.value)).toEqual([null, '0.3']);
  });
});

describe('CSV shapes', () => {
  test('pandas Series.to_csv(): an empty index header and a 0 column', async () => {
    const f = await readMetricsFile(put('series.csv', ',0\naccuracy,0.91\nf1,0.88\n'));
    expect(at(f, 'f1')).toEqual([0.88, 3]);
  });

  test('a name,value table without a header (old pandas)', async () => {
    const f = await readMetricsFile(put('noheader.csv', 'accuracy,0.91\nf1,0.88\n'));
    expect(at(f, 'accuracy')).toEqual([0.91, 1]);
  });

  test('pandas DataFrame([metrics]).to_csv(): the index column is dropped', async () => {
    const f = await readMetricsFile(put('onerow.csv', ',accuracy,f1\n0,0.91,0.88\n'));
    expect(f.metrics.map((m) => [m.name, m.value])).toEqual([
      ['accuracy', 0.91],
      ['f1', 0.88],
    ]);
  });

  test('several rows without a step or epoch column: refused, not the last row', async () => {
    const message = await refusal(put('folds.csv', 'fold,accuracy\n1,0.95\n2,0.40\n'));
    expect(message).toContain('folds.csv:3: a wide CSV with 2 rows of values and no step or epoch column');
  });

  test('a report whose accuracy row holds different numbers is refused', async () => {
    const text = ',precision,recall,f1-score,support\n0,0.9,0.8,0.85,10\naccuracy,0.7,0.1,0.7,0.7\n';
    expect(await refusal(put('edited.csv', text))).toContain('the accuracy row of this classification report');
  });

  test('a report CSV forced as sklearn-report reads as one', async () => {
    const text = ',precision,recall,f1-score,support\na,1.0,0.5,0.6666666666666666,2.0\naccuracy,0.5,0.5,0.5,0.5\n';
    const f = await readMetricsFile(put('forced.csv', text), 'sklearn-report');
    expect(at(f, 'a.f1-score')).toEqual([0.6666666666666666, 2]);
  });

  test('random bytes named .csv are refused as binary or as not UTF-8', async () => {
    const bytes = new Uint8Array(256).map((_, i) => (i * 97 + 13) % 256);
    expect(await refusal(put('random.csv', bytes))).toMatch(/binary data|not valid UTF-8/);
  });

  test('printable garbage named .csv is not read as a one-column table', async () => {
    const message = await refusal(put('garbage.csv', 'qz#kfj!\nx9pq\nzzkq0\n'));
    expect(message).toContain('no step or epoch column');
  });

  test('a value in a column without a name', async () => {
    expect(await refusal(put('noname.csv', 'accuracy,\n0.9,0.3\n'))).toContain('a column without a name');
  });
});

describe('MLflow file store lines, MLflow 1 to 3', () => {
  test.each([
    ['2 fields (oldest)', '1700000000000 0.8\n', 0.8],
    ['3 fields', '1700000000000 0.8 4\n', 0.8],
    ['4 fields (logged model: run id)', '1700000000000 0.8 4 0123456789abcdef0123456789abcdef\n', 0.8],
    ['5 fields (run metric with a dataset)', '1700000000000 0.8 4 eval 3f2a1b\n', 0.8],
    ['6 fields (logged model with a dataset)', '1700000000000 0.8 4 0123456789abcdef eval 3f2a1b\n', 0.8],
  ])('%s', async (_what, text, value) => {
    const f = await readMetricsFile(put(`lines/${_what.length}/metrics/accuracy`, text));
    expect(f.metrics.map((m) => [m.name, m.value])).toEqual([['accuracy', value]]);
  });

  test('the latest value as MLflow picks it: the highest step, then the latest time', async () => {
    const text = ['1000 0.9 1', '3000 0.1 3', '2000 0.5 3', '900 0.7 2', '3000 0.1 3'].join('\n');
    const f = await readMetricsFile(put('latest/metrics/loss', text));
    expect(at(f, 'loss')).toEqual([0.1, 2]);
  });

  test('two different values at the latest step and time are refused, naming both lines', async () => {
    const text = ['1000 0.9 1', '3000 0.1 3', '3000 0.95 3'].join('\n');
    expect(await refusal(put('tie/metrics/acc', text))).toContain(
      ':3: two different values of acc at step 3 and timestamp 3000 (lines 2 and 3)',
    );
    expect(await refusal(put('nan/metrics/loss', '1000 0.2 1\n1000 nan 1\n'))).toContain('two different values');
  });

  test('values logged for several datasets are separate metrics; the plain name is ambiguous', async () => {
    const text = '1000 0.9 1 train d1\n1000 0.6 1 eval d2\n2000 0.4 2 eval d2\n';
    const f = await readMetricsFile(put('datasets/metrics/accuracy', text));
    expect(f.metrics.map((m) => [m.name, m.value, m.line])).toEqual([
      ['accuracy@train', 0.9, 1],
      ['accuracy@eval', 0.4, 3],
    ]);
    expect(f.ambiguous?.accuracy).toEqual(['accuracy@train', 'accuracy@eval']);
  });

  test('7 fields, or text where the value belongs, are malformed', async () => {
    expect(await refusal(put('bad/metrics/x', '1 0.5 1 a b c d\n'))).toContain('malformed MLflow metric line');
    expect(await refusal(put('bad2/metrics/x', '1000 0.5 1\n1001 high 2\n'))).toContain(
      ':2: malformed MLflow metric line',
    );
  });

  test('a failed or killed run is refused; a finished one is read', async () => {
    const run = (status: number) => {
      put(`status${status}/meta.yaml`, `run_id: abc\nlifecycle_stage: active\nstatus: ${status}\n`);
      put(`status${status}/metrics/accuracy`, '1000 0.9 0\n');
      return join(dir, `status${status}`);
    };
    expect(await refusal(run(4))).toContain('ended FAILED (status: 4)');
    expect(await refusal(run(5))).toContain('ended KILLED');
    expect((await readMetricsFile(run(3))).metrics[0].value).toBe(0.9);
  });
});
