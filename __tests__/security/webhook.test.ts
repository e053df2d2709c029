/**
 * The webhook URL is a secret. The built action posts to a real local server that misbehaves in
 * every way tried (echoing the path, the URL in other cases and encodings, the headers; redirects;
 * huge and slow replies): no piece of the URL may reach stdout (but the runner's own `add-mask`
 * commands), stderr, the summary, the outputs, the report or the notification.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROOT, runActionAsync, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { everythingWritten } from './helpers.js';

type Behaviour = (req: IncomingMessage, res: ServerResponse, url: string) => void;

let server: Server;
let other: Server;
let base: string;
let otherBase: string;
let behaviour: Behaviour;
let received: { path: string; body: string }[] = [];
let otherReceived: string[] = [];

const TOKEN = 'Zq9TokenXy7Wv3AbCdEf';
const PATH = `/services/T0SECRET1/B0SECRET2/${TOKEN}`;

function listen(s: Server): Promise<string> {
  return new Promise((done) =>
    s.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body });
      behaviour(req, res, `${base}${req.url}`);
    });
  });
  other = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      otherReceived.push(body);
      res.end('ok');
    });
  });
  base = await listen(server);
  otherBase = await listen(other);
});
afterAll(async () => {
  server.closeAllConnections();
  other.closeAllConnections();
  await new Promise((done) => server.close(done));
  await new Promise((done) => other.close(done));
});
beforeEach(() => {
  received = [];
  otherReceived = [];
});

const failing = { stage: 'gate', metrics: 'examples/reports/regressed-metrics.json', thresholds: 'accuracy: ">= 0.9"' };

async function notifyWith(b: Behaviour, inputs: Record<string, string> = failing): Promise<ActionRun> {
  behaviour = b;
  return runActionAsync({ ...inputs, 'notify-webhook': `${base}${PATH}` }, ROOT, {}, { timeoutMs: 30_000 });
}

/** No piece of the URL anywhere the run wrote, in any case; nor in what the servers received. */
function expectNoSecret(run: ActionRun): void {
  expect(run.timedOut).toBe(false);
  const written = everythingWritten(run)
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
    .toLowerCase();
  for (const piece of [TOKEN, PATH, 'T0SECRET1', 'B0SECRET2', encodeURIComponent(PATH)]) {
    expect(written).not.toContain(piece.toLowerCase());
  }
  for (const { body } of received) expect(body.toLowerCase()).not.toContain(TOKEN.toLowerCase());
}

const notSent = (run: ActionRun) =>
  run.warnings.map((w) => w.data).filter((d) => d.startsWith('notification not sent'));

test('the URL, its path and its token are masked before anything runs', async () => {
  const run = await notifyWith((_req, res) => res.end('ok'));
  expectNoSecret(run);
  const masks = run.commands.filter((c) => c.command === 'add-mask').map((c) => c.data);
  expect(masks).toEqual(
    expect.arrayContaining([`${base}${PATH}`, PATH, TOKEN, TOKEN.toLowerCase(), PATH.toLowerCase()]),
  );
  // Masked first: no line of the run comes before the masks.
  expect(run.stdout.startsWith('::add-mask::')).toBe(true);
  expect(received).toHaveLength(1);
});

test.each<[string, Behaviour]>([
  ['echoes the path, as relays do', (req, res) => res.writeHead(404).end(`Cannot POST ${req.url}`)],
  ['echoes the URL', (_req, res, url) => res.writeHead(500).end(`bad hook ${url}`)],
  ['echoes the URL lower-cased', (_req, res, url) => res.writeHead(500).end(`error at ${url.toLowerCase()}`)],
  ['echoes the URL upper-cased', (_req, res, url) => res.writeHead(500).end(url.toUpperCase())],
  ['echoes the URL encoded', (_req, res, url) => res.writeHead(400).end(`url=${encodeURIComponent(url)}`)],
  ['echoes the token alone', (_req, res) => res.writeHead(403).end(TOKEN.toLowerCase())],
  [
    'echoes the request line and headers',
    (req, res) => res.writeHead(400).end(JSON.stringify({ line: `${req.method} ${req.url}`, headers: req.headers })),
  ],
])('a server that %s: a warning without any of it', async (_name, b) => {
  const run = await notifyWith(b);
  expectNoSecret(run);
  expect(run.code).toBe(1);
  expect(notSent(run)).toEqual([
    expect.stringMatching(/^notification not sent: the webhook answered HTTP \d{3} \(the verdict is unchanged\)$/),
  ]);
});

test('a redirect to another origin is not followed: the payload never reaches it', async () => {
  for (const status of [301, 302, 307, 308]) {
    const run = await notifyWith((_req, res) =>
      res.writeHead(status, { location: `${otherBase}/collect${PATH}` }).end(),
    );
    expectNoSecret(run);
    expect(notSent(run)[0]).toContain(`HTTP ${status}, a redirect to another address; not followed`);
  }
  expect(otherReceived).toEqual([]);
});

test('a redirect within the same origin is followed, and a redirect loop ends', async () => {
  const delivered = await notifyWith((req, res) =>
    req.url === '/moved' ? res.end('ok') : res.writeHead(308, { location: '/moved' }).end(),
  );
  expectNoSecret(delivered);
  expect(notSent(delivered)).toEqual([]);
  expect(received.map((r) => r.path)).toEqual([PATH, '/moved']);
  expect(JSON.parse(received[1].body).text).toBe('ml-quality-gate gate: failed');

  received = [];
  const loop = await notifyWith((_req, res) => res.writeHead(307, { location: `${PATH}?n=${received.length}` }).end());
  expectNoSecret(loop);
  expect(notSent(loop)).toEqual([expect.stringContaining('redirected more than 3 times')]);
  expect(received).toHaveLength(4);
});

test('an endless reply is not read to the end: the run reports the status at once', async () => {
  const run = await notifyWith((_req, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, `${PATH} `);
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  });
  expectNoSecret(run);
  expect(notSent(run)).toEqual(['notification not sent: the webhook answered HTTP 500 (the verdict is unchanged)']);
});

test('a reply that trickles forever ends at the timeout, with a warning', async () => {
  const run = await notifyWith((_req, res) => {
    res.writeHead(200);
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(PATH)), 100);
    res.on('close', () => clearInterval(timer));
  });
  expectNoSecret(run);
  expect(run.code).toBe(1);
  expect(notSent(run)).toEqual([
    'notification not sent: the webhook did not answer within 5000 ms (the verdict is unchanged)',
  ]);
});

test('with notify-on: failure, a run stopped by bad settings notifies too', async () => {
  const run = await notifyWith((_req, res) => res.end('ok'), { stage: 'gate', thresholds: 'accuracy: ">= 0.9"' });
  expectNoSecret(run);
  expect(run.code).toBe(1);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0].data).toMatch(/^input 'metrics' is required for stage 'gate'/);
  expect(received).toHaveLength(1);
  expect(JSON.parse(received[0].body).text).toBe('ml-quality-gate gate: could not run');
  expect(received[0].body).toContain("input 'metrics' is required for stage 'gate'");
});

test('a wrong notify-on is reported, and the failure is still notified (notify-on defaults to failure)', async () => {
  const run = await notifyWith((_req, res) => res.end('ok'), { ...failing, 'notify-on': 'sometimes' });
  expectNoSecret(run);
  expect(run.errors.map((e) => e.data)).toEqual([
    "input 'notify-on' must be one of failure, always, never; got 'sometimes'",
  ]);
  expect(received).toHaveLength(1);
});
