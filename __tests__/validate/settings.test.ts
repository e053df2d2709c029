import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { readSettings } from '../../src/settings.js';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

test('validate settings are typed and defaulted', () => {
  const s = readSettings(
    reader({
      stage: 'validate',
      metrics: 'm.json',
      'required-metrics': 'accuracy, f1\neval_loss',
      data: 'a.csv\n b.parquet \n',
      expectations: 'e.yml',
    }),
    { RUNNER_TEMP: '/tmp/rt' },
  );
  expect(s).toMatchObject({
    stage: 'validate',
    metrics: 'm.json',
    metricsFormat: 'auto',
    requiredMetrics: ['accuracy', 'f1', 'eval_loss'],
    metricsSchema: '',
    data: ['a.csv', 'b.parquet'],
    dataFormat: undefined,
    expectations: 'e.yml',
    inferExpectations: '',
  });
  expect(s.reportPath).toBe(join('/tmp/rt', 'ml-quality-gate-validate.json'));
  expect(
    readSettings(reader({ stage: 'validate', data: 'a.txt', 'data-format': 'tsv', 'infer-expectations': 'x.yml' }), {}),
  ).toMatchObject({ dataFormat: 'tsv', inferExpectations: 'x.yml' });
});

test.each([
  [{}, "needs something to check: give 'metrics'"],
  [{ data: 'a.csv' }, "'data' needs 'expectations'"],
  [{ metrics: 'm.json', expectations: 'e.yml' }, "'expectations' needs 'data'"],
  [{ data: 'a.csv', 'required-metrics': 'f1', expectations: 'e.yml' }, "'required-metrics' needs 'metrics'"],
  [
    { data: 'a.csv', expectations: 'e.yml', 'data-format': 'xlsx' },
    "'data-format' must be one of auto, csv, tsv, jsonl, parquet",
  ],
])('%j is refused', (inputs, message) => {
  const read = () => readSettings(reader({ stage: 'validate', ...inputs }), {});
  expect(read).toThrow(UserError);
  expect(read).toThrow(message);
});
