/**
 * The `prometheus-queries` input: inline YAML/JSON or the path of a `.yml`/`.yaml`/`.json` file,
 * read by the project's configuration reader (tree/config.ts: lines kept, a repeated key refused).
 * Each key is the metric name rules use; its value is one PromQL instant query:
 *
 *   error_rate: sum(rate(http_errors_total[15m])) / sum(rate(http_requests_total[15m]))
 *   latency_p95_seconds: >-
 *     histogram_quantile(0.95, sum by (le) (rate(predict_latency_seconds_bucket[15m])))
 */
import { Inputs } from '../constants.js';
import { UserError, type Location } from '../errors.js';
import { configLocation, parseConfig, readInlineOrFile } from '../tree/config.js';

/** Queries of one run at most: each is a request to production. */
export const MAX_QUERIES = 50;
/** Characters of one query at most. */
export const MAX_QUERY_CHARS = 8000;

export interface PromQuery {
  /** The metric name rules use. */
  name: string;
  query: string;
  /** Where the query is written: the queries file and line, or the input and line. */
  at: Location;
}

export interface QuerySet {
  /** The queries file; undefined when the queries are inline. */
  file?: string;
  queries: PromQuery[];
}

export async function loadQueries(input: string): Promise<QuerySet> {
  const { text, file } = await readInlineOrFile(input, Inputs.PrometheusQueries);
  return { file, queries: await parseQueries(text, file) };
}

/**
 * @example
 * await parseQueries('error_rate: sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))')
 * // [{ name: 'error_rate', query: 'sum(rate(errors_total[5m])) / …', at: { input: 'prometheus-queries', line: 1 } }]
 */
export async function parseQueries(text: string, file?: string): Promise<PromQuery[]> {
  const src = { file, label: 'prometheus-queries' };
  const root = await parseConfig(text, {
    ...src,
    expected:
      'a mapping of metric names to PromQL queries, e.g. error_rate: sum(rate(errors_total[15m])) / sum(rate(requests_total[15m]))',
    hint: (t) =>
      /\s#/.test(t)
        ? ' (a # after a space starts a YAML comment: quote the query, or write it as a block with >-)'
        : '',
  });
  if (root.entries.length > MAX_QUERIES) {
    throw new UserError(
      `${root.entries.length} queries; at most ${MAX_QUERIES} (each is a request to Prometheus)`,
      configLocation(src, root.entries[MAX_QUERIES].line),
    );
  }
  return root.entries.map(({ key, line, value }) => {
    const at = configLocation(src, line);
    // eslint-disable-next-line no-control-regex
    if (key.trim() === '' || /[\u0000-\u001f\u007f]/.test(key) || key.length > 200) {
      throw new UserError('a query needs a metric name of 1 to 200 printable characters', at);
    }
    const query = value.kind === 'scalar' && typeof value.value === 'string' ? value.value.trim() : undefined;
    if (!query) {
      throw new UserError(
        `query for '${key}' must be a PromQL expression (text), e.g. sum(rate(errors_total[15m]))`,
        at,
      );
    }
    if (query.length > MAX_QUERY_CHARS) {
      throw new UserError(`query for '${key}' is ${query.length} characters; at most ${MAX_QUERY_CHARS}`, at);
    }
    return { name: key, query, at };
  });
}
