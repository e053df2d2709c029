/**
 * The Prometheus client and source against a local HTTP server that answers as a Prometheus API
 * would, or as a broken or hostile one: what a real Prometheus cannot be made to answer (a redirect,
 * a huge body, warnings, a reply that never ends, an echoed token). Each answer gives a clear error
 * naming the query, and the token never shows; the real server is in __tests__/integration/prometheus.test.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OperationalError, UserError } from '../../src/errors.js';
import { instantQuery } from '../../src/prometheus/client.js';
import { INLINE_QUERIES, joinPrometheus, readPrometheusMetrics } from '../../src/prometheus/source.js';
import type { PrometheusSettings } from '../../src/settings/prometheus.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

let server: Server;
let base = '';
let handler: Handler = () => undefined;
const sockets = new Set<import('node:net').Socket>();
const requests: { auth: string | undefined; query: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      requests.push({ auth: req.headers.authorization, query: new URLSearchParams(body).get('query') ?? '' });
      handler(req, body, res);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prom/`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests.length = 0;
});

const NOW = 1_764_500_000;
const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const vector = (samples: [Record<string, string>, number, string][]) => ({
  status: 'success',
  data: { resultType: 'vector', result: samples.map(([metric, t, v]) => ({ metric, value: [t, v] })) },
});
/** Answers the query and its timestamp() probe: value `v` stamped now, data taken at `dataTime`. */
const fresh =
  (v: string, dataTime = NOW - 5): Handler =>
  (_req, body, res) => {
    const q = new URLSearchParams(body).get('query') ?? '';
    json(
      res,
      200,
      q.startsWith('timestamp(') ? vector([[{}, NOW, String(dataTime)]]) : vector([[{ job: 'api' }, NOW, v]]),
    );
  };

const settings = (queries: string, extra: Partial<PrometheusSettings> = {}): PrometheusSettings => ({
  url: base,
  authorization: 'Bearer s3cret-token-value',
  queries,
  maxAgeMs: 15 * 60_000,
  ...extra,
});
const read = (queries: string, extra: Partial<PrometheusSettings> = {}, timeoutMs?: number) =>
  readPrometheusMetrics(settings(queries, extra), { now: () => NOW * 1000, timeoutMs });

async function failure(queries: string, extra: Partial<PrometheusSettings> = {}, timeoutMs?: number): Promise<Error> {
  try {
    await read(queries, extra, timeoutMs);
  } catch (e) {
    expect(String((e as Error).message)).not.toContain('s3cret-token-value');
    return e as Error;
  }
  throw new Error('expected the read to fail');
}

test('one fresh finite sample per query becomes a metric; the token is sent as a bearer, under the base path', async () => {
  handler = fresh('0.9312');
  const got = await read('accuracy: sum(rate(correct_total[15m])) / sum(rate(labelled_total[15m]))');
  expect(got.file).toMatchObject({ file: INLINE_QUERIES, format: 'prometheus-query' });
  expect(got.file.metrics).toEqual([{ name: 'accuracy', value: 0.9312, file: INLINE_QUERIES, line: 1 }]);
  expect(got.values).toEqual([
    expect.objectContaining({
      name: 'accuracy',
      value: 0.9312,
      age_ms: 5000,
      time: new Date((NOW - 5) * 1000).toISOString(),
    }),
  ]);
  expect(requests.map((r) => r.auth)).toEqual(['Bearer s3cret-token-value', 'Bearer s3cret-token-value']);
  expect(requests[1].query).toBe('timestamp(\nsum(rate(correct_total[15m])) / sum(rate(labelled_total[15m]))\n)');
});

test('a scalar answer needs no timestamp() probe', async () => {
  handler = (_req, _body, res) =>
    json(res, 200, { status: 'success', data: { resultType: 'scalar', result: [NOW, '3'] } });
  const got = await read('three: scalar(vector(3))');
  expect(got.file.metrics[0].value).toBe(3);
  expect(requests).toHaveLength(1);
});

describe('each failure names the query and fails closed', () => {
  test.each<[string, Handler, RegExp, typeof UserError | typeof OperationalError]>([
    ['no series', (_q, _b, res) => json(res, 200, vector([])), /query 'm' returned no series/, UserError],
    [
      'two series',
      (_q, _b, res) =>
        json(
          res,
          200,
          vector([
            [{ pod: 'a' }, NOW, '1'],
            [{ pod: 'b' }, NOW, '2'],
          ]),
        ),
      /query 'm' returned 2 series \(\{pod="a"\}, \{pod="b"\}\): a rule needs one number/,
      UserError,
    ],
    ['NaN', fresh('NaN'), /query 'm' gave NaN, not a number: typically 0\/0/, UserError],
    ['+Inf', fresh('+Inf'), /query 'm' gave \+Inf, not a finite number/, UserError],
    [
      'stale data',
      fresh('1', NOW - 3600),
      /query 'm' is stale: its newest sample was taken 1h ago .* more than prometheus-max-age \(15m\)/,
      UserError,
    ],
    [
      'an old answer',
      (_q, _b, res) => json(res, 200, vector([[{}, NOW - 7200, '1']])),
      /query 'm' has an answer stamped 2h ago .*a cached or delayed answer/,
      UserError,
    ],
    [
      'a PromQL syntax error',
      (_q, _b, res) =>
        json(res, 400, {
          status: 'error',
          errorType: 'bad_data',
          error: '1:7: parse error: unclosed left parenthesis',
        }),
      /query 'm' failed: Prometheus refused the query \(HTTP 400, bad_data: 1:7: parse error: unclosed left parenthesis\)/,
      UserError,
    ],
    [
      '401',
      (_q, _b, res) => res.writeHead(401).end('Unauthorized'),
      /refused the credentials \(HTTP 401\): check 'prometheus-token'/,
      UserError,
    ],
    [
      '404',
      (_q, _b, res) => res.writeHead(404).end('404 page not found'),
      /no Prometheus query API at .*\/prom\/api\/v1\/query \(HTTP 404\)/,
      UserError,
    ],
    [
      'a redirect',
      (_q, _b, res) => res.writeHead(302, { location: 'http://elsewhere.example/' }).end(),
      /redirect \(HTTP 302\), which is not followed/,
      UserError,
    ],
    [
      'a range vector',
      (_q, _b, res) => json(res, 200, { status: 'success', data: { resultType: 'matrix', result: [] } }),
      /range vector/,
      UserError,
    ],
    [
      'a native histogram',
      (_q, _b, res) =>
        json(res, 200, {
          status: 'success',
          data: { resultType: 'vector', result: [{ metric: {}, histogram: [NOW, {}] }] },
        }),
      /native histogram/,
      UserError,
    ],
    [
      'a warning (a partial answer)',
      (_q, _b, res) => json(res, 200, { ...vector([[{}, NOW, '1']]), warnings: ['store gateway 2 unreachable'] }),
      /quer(y|ies) 'm' failed: Prometheus answered with a warning, so the result may be partial: store gateway 2 unreachable/,
      OperationalError,
    ],
    [
      'HTTP 503',
      (_q, _b, res) => json(res, 503, { status: 'error', errorType: 'timeout', error: 'query timed out' }),
      /could not evaluate the query \(HTTP 503, timeout: query timed out\)/,
      OperationalError,
    ],
    [
      'not JSON',
      (_q, _b, res) => res.writeHead(200).end('<html>login</html>'),
      /not a Prometheus API answer/,
      OperationalError,
    ],
    [
      'a malformed value',
      (_q, _b, res) => json(res, 200, vector([[{}, NOW, 'many']])),
      /a sample in the answer is malformed/,
      OperationalError,
    ],
    [
      'a huge answer',
      (_q, _b, res) => res.writeHead(200).end('x'.repeat(2 * 1024 * 1024)),
      /over 1024 KiB, the limit/,
      OperationalError,
    ],
  ])('%s', async (_what, h, message, kind) => {
    handler = h;
    const err = await failure('m: sum(x)');
    expect(err).toBeInstanceOf(kind);
    expect(err.message).toMatch(message);
    if (kind === UserError) expect(err).toMatchObject({ input: 'prometheus-queries', line: 1 });
  });

  test('a server that never finishes its answer: the timeout', async () => {
    handler = (_req, _body, res) => res.writeHead(200).write('{"status":');
    const err = await failure('m: sum(x)', {}, 300);
    expect(err).toBeInstanceOf(OperationalError);
    expect(err.message).toMatch(
      /query 'm' failed: Prometheus at http:\/\/127\.0\.0\.1:\d+ did not answer within 0\.3 s/,
    );
  });

  test('a server that answers every query slowly: one deadline over them all', async () => {
    handler = (_req, body, res) => setTimeout(() => fresh('1')(_req, body, res), 400);
    let err: unknown;
    try {
      await readPrometheusMetrics(settings('a: sum(a)\nb: sum(b)\nc: sum(c)\nd: sum(d)\ne: sum(e)'), {
        now: () => NOW * 1000,
        deadlineMs: 600,
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OperationalError);
    expect((err as Error).message).toMatch(
      /^Prometheus quer(y|ies) .*'e'.* failed: stopped: the queries together took longer than 0\.6 s/m,
    );
  });

  test('a server that echoes the token: scrubbed from the message', async () => {
    handler = (req, _body, res) => res.writeHead(500).end(`bad header ${req.headers.authorization}`);
    const err = await failure('m: sum(x)');
    expect(err.message).toContain('HTTP 500: bad header ***');
  });

  test('an unreachable server: one line naming every query it stopped', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await failure('a: sum(x)\nb: sum(y)', { url: `http://127.0.0.1:${port}` });
    expect(err).toBeInstanceOf(OperationalError);
    expect(err.message).toBe(
      `Prometheus queries 'a', 'b' failed: Prometheus at http://127.0.0.1:${port} could not be reached (ECONNREFUSED)`,
    );
  });

  test('several problems are listed together, each at its line of the queries file', async () => {
    handler = (_req, body, res) => {
      const q = new URLSearchParams(body).get('query') ?? '';
      if (q.includes('empty')) return json(res, 200, vector([]));
      if (q.startsWith('timestamp(')) return json(res, 200, vector([[{}, NOW, String(NOW)]]));
      json(res, 200, vector([[{}, NOW, q.includes('nan') ? 'NaN' : '1']]));
    };
    const err = await failure('ok: sum(fine)\nfirst: sum(empty)\nsecond: sum(nan)');
    expect(err).toMatchObject({ line: 2 });
    expect(err.message.split('\n')).toEqual([
      expect.stringContaining("query 'first' returned no series"),
      expect.stringMatching(/^input 'prometheus-queries' line 3: Prometheus query 'second' gave NaN/),
    ]);
  });
});

test('instantQuery never throws, whatever the server does', async () => {
  handler = (req) => req.socket.destroy();
  const answer = await instantQuery({ url: base, authorization: '' }, 'up');
  expect(answer).toMatchObject({
    ok: false,
    kind: 'operational',
    message: expect.stringContaining('could not be reached'),
  });
});

test('a query named like a metric of a file is refused: which value a rule means would be a guess', async () => {
  handler = fresh('0.9');
  const got = await read('accuracy: sum(x)');
  const file = {
    file: 'metrics.json',
    format: 'json',
    metrics: [{ name: 'accuracy', value: 0.95, file: 'metrics.json', line: 2 }],
    aliases: {},
  };
  expect(() => joinPrometheus([file], got)).toThrow("query 'accuracy' has the name of a metric of metrics.json:2");
  expect(joinPrometheus([], got)).toEqual([got.file]);
});
