/**
 * Prometheus as a metrics source of `gate` and `validate`: every query of `prometheus-queries` must
 * give exactly one sample (a scalar, or a vector of one series) that is a finite number and fresh.
 * The values become one MetricFile, next to the metrics files, so thresholds, baselines (files or
 * `registry:`) and the summary treat them like any other metric.
 *
 * Freshness: Prometheus stamps an instant query's answer with the time it evaluated it, whatever
 * the age of the data, so each vector query is also asked as `timestamp(<query>)`, which gives the
 * time of the samples a selector read (a recording rule, a gauge, `x offset 1h`) and the evaluation
 * time for a computed expression, whose window (`rate(x[15m])`) bounds its data's age anyway. The
 * oldest of those times, and the answer's own stamp (a cache, a skewed clock), must be within
 * `prometheus-max-age` of now.
 *
 * Fail closed: an HTTP or PromQL error, no series, several series, NaN or ±Inf, a stale sample —
 * each is an error naming the query (its file and line, or the input's line), never a pass.
 */
import { formatLocation, OperationalError, UserError, type Location } from '../errors.js';
import { lookupMetric } from '../metrics/lookup.js';
import type { Metric, MetricFile } from '../metrics/types.js';
import { formatNumber } from '../report/format.js';
import { oneLine } from '../secrets.js';
import type { SummaryBlock } from '../report/result.js';
import { instantQuery, type Answer, type QueryOptions } from './client.js';
import { formatDuration } from './duration.js';
import { loadQueries, type PromQuery } from './queries.js';

/** Where the gate and validate stages query production metrics (src/prometheus/). */
export interface PrometheusSettings {
  /** Base URL of the HTTP API (http or https), without user info: the action adds `/api/v1/query`. */
  url: string;
  /**
   * The `Authorization` header: `Bearer <prometheus-token>`, `Basic <…>` from the URL's user info,
   * or '' for none. A secret: never logged.
   */
  authorization: string;
  /** Inline YAML/JSON, or the path of a `.yml`/`.yaml`/`.json` file: metric name → PromQL. */
  queries: string;
  /** A sample older than this fails (stale). */
  maxAgeMs: number;
}

/** The `file` of metrics that come from inline queries (they have no file of their own). */
export const INLINE_QUERIES = "input 'prometheus-queries'";

/** Queries in flight at once. */
const PARALLEL = 4;
/** Every query of a run, and its freshness check, within this (each request also has its own timeout). */
const DEADLINE_MS = 120_000;

/** One value read from Prometheus, for the summary and the report. */
export interface QueriedValue {
  name: string;
  query: string;
  value: number;
  /** When the data was taken (ISO 8601): the oldest sample time the freshness check saw. */
  time: string;
  /** Age of the data when it was read, in milliseconds. */
  age_ms: number;
}

export interface PrometheusRead {
  /** Every value, as one metrics source: `file` is the queries file, or INLINE_QUERIES. */
  file: MetricFile;
  values: QueriedValue[];
}

type Problem = Location & { message: string; kind: 'user' | 'operational'; name: string };
type Outcome = { ok: true; metric: Metric; value: QueriedValue } | { ok: false; problem: Problem };

/** Runs every query; throws one error listing every query that did not give a usable value. */
export async function readPrometheusMetrics(
  s: PrometheusSettings,
  options: QueryOptions & { now?: () => number; deadlineMs?: number } = {},
): Promise<PrometheusRead> {
  const { file, queries } = await loadQueries(s.queries);
  const label = file ?? INLINE_QUERIES;
  const ms = options.deadlineMs ?? DEADLINE_MS;
  const deadline = { signal: AbortSignal.timeout(ms), ms };
  const outcomes = await mapLimit(queries, PARALLEL, (q) => queryOne(s, q, label, { deadline, ...options }));
  const problems = outcomes.flatMap((o) => (o.ok ? [] : [o.problem]));
  if (problems.length > 0) throw combine(problems);
  const ok = outcomes.filter((o): o is Extract<Outcome, { ok: true }> => o.ok);
  return {
    file: { file: label, format: 'prometheus-query', metrics: ok.map((o) => o.metric), aliases: {} },
    values: ok.map((o) => o.value),
  };
}

async function queryOne(
  s: PrometheusSettings,
  q: PromQuery,
  label: string,
  options: QueryOptions & { now?: () => number },
): Promise<Outcome> {
  const now = options.now ?? Date.now;
  const fail = (kind: Problem['kind'], message: string): Outcome => ({
    ok: false,
    problem: { ...q.at, kind, name: q.name, message: `Prometheus query '${q.name}' ${message}` },
  });
  const answer = await instantQuery(s, q.query, options);
  if (!answer.ok) return fail(answer.kind, `failed: ${answer.message}`);
  const { samples } = answer;
  if (samples.length === 0) {
    return fail(
      'user',
      'returned no series: there is no data for it now (is the target scraped? did the window see any traffic?)',
    );
  }
  if (samples.length > 1) {
    const shown = samples.slice(0, 3).map((x) => labelText(x.labels));
    const more = samples.length > 3 ? `, … ${samples.length - 3} more` : '';
    return fail(
      'user',
      `returned ${samples.length} series (${shown.join(', ')}${more}): a rule needs one number; ` +
        'aggregate them (sum, avg, max, …) or select one series by its labels',
    );
  }
  const [sample] = samples;
  if (Number.isNaN(sample.value)) {
    return fail(
      'user',
      'gave NaN, not a number: typically 0/0, e.g. no requests or no labelled feedback in the window',
    );
  }
  if (!Number.isFinite(sample.value)) {
    return fail(
      'user',
      `gave ${sample.value > 0 ? '+Inf' : '-Inf'}, not a finite number: typically a division by zero`,
    );
  }
  const stamped = checkAge(sample.time, now(), s.maxAgeMs);
  if (stamped)
    return fail('user', `has an answer stamped ${stamped}: a cached or delayed answer, or a clock that is off`);

  // The data's own time, where Prometheus can tell it (see the file comment).
  let dataTime = sample.time;
  if (answer.resultType === 'vector') {
    const probe: Answer = await instantQuery(s, `timestamp(\n${q.query}\n)`, options);
    if (!probe.ok) return fail(probe.kind, `could not be checked for freshness with timestamp(): ${probe.message}`);
    if (probe.samples.length === 0) return fail('user', 'has no sample any more (checked with timestamp())');
    dataTime = Math.min(...probe.samples.map((p) => p.value));
    const stale = checkAge(dataTime, now(), s.maxAgeMs);
    if (stale) return fail('user', `is stale: its newest sample was taken ${stale} (is the target still scraped?)`);
  }
  const age = Math.max(0, now() - dataTime * 1000);
  return {
    ok: true,
    metric: { name: q.name, value: sample.value, file: label, line: q.at.line },
    value: { name: q.name, query: q.query, value: sample.value, time: isoTime(dataTime), age_ms: Math.round(age) },
  };
}

/**
 * '' when `seconds` is within `maxAgeMs` of `nowMs` (either way), else how far off it is.
 *
 * @example
 * checkAge(1000, 4_600_000, 900_000) // '1h ago (1970-01-01T00:16:40.000Z), more than prometheus-max-age (15m)'
 */
function checkAge(seconds: number, nowMs: number, maxAgeMs: number): string {
  if (!Number.isFinite(seconds)) return 'at an invalid time';
  const age = nowMs - seconds * 1000;
  const limit = `prometheus-max-age (${formatDuration(maxAgeMs)})`;
  if (age > maxAgeMs) return `${formatDuration(age)} ago (${isoTime(seconds)}), more than ${limit}`;
  if (-age > maxAgeMs) return `${formatDuration(-age)} in the future (${isoTime(seconds)}), more than ${limit}`;
  return '';
}

function isoTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  return Number.isNaN(d.getTime()) ? String(seconds) : d.toISOString();
}

/** `{job="api",instance="a:9100"}` as PromQL writes a label set. */
function labelText(labels: Record<string, string>): string {
  const text = `{${Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',')}}`;
  return text.length > 120 ? `${text.slice(0, 119)}…}` : text;
}

/**
 * A failure outside the input (the server) makes the whole error operational, with the queries it
 * hit; otherwise one UserError at the first query, every other problem on its own line.
 */
function combine(problems: Problem[]): Error {
  const operational = problems.filter((p) => p.kind === 'operational');
  if (operational.length === 0) return UserError.combine(problems);
  // One server failure usually hits every query: said once, with the queries it hit.
  const byMessage = new Map<string, string[]>();
  for (const p of operational) {
    const reason = p.message.replace(`Prometheus query '${p.name}' `, '');
    byMessage.set(reason, [...(byMessage.get(reason) ?? []), p.name]);
  }
  const lines = [...byMessage].map(
    ([reason, names]) =>
      `Prometheus ${names.length === 1 ? 'query' : 'queries'} ${names.map((n) => `'${n}'`).join(', ')} ${reason}`,
  );
  for (const p of problems.filter((x) => x.kind === 'user')) {
    lines.push(`${formatLocation(p) ? `${formatLocation(p)}: ` : ''}${p.message}`);
  }
  return new OperationalError(lines.join('\n'));
}

/**
 * The files' metrics and Prometheus' values together, Prometheus last. A query named like a metric
 * of a file is refused: two values for one name, and which one a rule meant is a guess.
 */
export function joinPrometheus(files: MetricFile[], read: PrometheusRead | undefined): MetricFile[] {
  if (!read) return files;
  const clashes = read.file.metrics.flatMap((m) => {
    const other = lookupMetric(files, m.name);
    return other ? [{ m, other }] : [];
  });
  if (clashes.length > 0) {
    throw UserError.combine(
      clashes.map(({ m, other }) => ({
        message:
          `query '${m.name}' has the name of a metric of ${formatLocation({ file: other.file, line: other.line })}: ` +
          'which value a rule means is ambiguous; rename the query',
        ...queryLocation(m),
      })),
    );
  }
  return [...files, read.file];
}

/**
 * Where a metric read from Prometheus was asked for: the queries file's line, or the input's line
 * for inline queries. Metrics of files are returned as they are.
 *
 * @example
 * queryLocation({ name: 'error_rate', value: 0.01, file: INLINE_QUERIES, line: 2 })
 * // { input: 'prometheus-queries', line: 2 }
 */
export function queryLocation(m: { file?: string; line?: number }): Location {
  return m.file === INLINE_QUERIES ? { input: 'prometheus-queries', line: m.line } : { file: m.file, line: m.line };
}

/** The summary's table of queried values: which query each value came from, and how old its data was. */
export function prometheusSummary(read: PrometheusRead): SummaryBlock[] {
  const rows = read.values.map((v) => [
    v.name,
    oneLine(v.query, 300),
    formatNumber(v.value),
    `${formatDuration(v.age_ms)} (${v.time})`,
  ]);
  return [
    { kind: 'heading', level: 3, text: `Production metrics from Prometheus (${read.file.file})` },
    { kind: 'table', header: ['Metric', 'PromQL', 'Value', 'Data age'], rows },
  ];
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
