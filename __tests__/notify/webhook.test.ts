import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_REDIRECTS, MAX_RESPONSE_BYTES, notify } from '../../src/notify/webhook.js';
import { webhookSecrets } from '../../src/secrets.js';
import { slackMessage } from '../../src/notify/slack-message.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

let server: Server;
let handler: Handler;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  // A path like a real webhook's secret part, to check it never leaks.
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/s3cr3t-token`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const payload = slackMessage({
  stage: 'gate',
  verdict: 'failed',
  failures: ['auc 0.71 < 0.8'],
  runUrl: 'https://github.com/o/r/actions/runs/1',
});

test('posts the JSON payload', async () => {
  let received: { method?: string; type?: string; path?: string; json?: unknown } = {};
  handler = (req, body, res) => {
    received = { method: req.method, type: req.headers['content-type'], path: req.url, json: JSON.parse(body) };
    res.end('ok');
  };
  expect(await notify(url, payload)).toEqual({ ok: true, status: 200 });
  expect(received).toEqual({
    method: 'POST',
    type: 'application/json',
    path: '/services/T000/B000/s3cr3t-token',
    json: payload,
  });
});

test("an HTTP error is returned with Slack's error code, and no other text of the reply", async () => {
  handler = (_req, _body, res) => {
    res.statusCode = 404;
    res.end('no_service\n');
  };
  expect(await notify(url, payload)).toEqual({
    ok: false,
    status: 404,
    error: 'the webhook answered HTTP 404: no_service',
  });
  handler = (_req, _body, res) => {
    res.statusCode = 500;
    res.end(`no_service for ${url}`);
  };
  expect(await notify(url, payload)).toEqual({ ok: false, status: 500, error: 'the webhook answered HTTP 500' });
});

test('a server that never answers times out', async () => {
  handler = () => {};
  const started = Date.now();
  const result = await notify(url, payload, { timeoutMs: 300 });
  expect(Date.now() - started).toBeLessThan(3000);
  expect(result).toEqual({ ok: false, error: 'the webhook did not answer within 300 ms' });
});

test('failures never contain the URL, its host or its token', async () => {
  // A port nobody listens on (fetch refuses "bad ports" such as 1 before connecting).
  const spare = createServer();
  await new Promise<void>((done) => spare.listen(0, '127.0.0.1', done));
  const port = (spare.address() as AddressInfo).port;
  await new Promise((done) => spare.close(done));
  const closed = `http://127.0.0.1:${port}/services/T000/B000/s3cr3t-token`;
  const results = [
    await notify(closed, payload, { timeoutMs: 2000 }),
    await notify('not a url s3cr3t-token', payload),
    await notify('ftp://x/s3cr3t-token', payload),
  ];
  for (const r of results) {
    expect(r.ok).toBe(false);
    expect(r.error).not.toMatch(/s3cr3t|127\.0\.0\.1|services/);
  }
  expect(results[0].error).toBe('the webhook request failed (ECONNREFUSED)');
});

/** Every form in which a reply may quote the URL or a part of it. */
function quotedForms(u: string): string[] {
  const { pathname, href } = new URL(u);
  const token = pathname.split('/').pop() as string;
  return [u, href, pathname, token, encodeURIComponent(u), encodeURIComponent(pathname)].flatMap((f) => [
    f,
    f.toLowerCase(),
    f.toUpperCase(),
  ]);
}

test('a reply quoting the URL, its path or its token in any case or encoding is never echoed', async () => {
  const token = url.split('/').pop() as string;
  for (const form of quotedForms(url)) {
    for (const body of [form, `Cannot POST ${form}`, `no_service ${form}`, JSON.stringify({ error: form })]) {
      handler = (_req, _body, res) => {
        res.statusCode = 404;
        res.end(body);
      };
      const result = await notify(url, payload);
      expect(result).toEqual({ ok: false, status: 404, error: 'the webhook answered HTTP 404' });
      expect(JSON.stringify(result).toLowerCase()).not.toContain(token.toLowerCase());
    }
  }
});

test('a reply made only of a word the URL holds is not echoed either', async () => {
  // A token of lower-case letters, as a Slack error code looks: echoing it would leak it.
  const base = url.slice(0, url.lastIndexOf('/') + 1);
  handler = (req, _body, res) => {
    res.statusCode = 403;
    res.end(req.url?.split('/').pop());
  };
  const result = await notify(`${base}invalid_token_abcdefghijklmnop`, payload);
  expect(result).toEqual({ ok: false, status: 403, error: 'the webhook answered HTTP 403' });
});

test('at most MAX_RESPONSE_BYTES of a reply are read: an endless reply does not stall the run', async () => {
  handler = (_req, _body, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      // Stops when the client goes away; without a cap it would be read to the timeout.
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  };
  const result = await notify(url, payload, { timeoutMs: 20_000 });
  expect(result).toEqual({ ok: false, status: 500, error: 'the webhook answered HTTP 500' });
  expect(MAX_RESPONSE_BYTES).toBeLessThanOrEqual(8192);
});

test('a reply that trickles forever ends at the whole-request timeout', async () => {
  handler = (_req, _body, res) => {
    res.writeHead(200);
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('.')), 50);
    res.on('close', () => clearInterval(timer));
  };
  expect(await notify(url, payload, { timeoutMs: 500 })).toEqual({
    ok: false,
    error: 'the webhook did not answer within 500 ms',
  });
});

/**
 * A listening socket whose accept queue is full: the kernel drops further connection attempts, so
 * connecting never completes (a stalled server, as a firewall that drops packets makes one).
 */
const STALLED_LISTENER = `
import socket, time
s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(0)
port = s.getsockname()[1]
fill = []
for _ in range(3):
    c = socket.socket(); c.setblocking(False); c.connect_ex(('127.0.0.1', port)); fill.append(c)
time.sleep(0.2)
print(port, flush=True)
time.sleep(60)
`;

test('a server that never completes the connection ends at the connect timeout', async () => {
  const listener = spawn('/usr/bin/python3', ['-c', STALLED_LISTENER]);
  try {
    const port = await new Promise<number>((done) => listener.stdout.once('data', (d) => done(Number(String(d)))));
    const result = await notify(`http://127.0.0.1:${port}/services/T000/B000/s3cr3t-token`, payload, {
      connectTimeoutMs: 300,
      timeoutMs: 20_000,
    });
    expect(result).toEqual({ ok: false, error: 'could not connect to the webhook within 300 ms' });
  } finally {
    listener.kill();
  }
});

describe('redirects', () => {
  let other: Server;
  let otherUrl: string;
  let otherHits: string[];
  beforeAll(async () => {
    other = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        otherHits.push(body);
        res.end('ok');
      });
    });
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/collect`;
  });
  afterAll(async () => {
    other.closeAllConnections();
    await new Promise((done) => other.close(done));
  });
  beforeEach(() => (otherHits = []));

  test.each([301, 302, 303, 307, 308])(
    'HTTP %i to another origin is not followed: the payload goes nowhere else',
    async (status) => {
      handler = (_req, _body, res) => res.writeHead(status, { location: otherUrl }).end();
      const result = await notify(url, payload);
      expect(result).toMatchObject({ ok: false, status });
      expect(result.error).toContain('a redirect to another address; not followed');
      expect(otherHits).toEqual([]);
    },
  );

  test('another port of the same host, or https, is another origin', async () => {
    const { port } = new URL(url);
    for (const location of [otherUrl, `https://127.0.0.1:${port}/x`, `http://localhost:${port}/x`]) {
      handler = (_req, _body, res) => res.writeHead(307, { location }).end();
      expect((await notify(url, payload)).ok).toBe(false);
    }
    expect(otherHits).toEqual([]);
  });

  test('a redirect within the same origin is followed with the payload, at most MAX_REDIRECTS times', async () => {
    const seen: { path?: string; body: string }[] = [];
    handler = (req, body, res) => {
      seen.push({ path: req.url, body });
      if (req.url === '/final') res.end('ok');
      else res.writeHead(308, { location: '/final' }).end();
    };
    expect(await notify(url, payload)).toEqual({ ok: true, status: 200 });
    expect(seen.map((s) => s.path)).toEqual(['/services/T000/B000/s3cr3t-token', '/final']);
    expect(JSON.parse(seen[1].body)).toEqual(payload);

    seen.length = 0;
    handler = (req, body, res) => {
      seen.push({ path: req.url, body });
      res.writeHead(307, { location: `/loop${seen.length}` }).end();
    };
    const loop = await notify(url, payload);
    expect(loop).toEqual({ ok: false, status: 307, error: `the webhook redirected more than ${MAX_REDIRECTS} times` });
    expect(seen).toHaveLength(MAX_REDIRECTS + 1);
  });
});

test('webhookSecrets: the URL, its path, its long segments and query values, decoded and lower-cased', () => {
  const secrets = webhookSecrets(
    'https://u:Pa55word@hooks.example.com/services/T0AB12/B0CD34/Xy12Zz34Ww56%2B?sig=AbC123dEf456',
  );
  for (const s of [
    'https://u:Pa55word@hooks.example.com/services/T0AB12/B0CD34/Xy12Zz34Ww56%2B?sig=AbC123dEf456',
    '/services/T0AB12/B0CD34/Xy12Zz34Ww56%2B',
    '/services/t0ab12/b0cd34/xy12zz34ww56%2b',
    'Xy12Zz34Ww56%2B',
    'Xy12Zz34Ww56+',
    'xy12zz34ww56+',
    'AbC123dEf456',
    'abc123def456',
    'Pa55word',
  ]) {
    expect(secrets).toContain(s);
  }
  // Words and short parts are not masked: the log stays readable.
  expect(secrets).not.toContain('services');
  expect(secrets).not.toContain('T0AB12');
  expect(webhookSecrets('')).toEqual([]);
  expect(webhookSecrets('not a url s3cr3t')).toEqual(['not a url s3cr3t']);
});

test('property: no reply the server sends puts any piece of the URL in the result', async () => {
  const token = 'Zq9TokenXy7Wv3Ab';
  const secretUrl = `${url.slice(0, url.lastIndexOf('/') + 1)}${token}`;
  const forms = quotedForms(secretUrl);
  await fc.assert(
    fc.asyncProperty(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(...forms),
      fc.string({ maxLength: 30 }),
      fc.integer({ min: 400, max: 599 }),
      async (before, form, after, status) => {
        handler = (_req, _body, res) => {
          res.statusCode = status;
          res.end(`${before}${form}${after}`);
        };
        const result = await notify(secretUrl, payload);
        const text = JSON.stringify(result).toLowerCase();
        for (const piece of webhookSecrets(secretUrl)) expect(text).not.toContain(piece.toLowerCase());
        expect(text).not.toContain(token.toLowerCase());
      },
    ),
    { numRuns: 60, seed: 11 },
  );
});
