/**
 * Prometheus text exposition format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/),
 * e.g. a saved scrape of a server's `/metrics`, read as Prometheus' own parser (prometheus/common
 * expfmt) reads it. One metric per sample line:
 *
 * | line                                               | metric name                                 |
 * |----------------------------------------------------|---------------------------------------------|
 * | `model_requests_total 1027`                        | `model_requests_total`                      |
 * | `http_requests_total{path="/a",code="200"} 3`      | `http_requests_total{code="200",path="/a"}` (sorted) |
 * | `latency_seconds_bucket{le="0.5"} 97`              | `latency_seconds_bucket{le="0.5"}`          |
 *
 * Histograms and summaries keep their series names (`_bucket`, `_sum`, `_count`, `{quantile=…}`).
 *
 * Label values are written back in the format's escaping (`\\`, `\"`, `\n`), so a rule names a
 * series exactly as a scrape shows it. `# HELP`/`# TYPE` lines and other comments are skipped; an
 * optional timestamp, and an OpenMetrics exemplar (`# {trace_id="…"} 0.3`), are accepted and ignored.
 * Values are Go float syntax as the writers emit it: decimals, `NaN`, `+Inf`, `-Inf` (kept so a rule
 * refuses them). Refused, with the line: a malformed line, an invalid escape, a label written twice
 * in one series, and (in read.ts) a series written twice: which value counts would be a guess.
 */
import { UserError } from '../../errors.js';
import { parseNumberText } from '../../data/number.js';
import type { Metric, MetricFile } from '../types.js';

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/**
 * True when the text starts like an exposition: its first non-blank line is `# HELP <name> …` or
 * `# TYPE <name> <type>` (what every client library writes first).
 *
 * @example
 * looksLikeExposition('# HELP up Whether the target is up.\n# TYPE up gauge\nup 1\n') // true
 */
export function looksLikeExposition(text: string): boolean {
  const first = /^\s*(.*)/.exec(text)?.[1] ?? '';
  const m = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*)( |$)(.*)/.exec(first);
  return !!m && (m[1] === 'HELP' || TYPES.has(m[4].trim()));
}

export function readExposition(text: string, file: string): MetricFile {
  const metrics: Metric[] = [];
  const typed = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i].replace(/\r$/, '');
    const body = raw.replace(/^[ \t]+/, '');
    if (body === '') continue;
    if (body.startsWith('#')) {
      checkComment(body, typed, file, line);
      continue;
    }
    const sample = parseSample(body, file, line);
    metrics.push({ name: sample.name, value: sample.value, file, line });
  }
  return { file, format: 'prometheus', metrics, aliases: {} };
}

/** `# TYPE` must name a known type, once per metric family (expfmt refuses a second TYPE line). */
function checkComment(body: string, typed: Map<string, number>, file: string, line: number): void {
  const m = /^#[ \t]+TYPE[ \t]+(\S+)(?:[ \t]+(\S+))?[ \t]*$/.exec(body);
  if (!m) return;
  const [, name, type] = m;
  if (!NAME.test(name) || NAME.exec(name)?.[0] !== name) throw bad(`invalid metric name '${name}' in a TYPE line`);
  if (!type || !TYPES.has(type)) {
    throw bad(`unknown metric type '${type ?? ''}' for ${name}; expected ${[...TYPES].join(', ')}`);
  }
  const first = typed.get(name);
  if (first !== undefined) throw bad(`second TYPE line for ${name} (the first is line ${first})`);
  typed.set(name, line);

  function bad(message: string) {
    return new UserError(`Prometheus exposition: ${message}`, file, line);
  }
}

/** One sample line: `name{labels} value [timestamp] [# exemplar]`. */
function parseSample(body: string, file: string, line: number): { name: string; value: number } {
  const fail = (message: string, at: number): never => {
    throw new UserError(`Prometheus exposition: ${message}`, file, line, at + 1);
  };
  let pos = 0;
  const name = NAME.exec(body)?.[0];
  if (!name) {
    if (body.startsWith('{')) fail('a metric name inside the braces (UTF-8 names) is not supported', 0);
    fail(`expected a metric name, got ${JSON.stringify(body.slice(0, 20))}`, 0);
  }
  pos = (name as string).length;
  pos = skipBlank(body, pos);
  const labels: [string, string][] = [];
  if (body[pos] === '{') {
    pos = parseLabels(body, pos + 1, labels, fail);
    pos = skipBlank(body, pos);
  }
  const rest = body.slice(pos);
  const m = /^(\S+)(?:[ \t]+([^\s#]+))?[ \t]*(#.*)?$/.exec(rest);
  if (!m || (m[3] !== undefined && !/^#[ \t]*\{/.test(m[3]))) {
    fail(
      `expected a value (and an optional timestamp) after the series, got ${JSON.stringify(rest.slice(0, 30))}`,
      pos,
    );
  }
  const [, valueText, timestamp] = m as RegExpExecArray;
  const value = parseNumberText(valueText);
  if (value === undefined) {
    fail(`value ${JSON.stringify(valueText.slice(0, 30))} is not a number`, pos);
  }
  if (timestamp !== undefined && parseNumberText(timestamp) === undefined) {
    fail(`timestamp ${JSON.stringify(timestamp.slice(0, 30))} is not a number`, pos + rest.indexOf(timestamp, 1));
  }
  return { name: seriesName(name as string, labels), value: value as number };
}

function parseLabels(
  body: string,
  start: number,
  labels: [string, string][],
  fail: (message: string, at: number) => never,
): number {
  let pos = skipBlank(body, start);
  while (body[pos] !== '}') {
    if (pos >= body.length) fail('unclosed label set: expected }', pos);
    const label = LABEL_NAME.exec(body.slice(pos))?.[0];
    if (!label) fail(`expected a label name, got ${JSON.stringify(body.slice(pos, pos + 20))}`, pos);
    const at = pos;
    pos = skipBlank(body, pos + (label as string).length);
    if (body[pos] !== '=') fail(`expected = after label ${label}`, pos);
    pos = skipBlank(body, pos + 1);
    if (body[pos] !== '"') fail(`expected a quoted value for label ${label}`, pos);
    let value = '';
    for (pos++; ; pos++) {
      if (pos >= body.length) fail(`unterminated value of label ${label}`, pos);
      const c = body[pos];
      if (c === '"') break;
      if (c !== '\\') {
        value += c;
        continue;
      }
      const next = body[++pos];
      if (next === '\\' || next === '"') value += next;
      else if (next === 'n') value += '\n';
      else fail(`invalid escape \\${next ?? ''} in the value of label ${label}`, pos - 1);
    }
    if (labels.some(([n]) => n === label)) fail(`label ${label} is written twice in one series`, at);
    labels.push([label as string, value]);
    pos = skipBlank(body, pos + 1);
    if (body[pos] === ',') pos = skipBlank(body, pos + 1);
    else if (body[pos] !== '}') fail(`expected , or } after the value of label ${label}`, pos);
  }
  return pos + 1;
}

function skipBlank(text: string, pos: number): number {
  while (text[pos] === ' ' || text[pos] === '\t') pos++;
  return pos;
}

/**
 * The name a rule uses for a series: the metric name alone, or with its labels sorted by name and
 * their values in the format's escaping.
 *
 * @example
 * seriesName('http_requests_total', [['path', '/a'], ['code', '200']]) // 'http_requests_total{code="200",path="/a"}'
 */
export function seriesName(name: string, labels: [string, string][]): string {
  if (labels.length === 0) return name;
  const sorted = [...labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return `${name}{${sorted.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}`;
}
