import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notify } from '../../src/notify/webhook.js';
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

test('an HTTP error is returned, with the reason the server gave', async () => {
  handler = (_req, _body, res) => {
    res.statusCode = 500;
    res.end(`no_service for ${url}`);
  };
  const result = await notify(url, payload);
  expect(result).toMatchObject({ ok: false, status: 500 });
  expect(result.error).toBe('the webhook answered HTTP 500: no_service for ***');
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
