import { tmpdir } from 'node:os';
import { resolve, sep } from 'node:path';
import { resolveMetricPaths } from '../../src/metrics/paths.js';
import { synthetic, userErrorOf } from './helpers.js';

const root = '__tests__/fixtures/metrics-synthetic';

describe('resolveMetricPaths', () => {
  test('one plain path is returned as given', async () => {
    expect(await resolveMetricPaths(synthetic('auc.metric'))).toEqual([synthetic('auc.metric')]);
  });

  test('several lines, trimmed, blank lines ignored, duplicates dropped', async () => {
    const spec = `\n  ${synthetic('auc.metric')}  \n\n${synthetic('long-form.csv')}\r\n${synthetic('auc.metric')}\n`;
    expect(await resolveMetricPaths(spec)).toEqual([synthetic('auc.metric'), synthetic('long-form.csv')]);
  });

  test('a glob relative to cwd, sorted', async () => {
    expect(await resolveMetricPaths('reports/**/*.json', resolve(root))).toEqual([
      'reports/a/metrics.json',
      'reports/b/extra.json',
      'reports/b/metrics.json',
    ]);
  });

  test('an absolute glob gives absolute paths, from any working directory', async () => {
    const abs = resolve(root, 'reports').split(sep).join('/');
    expect(await resolveMetricPaths(`${abs}/*/metrics.json`, tmpdir())).toEqual([
      `${abs}/a/metrics.json`,
      `${abs}/b/metrics.json`,
    ]);
  });

  test('a glob and a plain path overlapping', async () => {
    expect(await resolveMetricPaths('reports/b/metrics.json\nreports/*/metrics.json', resolve(root))).toEqual([
      'reports/b/metrics.json',
      'reports/a/metrics.json',
    ]);
  });

  test('a plain directory (MLflow run) is accepted', async () => {
    expect(await resolveMetricPaths('mlruns/1/ed05f9cd599442fe9a0c9222184710b8', resolve(root))).toEqual([
      'mlruns/1/ed05f9cd599442fe9a0c9222184710b8',
    ]);
  });

  test('a glob matching nothing names the pattern', async () => {
    const e = await userErrorOf(resolveMetricPaths('reports/**/*.yaml', resolve(root)));
    expect(e.message).toBe('no file matches the pattern "reports/**/*.yaml"');
  });

  test('a missing plain path', async () => {
    const e = await userErrorOf(resolveMetricPaths('reports/c/metrics.json', resolve(root)));
    expect(e.message).toBe('file not found: reports/c/metrics.json');
    expect(e.file).toBe('reports/c/metrics.json');
  });

  test('an empty spec', async () => {
    expect((await userErrorOf(resolveMetricPaths(' \n '))).message).toBe('no metrics file given');
  });
});
