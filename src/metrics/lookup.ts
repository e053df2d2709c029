/** Finding metrics by name across the files read for one gate. */
import type { Metric, MetricFile } from './types.js';

/**
 * The metric called `name`. Precedence: a metric's name, then its path in the file
 * (`val_accuracy.79`), then an alias; among files, the first one listed wins (the gate refuses
 * files that disagree: see conflictingMetrics). So
 * `metrics: a.json b.json` with `accuracy` in both uses a.json's, and an alias `accuracy` in a.json
 * loses to a name `accuracy` in b.json. Undefined when nothing answers to `name` (see
 * `metricCandidates` for what a rule may have meant).
 */
export function lookupMetric(files: MetricFile[], name: string): Metric | undefined {
  for (const f of files) {
    const found = f.metrics.find((m) => m.name === name);
    if (found) return found;
  }
  for (const f of files) {
    const found = f.metrics.find((m) => m.path === name);
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

/**
 * Metrics of other files that answer to the same name as `found` (by name) with a different
 * value: with `metrics: a.json b.json`, an `accuracy` of 0.9 in one and 0.8 in the other is
 * ambiguous, and the gate refuses it rather than let the order of the files decide. Values that
 * agree to the digits the shorter one was written with are the same value (`0.986014` in
 * metrics.json and `0.986013986013986` in classification_report.json).
 *
 * @example
 * conflictingMetrics(files, lookupMetric(files, 'accuracy')!) // [{ name: 'accuracy', value: 0.8, file: 'b.json', … }]
 */
export function conflictingMetrics(files: MetricFile[], found: Metric): Metric[] {
  return files
    .filter((f) => f.file !== found.file)
    .flatMap((f) => f.metrics.filter((m) => m.name === found.name && !sameValue(m.value, found.value)));
}

/**
 * Equal, or a rounded copy: the shorter (as JavaScript writes it shortest) has at least 4
 * significant digits and the other, rounded to its decimals, equals it. `0.5` and `0.51` are
 * different values: one digit says too little to call them the same.
 *
 * @example
 * sameValue(0.986014, 0.986013986013986) // true
 * sameValue(0.35, 0.2871)               // false
 */
export function sameValue(a: Metric['value'], b: Metric['value']): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) return false;
  const [short, long] = digitsOf(a).decimals <= digitsOf(b).decimals ? [a, b] : [b, a];
  const { decimals, significant } = digitsOf(short);
  if (significant < 4 || decimals > 15) return false;
  return Number(long.toFixed(decimals)) === short;
}

/** Digits after the point, and significant digits, of the shortest form of `x` (`1.5e-7` → 8, 2). */
function digitsOf(x: number): { decimals: number; significant: number } {
  const [mantissa, exponent] = String(Math.abs(x)).split('e');
  const point = mantissa.indexOf('.');
  const digits = point < 0 ? 0 : mantissa.length - point - 1;
  return {
    decimals: Math.max(0, digits - Number(exponent ?? 0)),
    significant: mantissa.replace('.', '').replace(/^0+/, '').length,
  };
}

/**
 * The metrics a name that answers to none may have meant, in file order: those a reader's alias
 * would fit but for being ambiguous (a model card's `wer` for two datasets, lm-eval's
 * `gsm8k.exact_match` with two filters), and those whose name ends with it (`test.accuracy` and
 * `val.accuracy` for `accuracy`; `results.gsm8k.exact_match,strict-match` for `gsm8k.exact_match`;
 * `accuracy@eval` for `accuracy`).
 *
 * @example
 * metricCandidates(files, 'accuracy').map((m) => m.name) // ['test.accuracy', 'val.accuracy']
 */
export function metricCandidates(files: MetricFile[], name: string): Metric[] {
  const found: Metric[] = [];
  const add = (m: Metric | undefined) => {
    if (m && !found.includes(m)) found.push(m);
  };
  for (const f of files) {
    const targets = f.ambiguous && Object.hasOwn(f.ambiguous, name) ? f.ambiguous[name] : [];
    for (const t of targets) add(f.metrics.find((m) => m.name === t));
  }
  for (const f of files) for (const m of f.metrics) if (endsWithName(m.name, name)) add(m);
  return found;
}

/** `results.gsm8k.exact_match,strict-match` ends with `gsm8k.exact_match`; `accuracy@test` with `accuracy`. */
function endsWithName(full: string, name: string): boolean {
  const base = full.replace(/,[^.,]*$/, '').replace(/@[^.@]*$/, '');
  return base === name || base.endsWith(`.${name}`) || full.endsWith(`.${name}`);
}

/** Every finite numeric metric by name (first file, first occurrence wins), for the `metrics` output. */
export function flatMetrics(files: MetricFile[]): Record<string, number> {
  const out = new Map<string, number>();
  for (const f of files) {
    for (const m of f.metrics) {
      if (typeof m.value === 'number' && Number.isFinite(m.value) && !out.has(m.name)) out.set(m.name, m.value);
    }
  }
  return Object.fromEntries(out);
}
