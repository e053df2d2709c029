/** Finding metrics by name across the files read for one gate. */
import type { Metric, MetricFile } from './types.js';

/**
 * The metric called `name`. Precedence: a generic name beats an alias; among files, the first one
 * listed wins; within a file, the first metric of that name (in file order). So
 * `metrics: a.json b.json` with `accuracy` in both uses a.json's, and an alias `accuracy` in a.json
 * loses to a generic `accuracy` in b.json.
 */
export function lookupMetric(files: MetricFile[], name: string): Metric | undefined {
  for (const f of files) {
    const found = f.metrics.find((m) => m.name === name);
    if (found) return found;
  }
  for (const f of files) {
    if (!Object.hasOwn(f.aliases, name)) continue;
    const target = f.aliases[name];
    const found = f.metrics.find((m) => m.name === target);
    if (found) return found;
  }
  return undefined;
}

/** Every finite numeric metric by generic name (first file, first occurrence wins), for the `metrics` output. */
export function flatMetrics(files: MetricFile[]): Record<string, number> {
  const out = new Map<string, number>();
  for (const f of files) {
    for (const m of f.metrics) {
      if (typeof m.value === 'number' && Number.isFinite(m.value) && !out.has(m.name)) out.set(m.name, m.value);
    }
  }
  return Object.fromEntries(out);
}
