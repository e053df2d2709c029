/** Notifications from the built action to a real local HTTP server. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROOT, runActionAsync } from '../../scripts/lib/run-action.mjs';

interface Received {
  path: string;
  body: { text: string; blocks: { text?: { text: string } }[] };
}

let server: Server;
let base: string;
let received: Received[] = [];
let status = 200;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(body) });
      res.writeHead(status).end(status === 200 ? 'ok' : 'boom');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  received = [];
  status = 200;
});

const failing = { stage: 'gate', metrics: 'examples/reports/regressed-metrics.json', thresholds: 'accuracy: ">= 0.9"' };
const passing = { stage: 'gate', metrics: 'examples/reports/metrics.json', thresholds: 'accuracy: ">= 0.9"' };
const runEnv = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'org/repo', GITHUB_RUN_ID: '42' };

test('a failure is posted with the stage, the verdict, the failure and the run link; the URL is masked', async () => {
  const url = `${base}/services/T000/B000/secret-token`;
  const run = await runActionAsync({ ...failing, 'notify-webhook': url }, ROOT, runEnv);
  expect(run.code).toBe(1);
  expect(received).toHaveLength(1);
  expect(received[0].path).toBe('/services/T000/B000/secret-token');
  const text = JSON.stringify(received[0].body);
  expect(received[0].body.text).toBe('ml-quality-gate gate: failed');
  expect(text).toContain('accuracy = 0.8862');
  expect(text).toContain('https://github.com/org/repo/actions/runs/42');
  expect(run.commands.find((c) => c.command === 'add-mask')?.data).toBe(url);
  expect(run.stdout.split('\n').filter((l) => l.includes('secret-token') && !l.startsWith('::add-mask::'))).toEqual([]);
});

test('notify-on: failure sends nothing on a pass; always does', async () => {
  await runActionAsync({ ...passing, 'notify-webhook': `${base}/hook` }, ROOT);
  expect(received).toHaveLength(0);
  const run = await runActionAsync({ ...passing, 'notify-webhook': `${base}/hook`, 'notify-on': 'always' }, ROOT);
  expect(run.code).toBe(0);
  expect(received).toHaveLength(1);
  expect(received[0].body.text).toBe('ml-quality-gate gate: passed');
});

test('notify-on: never sends nothing', async () => {
  await runActionAsync({ ...failing, 'notify-webhook': `${base}/hook`, 'notify-on': 'never' }, ROOT);
  expect(received).toHaveLength(0);
});

test('a webhook that fails is a warning and never changes the verdict', async () => {
  status = 500;
  const run = await runActionAsync({ ...passing, 'notify-webhook': `${base}/hook`, 'notify-on': 'always' }, ROOT);
  expect(run.code).toBe(0);
  expect(run.outputs.passed).toBe('true');
  expect(run.warnings.map((w) => w.data)).toEqual([
    'notification not sent: the webhook answered HTTP 500: boom (the verdict is unchanged)',
  ]);
});

test('bad input is notified too', async () => {
  const run = await runActionAsync(
    { stage: 'gate', metrics: 'nope.json', thresholds: 'a: 1', 'notify-webhook': `${base}/hook` },
    ROOT,
  );
  expect(run.code).toBe(1);
  expect(received).toHaveLength(1);
  expect(received[0].body.text).toBe('ml-quality-gate gate: could not run');
  expect(JSON.stringify(received[0].body)).toContain('file not found: nope.json');
});
