/**
 * Email notifications from the built action to a real SMTP server (Debian's python3-aiosmtpd,
 * __tests__/helpers/smtp_server.py): STARTTLS with a self-signed certificate generated here, AUTH
 * with a password that needs percent-encoding. The message arrives with its recipients, subject and
 * both bodies; the password and the URL appear nowhere (log, outputs, summary, report, message); a
 * server that hangs, refuses the connection or refuses the login, or a certificate that does not
 * verify, gives a warning and leaves the verdict as it was. nodemailer is loaded only to send.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import * as path from 'node:path';
import { ROOT, runActionAsync, tempDir } from '../../scripts/lib/run-action.mjs';
import { expectBadInput } from '../helpers/bad-input.js';
import { findPython, freePort, leftBehind, startSmtp, type SmtpServer } from '../helpers/servers.js';

const PYTHON = findPython('aiosmtpd');
const OPENSSL = (() => {
  try {
    return readdirSync('/usr/bin').includes('openssl');
  } catch {
    return false;
  }
})();
const title =
  PYTHON && OPENSSL
    ? 'email to a real SMTP server'
    : 'email to a real SMTP server — SKIPPED: needs python3-aiosmtpd and openssl (.ci/run installs them)';
const describeSmtp = PYTHON && OPENSSL ? describe : describe.skip;

const USER = 'gate-bot';
const PASSWORD = 'pä$$:w0rd/#1@x';
const ENCODED = encodeURIComponent(PASSWORD);

const failing = { stage: 'gate', metrics: 'examples/reports/regressed-metrics.json', thresholds: 'accuracy: ">= 0.9"' };
const passing = { stage: 'gate', metrics: 'examples/reports/metrics.json', thresholds: 'accuracy: ">= 0.9"' };
const runEnv = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'org/repo', GITHUB_RUN_ID: '42' };

describeSmtp(title, () => {
  let dir = '';
  let smtp: SmtpServer;
  let url = '';
  const email = (extra: Record<string, string> = {}) => ({
    'notify-email-to': 'team@example.com, oncall@example.com',
    'notify-email-from': 'ml-quality-gate@example.com',
    'smtp-url': url,
    ...extra,
  });

  beforeAll(async () => {
    dir = tempDir('mqg-smtp-');
    smtp = await startSmtp(PYTHON as string, dir, USER, PASSWORD);
    url = `smtp://${USER}:${ENCODED}@127.0.0.1:${smtp.port}?tls-verify=false`;
  });
  afterAll(async () => {
    await smtp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a failure is mailed to every recipient over STARTTLS, with subject, both bodies and the run link; secrets stay out', async () => {
    const before = smtp.received().length;
    const run = await runActionAsync({ ...failing, ...email() }, ROOT, runEnv);
    expect(run.code).toBe(1);
    expect(run.outputs.passed).toBe('false');
    expect(run.warnings).toEqual([]);
    const [msg] = smtp.received().slice(before);
    expect(msg).toBeDefined();
    expect(msg.rcpt_tos).toEqual(['team@example.com', 'oncall@example.com']);
    expect(msg.mail_from).toBe('ml-quality-gate@example.com');
    expect([msg.tls, msg.login]).toEqual([true, USER]);
    expect(msg.subject).toBe('[ml-quality-gate] org/repo: gate failed');
    // Plain text: the failure, the summary's table, the link.
    expect(msg.text).toContain('accuracy = 0.8862: 0.8862 is not >= 0.9');
    expect(msg.text).toMatch(/❌ fail\s+\|\s+accuracy\s+\| 0\.8862 \| >= 0\.9/);
    expect(msg.text).toContain('Run: https://github.com/org/repo/actions/runs/42');
    // HTML: the same table, escaped, and the link.
    expect(msg.html).toMatch(/<td[^>]*>accuracy<\/td><td[^>]*>0\.8862<\/td><td[^>]*>&gt;= 0\.9<\/td>/);
    expect(msg.html).toContain('<a href="https://github.com/org/repo/actions/runs/42">View the run</a>');
    // The URL and the password are masked, and appear nowhere else.
    const masked = run.commands.filter((c) => c.command === 'add-mask').map((c) => c.data);
    expect(masked).toEqual(expect.arrayContaining([url, ENCODED, PASSWORD]));
    for (const secret of [url, PASSWORD, ENCODED, `127.0.0.1:${smtp.port}?`]) {
      expect(leftBehind(run)).not.toContain(secret);
      expect(msg.raw).not.toContain(secret);
    }
  });

  test('untrusted metric names are escaped in the HTML body and kept on one line in the text', async () => {
    const metrics = path.join(dir, 'm.json');
    writeFileSync(metrics, JSON.stringify({ '<img src=x onerror=alert(1)>': 0.5, accuracy: 0.97 }));
    const before = smtp.received().length;
    const run = await runActionAsync(
      { stage: 'gate', metrics, thresholds: '"<img src=x onerror=alert(1)>": ">= 0.9"', ...email() },
      ROOT,
      runEnv,
    );
    expect(run.outputs.passed).toBe('false');
    const [msg] = smtp.received().slice(before);
    expect(msg.html).not.toContain('<img');
    expect(msg.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(msg.text).toContain('<img src=x onerror=alert(1)> = 0.5');
  });

  test("notify-on: failure sends nothing on a pass; 'always' sends the pass", async () => {
    const before = smtp.received().length;
    await runActionAsync({ ...passing, ...email() }, ROOT, runEnv);
    expect(smtp.received().length).toBe(before);
    const run = await runActionAsync({ ...passing, ...email(), 'notify-on': 'always' }, ROOT, runEnv);
    expect(run.code).toBe(0);
    expect(
      smtp
        .received()
        .slice(before)
        .map((m) => m.subject),
    ).toEqual(['[ml-quality-gate] org/repo: gate passed']);
  });

  test('the certificate is verified unless the URL says tls-verify=false: a warning, the verdict unchanged', async () => {
    const before = smtp.received().length;
    const strict = url.replace('?tls-verify=false', '');
    const run = await runActionAsync({ ...passing, ...email({ 'smtp-url': strict }), 'notify-on': 'always' }, ROOT);
    expect([run.code, run.outputs.passed]).toEqual([0, 'true']);
    expect(run.warnings.map((w) => w.data)).toEqual([
      expect.stringMatching(/^email not sent: .*self-signed certificate.* \(the verdict is unchanged\)$/),
    ]);
    expect(smtp.received().length).toBe(before);
    expect(leftBehind(run)).not.toContain(PASSWORD);
  });

  test('a wrong password is a warning naming the refusal, never the password', async () => {
    const wrong = url.replace(ENCODED, encodeURIComponent('not-the-password'));
    const run = await runActionAsync({ ...failing, ...email({ 'smtp-url': wrong }) }, ROOT);
    expect([run.code, run.outputs.passed]).toEqual([1, 'false']);
    expect(run.warnings.map((w) => w.data)).toEqual([
      expect.stringMatching(
        /^email not sent: the server refused the user and password \(EAUTH, SMTP 535\).*verdict is unchanged\)$/,
      ),
    ]);
    expect(leftBehind(run)).not.toContain('not-the-password');
  });

  test('a server that refuses the connection is a warning; the verdict is unchanged', async () => {
    const closed = `smtps://${USER}:${ENCODED}@127.0.0.1:${await freePort()}`;
    const run = await runActionAsync({ ...passing, ...email({ 'smtp-url': closed }), 'notify-on': 'always' }, ROOT);
    expect([run.code, run.outputs.passed]).toEqual([0, 'true']);
    expect(run.warnings.map((w) => w.data)).toEqual([expect.stringMatching(/^email not sent: .*ECONNREFUSED/)]);
  });

  test('a server that never greets is a warning after the timeout; the verdict is unchanged', async () => {
    const sockets: Socket[] = [];
    const hang: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
    try {
      const port = (hang.address() as { port: number }).port;
      const run = await runActionAsync(
        { ...failing, ...email({ 'smtp-url': `smtp://${USER}:${ENCODED}@127.0.0.1:${port}` }) },
        ROOT,
      );
      expect([run.code, run.outputs.passed]).toEqual([1, 'false']);
      expect(run.errors.map((e) => e.data)).toEqual([expect.stringContaining('accuracy = 0.8862')]);
      expect(run.warnings.map((w) => w.data)).toEqual([
        expect.stringMatching(
          /^email not sent: the server did not answer in time \(ETIMEDOUT\).*verdict is unchanged\)$/,
        ),
      ]);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => hang.close(resolve));
    }
  }, 60_000);

  test('nodemailer is loaded only when a message is sent (a chunk of its own)', async () => {
    const chunk = readdirSync(path.join(ROOT, 'dist')).find(
      (f) =>
        /^\d+\.index\.js$/.test(f) &&
        readFileSync(path.join(ROOT, 'dist', f), 'utf8').includes('Greeting never received'),
    );
    expect(chunk).toBeDefined();
    expect(readFileSync(path.join(ROOT, 'dist/index.js'), 'utf8')).not.toContain('Greeting never received');
    const loaded = async (inputs: Record<string, string>) => {
      const log = path.join(dir, `loaded-${Math.random()}.txt`);
      const hook = path.join(ROOT, '__tests__/helpers/load-log/register.mjs');
      await runActionAsync(inputs, ROOT, { NODE_OPTIONS: `--import=${hook}`, MQG_LOAD_LOG: log });
      return readFileSync(log, 'utf8')
        .split('\n')
        .map((u) => u.slice(u.lastIndexOf('/') + 1));
    };
    const plain = await loaded(failing);
    expect(plain).toContain('index.js');
    expect(plain).not.toContain(chunk);
    expect(await loaded({ ...failing, ...email() })).toContain(chunk);
  });
});

describe('email settings (bad input, no server needed)', () => {
  test.each([
    [{ 'notify-email-to': 'a@example.com' }, "missing: 'notify-email-from', 'smtp-url'"],
    [
      { 'notify-email-to': 'a@example.com', 'notify-email-from': 'b@example.com', 'smtp-url': 'https://u:secret-pw@h' },
      'must start with smtp:// or smtps://',
    ],
    [
      {
        'notify-email-to': 'a@x.com, "Eve" <e@x.com>',
        'notify-email-from': 'b@x.com',
        'smtp-url': 'smtps://u:secret-pw@h',
      },
      'is not an email address',
    ],
    [
      {
        'notify-email-to': 'a@x.com',
        'notify-email-from': 'b@x.com',
        'smtp-url': 'smtp://u:secret-pw@h?starttls=false',
      },
      'would send the password unencrypted',
    ],
    [
      { 'notify-email-to': 'a@x.com', 'notify-email-from': 'b@x.com', 'smtp-url': 'smtps://u:secret-pw@h?verify=no' },
      "unknown option 'verify'",
    ],
  ])('%j is refused, the URL not repeated', async (inputs, message) => {
    const run = await runActionAsync({ ...passing, ...inputs }, ROOT);
    expectBadInput(run, { passed: 'false' }, message);
    expect(leftBehind(run)).not.toContain('secret-pw');
  });
});
