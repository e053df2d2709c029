import { configLocation, parseConfig, readInlineOrFile } from '../tree/config.js';
import { UserError } from '../errors.js';
import type { Check, Direction, MetricRule } from './types.js';

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
  for (const { key: metric, line, value } of root.entries) {
    const fail = (msg: string, at = line): never => {
      throw new UserError(`rule for '${metric}': ${msg}`, configLocation(src, at));
    };
    let checks: Check[];
    let direction: Direction | undefined;
    if (value.kind === 'scalar' && typeof value.value === 'string') {
      checks = [parseExpression(value.value, fail)];
    } else if (value.kind === 'scalar' && typeof value.value === 'number') {
      checks = [{ kind: 'target', value: finite(value.value, 'value', fail) }];
    } else if (value.kind === 'object') {
      checks = [];
      for (const { key, line: at, value: node } of value.entries) {
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
        } else {
          fail(
            `unknown key '${key}'; expected min, max, max-drop, max-drop-pct, max-increase, max-increase-pct or direction`,
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
    } else {
      return fail(`expected a string like ">= 0.9", a number, or a mapping with min/max/max-drop/…`);
    }
    rules.push({ metric, checks, direction, text: describeChecks(checks), file, line });
  }
  return rules;
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

function finite(v: unknown, key: string, fail: (msg: string, at?: number) => never, at?: number): number {
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
