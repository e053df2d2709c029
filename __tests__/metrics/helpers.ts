import { UserError } from '../../src/errors.js';
import { lookupMetric } from '../../src/metrics/lookup.js';
import type { Metric, MetricFile } from '../../src/metrics/types.js';

export const sample = (path: string): string => `__tests__/fixtures/metrics/${path}`;
export const synthetic = (path: string): string => `__tests__/fixtures/metrics-synthetic/${path}`;

/** The metric by generic name or alias, as [value, line]; fails the test when absent. */
export function at(file: MetricFile, name: string): [Metric['value'], number | undefined] {
  const m = lookupMetric([file], name);
  if (!m) throw new Error(`no metric ${name} in ${file.file}; have ${file.metrics.map((x) => x.name).join(', ')}`);
  return [m.value, m.line];
}

export async function userErrorOf(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('no UserError thrown');
}
