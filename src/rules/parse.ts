import { configLocation, parseConfig, readInlineOrFile } from '../tree/config.js';
import { UserError } from '../errors.js';
import type { Check, Direction, MetricRule, NoiseSettings } from './types.js';
import type { TreeEntry } from '../tree/tree.js';

/**
 * Loads the `thresholds` input: inline YAML/JSON, or the path of a `.yml`/`.yaml`/`.json` file.
 * Each top-level key is a metric name (the flattened name or an alias); its value is one rule:
 *
 *   accuracy: ">= 0.90"                 comparison: >=, <=, >, <, == (== allows 1e-9 relative slack)
 *   f1: "between 0.8 and 1"             inclusive range
 *   auc: 0.85                           a bare number: at least as good as it (by direction)
 *   latency_p95_ms: { max: 120, max-increase-pct: 10, direction: lower }
 *
 * Mapping keys: min, max, max-drop, max-drop-pct, max-increase, max-increase-pct, direction.
 * `max-drop` and `max-increase` are absolute changes from the baseline; the `-pct` forms are
 * percentages of |baseline|. Errors name the file (when there is one), the line and the key.
 *
 * Noise-aware keys (issue 14): `significance: 0.05` (fail only on evidence), `confidence: 0.95`
 * (pass only on evidence), `n: 2000` (examples behind a proportion). A top-level `defaults:` block
 * sets `significance` or `confidence` for every rule; a rule's own key replaces the default form.
 */
export async function loadRules(input: string): Promise<MetricRule[]> {
  const { text, file } = await readInlineOrFile(input, 'thresholds');
  return parseRules(text, file);
}

export async function parseRules(text: string, file?: string): Promise<MetricRule[]> {
  const src = { file, label: 'thresholds' };
  const root = await parseConfig(text, {
    ...src,
    expected: 'a mapping of metric names to rules, e.g. accuracy: ">= 0.9"',
    hint: (t) => (/:\s*[<>]/.test(t) ? ' (quote rules that start with > or <, e.g. accuracy: ">= 0.9")' : ''),
  });
  const rules: MetricRule[] = [];
  const defaultsEntry = root.entries.find((e) => e.key === 'defaults');
  const defaults = defaultsEntry ? parseDefaults(defaultsEntry, src) : undefined;
  for (const { key: metric, line, value } of root.entries) {
    if (metric === 'defaults') continue;
    const fail = (msg: string, at = line): never => {
      throw new UserError(`rule for '${metric}': ${msg}`, configLocation(src, at));
    };
    let checks: Check[];
    let direction: Direction | undefined;
    const own: NoiseSettings = {}; // the rule's own significance / confidence / n
    if (value.kind === 'scalar' && typeof value.value === 'string') {
      checks = [parseExpression(value.value, fail)];
    } else if (value.kind === 'scalar' && typeof value.value === 'number') {
      checks = [{ kind: 'target', value: finite(value.value, 'value', fail) }];
    } else if (value.kind === 'object') {
      ({ checks, direction } = parseRuleMapping(value.entries, own, fail));
    } else {
      return fail(`expected a string like ">= 0.9", a number, or a mapping with min/max/max-drop/…`);
    }
    const noise = mergeNoise(defaults, own);
    const text = describeChecks(checks) + describeNoise(noise);
    rules.push({ metric, checks, direction, text, file, line, ...(noise ? { noise } : {}) });
  }
  if (defaults && rules.length === 0) {
    throw new UserError('thresholds has a defaults block but no rule', configLocation(src, defaultsEntry?.line));
  }
  return rules;
}

type Fail = (msg: string, at?: number) => never;

/** A rule written as a mapping (`{ min: 0.8, max-drop: 0.01, significance: 0.05 }`); noise keys go into `own`. */
function parseRuleMapping(
  entries: TreeEntry[],
  own: NoiseSettings,
  fail: Fail,
): { checks: Check[]; direction: Direction | undefined } {
  const checks: Check[] = [];
  let direction: Direction | undefined;
  for (const { key, line: at, value: node } of entries) {
    const v = node.kind === 'scalar' ? node.value : undefined;
    if (key === 'direction') {
      if (v !== 'higher' && v !== 'lower') fail(`direction must be 'higher' or 'lower', got '${String(v)}'`, at);
      direction = v as Direction;
    } else if (key === 'min') checks.push({ kind: 'compare', op: '>=', value: finite(v, key, fail, at) });
    else if (key === 'max') checks.push({ kind: 'compare', op: '<=', value: finite(v, key, fail, at) });
    else if (key === 'max-drop' || key === 'max-drop-pct' || key === 'max-increase' || key === 'max-increase-pct') {
      const n = finite(v, key, fail, at);
      if (n < 0) fail(`${key} must not be negative, got ${n}`, at);
      checks.push({ kind: key, value: n });
    } else if (key === 'significance' || key === 'confidence') {
      own[key] = noiseLevel(key, v, fail, at);
    } else if (key === 'n') {
      const n = finite(v, key, fail, at);
      if (!(Number.isInteger(n) && n > 0)) fail(`n must be a whole number of examples above 0, got ${n}`, at);
      own.n = n;
    } else {
      fail(
        `unknown key '${key}'; expected min, max, max-drop, max-drop-pct, max-increase, max-increase-pct, ` +
          'direction, significance, confidence or n',
        at,
      );
    }
  }
  if (checks.length === 0) fail('no check given (min, max, max-drop, …)');
  const min = checks.find((c) => c.kind === 'compare' && c.op === '>=');
  const max = checks.find((c) => c.kind === 'compare' && c.op === '<=');
  if (min?.kind === 'compare' && max?.kind === 'compare' && min.value > max.value) {
    fail(`min ${min.value} is above max ${max.value}: no value can meet both`);
  }
  if (own.significance !== undefined && own.confidence !== undefined) {
    fail(
      'give significance (fail only on evidence) or confidence (pass only on evidence), not both: ' +
        'they ask opposite questions of the same interval',
    );
  }
  return { checks, direction };
}

/** The `defaults:` block: `significance` or `confidence` for every rule. */
function parseDefaults(entry: TreeEntry, src: { file?: string; label: string }): NoiseSettings {
  const fail = (msg: string, at = entry.line): never => {
    throw new UserError(`defaults: ${msg}`, configLocation(src, at));
  };
  if (entry.value.kind !== 'object' || entry.value.entries.length === 0) {
    return fail('expected a mapping with significance or confidence, e.g. defaults: { significance: 0.05 }');
  }
  const out: NoiseSettings = {};
  for (const { key, line: at, value } of entry.value.entries) {
    const v = value.kind === 'scalar' ? value.value : undefined;
    if (key === 'significance' || key === 'confidence') out[key] = noiseLevel(key, v, fail, at);
    else fail(`unknown key '${key}'; expected significance or confidence (n belongs to a metric's rule)`, at);
  }
  if (out.significance !== undefined && out.confidence !== undefined) {
    fail('give significance (fail only on evidence) or confidence (pass only on evidence), not both');
  }
  return out;
}

/** significance in (0, 0.5], confidence in [0.5, 1). */
function noiseLevel(key: 'significance' | 'confidence', v: unknown, fail: Fail, at: number | undefined): number {
  const x = finite(v, key, fail, at);
  if (key === 'significance' && !(x > 0 && x <= 0.5)) {
    fail(`significance is the level of a one-sided test, above 0 and at most 0.5 (e.g. 0.05), got ${x}`, at);
  }
  if (key === 'confidence' && !(x >= 0.5 && x < 1)) {
    fail(`confidence is the coverage of an interval, at least 0.5 and below 1 (e.g. 0.95), got ${x}`, at);
  }
  return x;
}

/** The rule's own form replaces the default one (a rule with confidence drops a default significance). */
function mergeNoise(defaults: NoiseSettings | undefined, own: NoiseSettings): NoiseSettings | undefined {
  const form = own.significance !== undefined || own.confidence !== undefined ? own : (defaults ?? {});
  const merged: NoiseSettings = {
    ...(form.significance !== undefined ? { significance: form.significance } : {}),
    ...(form.confidence !== undefined ? { confidence: form.confidence } : {}),
    ...(own.n !== undefined ? { n: own.n } : {}),
  };
  return Object.keys(merged).length > 0 ? merged : undefined;
}

function describeNoise(noise: NoiseSettings | undefined): string {
  if (!noise) return '';
  return (
    (noise.significance !== undefined ? `, significance ${noise.significance}` : '') +
    (noise.confidence !== undefined ? `, confidence ${noise.confidence}` : '') +
    (noise.n !== undefined ? `, n ${noise.n}` : '')
  );
}

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const COMPARE = new RegExp(String.raw`^(>=|<=|==|>|<)\s*(${NUMBER})$`);
const BETWEEN = new RegExp(String.raw`^between\s+(${NUMBER})\s+and\s+(${NUMBER})$`, 'i');

function parseExpression(expr: string, fail: (msg: string) => never): Check {
  const text = expr.trim();
  const cmp = COMPARE.exec(text);
  if (cmp) return { kind: 'compare', op: cmp[1] as '>=', value: numberOf(cmp[2], text, fail) };
  const btw = BETWEEN.exec(text);
  if (btw) {
    const min = numberOf(btw[1], text, fail);
    const max = numberOf(btw[2], text, fail);
    if (min > max) fail(`'${text}': the lower bound is above the upper bound`);
    return { kind: 'between', min, max };
  }
  return fail(`cannot parse '${text}'; expected ">= x", "<= x", "> x", "< x", "== x" or "between a and b"`);
}

/**
 * A number written in a rule, refused when a double cannot hold it: `1e999` overflows to Infinity
 * (`>= -1e999` would pass anything) and `1e-999` underflows to 0.
 */
function numberOf(written: string, text: string, fail: (msg: string) => never): number {
  const n = Number(written);
  if (!Number.isFinite(n)) return fail(`'${text}': ${written} is too large for a number (it overflows to infinity)`);
  if (n === 0 && /[1-9]/.test(written.replace(/[eE].*$/, ''))) {
    return fail(`'${text}': ${written} is too small for a number (it underflows to 0)`);
  }
  return n;
}

function finite(v: unknown, key: string, fail: Fail, at?: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    return fail(`${key} must be a finite number, got '${String(v)}'`, at);
  return v;
}

export function describeChecks(checks: Check[]): string {
  return checks
    .map((c) => {
      switch (c.kind) {
        case 'compare':
          return `${c.op} ${c.value}`;
        case 'between':
          return `between ${c.min} and ${c.max}`;
        case 'target':
          return `at least as good as ${c.value}`;
        case 'max-drop-pct':
        case 'max-increase-pct':
          return `${c.kind.replace('-pct', '')} ${c.value} %`;
        default:
          return `${c.kind} ${c.value}`;
      }
    })
    .join(', ');
}
