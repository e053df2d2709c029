/**
 * Instant queries against the Prometheus HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/#instant-queries),
 * as Prometheus, Thanos, Mimir, VictoriaMetrics and Grafana Cloud serve it: `POST <base>/api/v1/query`
 * with a form body, evaluated at the server's current time. Never throws: every failure is returned
 * with its kind, `user` (the query or the credentials are wrong) or `operational` (the server could
 * not answer), and a message that names neither the query (the caller does) nor any secret: text
 * from the server is scrubbed of the credentials, cut short and stripped of control characters.
 * Time and memory are bounded: one timeout covers the whole exchange, the body is read up to a cap,
 * and a redirect is not followed (it could carry the credentials elsewhere).
 */
import { debug, reason } from '../debug.js';
import { parseNumberText } from '../data/number.js';
import { oneLine } from '../secrets.js';

export interface Target {
  /** Base URL, without user info (settings/prometheus.ts). */
  url: string;
  /** `Authorization` header value, or ''. */
  authorization: string;
}

export interface QueryOptions {
  /** The whole exchange; default 20 s. */
  timeoutMs?: number;
  /** Largest answer read; default 1 MiB (a one-series answer is a few hundred bytes). */
  maxBytes?: number;
  /** A deadline over several queries (its signal and length): when it fires, the query stops too. */
  deadline?: { signal: AbortSignal; ms: number };
}

/** One sample: its labels (`{}` for a scalar) and value, stamped with the time Prometheus gave it. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
  /** Seconds since the epoch, as Prometheus returns it. */
  time: number;
}

export type Answer =
  | { ok: true; resultType: 'scalar' | 'vector'; samples: Sample[] }
  | { ok: false; kind: 'user' | 'operational'; message: string };

const MAX_ERROR_CHARS = 300;

/**
 * Evaluates `promql` now. A vector comes back as its samples (any number: the caller decides how
 * many it accepts); a scalar as one sample with no labels; a range vector or a string is refused.
 *
 * @example
 * await instantQuery({ url: 'http://127.0.0.1:9090/', authorization: '' }, 'sum(up)')
 * // { ok: true, resultType: 'vector', samples: [{ labels: {}, value: 3, time: 1764500000.123 }] }
 */
export async function instantQuery(target: Target, promql: string, options: QueryOptions = {}): Promise<Answer> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const secrets = target.authorization ? [target.authorization, target.authorization.replace(/^\S+\s+/, '')] : [];
  const user = (message: string): Answer => ({ ok: false, kind: 'user', message });
  const operational = (message: string): Answer => ({ ok: false, kind: 'operational', message });
  const endpoint = new URL('api/v1/query', target.url.endsWith('/') ? target.url : `${target.url}/`);
  const signal = options.deadline
    ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.deadline.signal])
    : AbortSignal.timeout(timeoutMs);

  let status: number;
  let text: string;
  try {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    };
    if (target.authorization) headers.authorization = target.authorization;
    const res = await fetch(endpoint, {
      method: 'POST',
      headers,
      body: new URLSearchParams({ query: promql }).toString(),
      redirect: 'manual',
      signal,
    });
    status = res.status;
    const body = await readCapped(res, maxBytes);
    if (body === undefined) {
      return operational(`the answer of Prometheus is over ${Math.round(maxBytes / 1024)} KiB, the limit`);
    }
    text = body;
  } catch (e) {
    if (options.deadline?.signal.aborted) {
      return operational(`stopped: the queries together took longer than ${options.deadline.ms / 1000} s`);
    }
    return operational(describeFailure(e, timeoutMs, endpoint));
  }

  if (status >= 300 && status < 400) {
    return user(
      `Prometheus answered with a redirect (HTTP ${status}), which is not followed: give the final address as 'prometheus-url'`,
    );
  }
  if (status === 401 || status === 403) {
    return user(
      `Prometheus refused the credentials (HTTP ${status}): check 'prometheus-token' (or the user and password in 'prometheus-url')`,
    );
  }
  if (status === 404) {
    return user(
      `no Prometheus query API at ${endpoint.origin}${endpoint.pathname} (HTTP 404): 'prometheus-url' must be the base URL ` +
        'the API is under (the action adds /api/v1/query)',
    );
  }
  const json = parseJson(text);
  const reported = json && typeof json === 'object' ? (json as Record<string, unknown>) : undefined;
  if (reported?.status === 'error') {
    const kind = String(reported.errorType ?? '');
    const why = `${kind ? `${oneLine(kind, 40)}: ` : ''}${oneLine(String(reported.error ?? ''), MAX_ERROR_CHARS, secrets)}`;
    // bad_data: the query does not parse; execution: it cannot be evaluated (e.g. many-to-many matching).
    if (kind === 'bad_data' || kind === 'execution' || status === 400 || status === 422) {
      return user(`Prometheus refused the query (HTTP ${status}, ${why})`);
    }
    return operational(`Prometheus could not evaluate the query (HTTP ${status}, ${why})`);
  }
  if (status < 200 || status >= 300) {
    const shown = oneLine(text, MAX_ERROR_CHARS, secrets);
    return operational(`Prometheus answered HTTP ${status}${shown ? `: ${shown}` : ''}`);
  }
  if (!reported || reported.status !== 'success') {
    return operational(
      `the answer is not a Prometheus API answer (JSON with "status": "success"): ${oneLine(text, 80, secrets)}`,
    );
  }
  const warnings = Array.isArray(reported.warnings) ? reported.warnings : [];
  if (warnings.length > 0) {
    return operational(
      `Prometheus answered with ${warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`}, so the result may ` +
        `be partial: ${oneLine(warnings.map(String).join('; '), MAX_ERROR_CHARS, secrets)}`,
    );
  }
  return readData(reported.data, user, operational);
}

/** The `data` of a successful answer as samples. */
function readData(data: unknown, user: (m: string) => Answer, operational: (m: string) => Answer): Answer {
  const d = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const type = d.resultType;
  if (type === 'matrix') {
    return user(
      'the query gives a range vector (a selector with [range]): use an instant expression, e.g. rate(x[5m]) or avg_over_time(x[5m])',
    );
  }
  if (type === 'string') return user('the query gives a string, not a number');
  if (type === 'scalar') {
    const sample = readPoint(d.result, {});
    return sample
      ? { ok: true, resultType: 'scalar', samples: [sample] }
      : operational('the scalar in the answer is malformed');
  }
  if (type !== 'vector' || !Array.isArray(d.result)) return operational(`the answer has an unknown result type`);
  const samples: Sample[] = [];
  for (const item of d.result) {
    const series = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const labels = readLabels(series.metric);
    if ('histogram' in series && !('value' in series)) {
      return user(
        'the query gives a native histogram, not a number: use histogram_quantile(), histogram_count() or histogram_sum()',
      );
    }
    const sample = labels && readPoint(series.value, labels);
    if (!sample) return operational('a sample in the answer is malformed');
    samples.push(sample);
  }
  return { ok: true, resultType: 'vector', samples };
}

/** `[<seconds>, "<value>"]`, the value as Prometheus writes floats ("0.93", "NaN", "+Inf"). */
function readPoint(point: unknown, labels: Record<string, string>): Sample | undefined {
  if (!Array.isArray(point) || point.length !== 2) return undefined;
  const [time, text] = point;
  if (typeof time !== 'number' || !Number.isFinite(time) || typeof text !== 'string') return undefined;
  const value = parseNumberText(text);
  return value === undefined ? undefined : { labels, value, time };
}

function readLabels(metric: unknown): Record<string, string> | undefined {
  if (metric === undefined) return {};
  if (!metric || typeof metric !== 'object' || Array.isArray(metric)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(metric)) {
    if (typeof v !== 'string') return undefined;
    out[k] = v;
  }
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON is an answer: the caller says what the reply should have been.
    return undefined;
  }
}

/** The body as text, or undefined when it is longer than `maxBytes` (reading stops there). */
async function readCapped(res: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch((e) => debug(`cancelling an oversized Prometheus reply failed: ${reason(e)}`));
    return undefined;
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch((e) => debug(`cancelling an oversized Prometheus reply failed: ${reason(e)}`));
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** From the error's kind only: fetch's own messages may repeat the URL. */
function describeFailure(e: unknown, timeoutMs: number, endpoint: URL): string {
  const name = (e as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `Prometheus at ${endpoint.origin} did not answer within ${timeoutMs / 1000} s`;
  }
  const cause = (e as { cause?: { code?: unknown } })?.cause;
  const code =
    typeof cause?.code === 'string' && /^[A-Z_]+$/.test(cause.code)
      ? cause.code
      : (cause as { message?: unknown })?.message === 'bad port'
        ? 'a port fetch refuses to use'
        : '';
  return `Prometheus at ${endpoint.origin} could not be reached${code ? ` (${code})` : ''}`;
}
