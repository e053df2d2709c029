/**
 * The Prometheus and email inputs as the settings read them, Prometheus durations, the queries
 * file, and the secrets masked before anything runs.
 */
import fc from 'fast-check';
import { UserError } from '../../src/errors.js';
import { formatDuration, parseDuration } from '../../src/prometheus/duration.js';
import { parseQueries, MAX_QUERIES } from '../../src/prometheus/queries.js';
import { readSettings } from '../../src/settings.js';
import { readEmailSettings, parseSmtpUrl } from '../../src/settings/email.js';
import { readPrometheusSettings } from '../../src/settings/prometheus.js';
import { inputSecrets, oneLine, scrubSecrets } from '../../src/secrets.js';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('durations', () => {
  test.each([
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['250ms', 250],
    ['1d', 86_400_000],
    ['2w', 1_209_600_000],
    ['1y', 31_536_000_000],
    ['1h0m5s', 3_605_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  test.each(['', '15', '15 m', '15min', 'm', '1m1h', '1.5h', '-5m', '5M', '1h 30m'])('%j is not a duration', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );

  test('formatDuration writes back what parseDuration reads (whole seconds)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 7 }), (seconds) => {
        expect(parseDuration(formatDuration(seconds * 1000))).toBe(seconds * 1000);
      }),
    );
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(999)).toBe('999ms');
  });
});

describe('prometheus settings', () => {
  test('none given: no Prometheus source', () => {
    expect(readPrometheusSettings(reader({ 'prometheus-max-age': '15m' }))).toBeUndefined();
  });

  test('a token becomes a bearer header; user info in the URL a basic one, removed from the URL', () => {
    expect(
      readPrometheusSettings(
        reader({
          'prometheus-url': 'https://prom.example/api/prom',
          'prometheus-queries': 'a: up',
          'prometheus-token': 'glc_abc',
        }),
      ),
    ).toEqual({
      url: 'https://prom.example/api/prom',
      authorization: 'Bearer glc_abc',
      queries: 'a: up',
      maxAgeMs: 900_000,
    });
    const basic = readPrometheusSettings(
      reader({
        'prometheus-url': 'https://123456:p%40ss@prom.example',
        'prometheus-queries': 'a: up',
        'prometheus-max-age': '5m',
      }),
    );
    expect(basic).toEqual({
      url: 'https://prom.example/',
      authorization: `Basic ${Buffer.from('123456:p@ss').toString('base64')}`,
      queries: 'a: up',
      maxAgeMs: 300_000,
    });
  });

  test.each([
    [
      { 'prometheus-url': 'http://x', 'prometheus-queries': 'a: up', 'prometheus-token': 't\u0000k' },
      'one line of visible ASCII',
    ],
    [
      { 'prometheus-url': 'http://u:secret-pw@x', 'prometheus-queries': 'a: up', 'prometheus-token': 'tok' },
      'give Prometheus credentials once',
    ],
    [{ 'prometheus-url': 'not a url secret-pw', 'prometheus-queries': 'a: up' }, 'is not a valid URL'],
    [{ 'prometheus-url': 'http://x', 'prometheus-queries': 'a: up', 'prometheus-max-age': '0s' }, 'above zero'],
    [{ 'prometheus-token': 'tok' }, "'prometheus-token' needs 'prometheus-queries'"],
    [{ 'prometheus-max-age': '1h' }, "'prometheus-max-age' needs 'prometheus-queries'"],
  ])('%j is refused without repeating a secret', (inputs, message) => {
    let err: unknown;
    try {
      readPrometheusSettings(reader(inputs));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain(message);
    expect((err as Error).message).not.toMatch(/secret-pw|tok\b/);
  });

  test('gate needs metrics files or queries; with queries alone it reads', () => {
    const gate = (inputs: Record<string, string>) =>
      readSettings(reader({ stage: 'gate', thresholds: 'a: 1', ...inputs }), {});
    expect(() => gate({})).toThrow(
      "input 'metrics' is required for stage 'gate' (metrics files), unless 'prometheus-queries'",
    );
    expect(gate({ 'prometheus-url': 'http://p:9090', 'prometheus-queries': 'a: up' })).toMatchObject({
      metrics: '',
      prometheus: { url: 'http://p:9090/', queries: 'a: up' },
    });
  });

  test('validate: queries are something to check, and satisfy required-metrics; a schema needs files', () => {
    const validate = (inputs: Record<string, string>) => readSettings(reader({ stage: 'validate', ...inputs }), {});
    const prom = { 'prometheus-url': 'http://p:9090', 'prometheus-queries': 'a: up' };
    expect(validate({ ...prom, 'required-metrics': 'a' })).toMatchObject({ requiredMetrics: ['a'] });
    expect(() => validate({ ...prom, 'metrics-schema': 's.json' })).toThrow("input 'metrics-schema' needs 'metrics'");
  });
});

describe('the queries input', () => {
  test('names, queries and their lines (a block scalar keeps a long query readable)', async () => {
    const text =
      '# prod\nerror_rate: sum(rate(e[5m])) / sum(rate(r[5m]))\np95: >-\n  histogram_quantile(0.95,\n  sum by (le) (rate(b[5m])))\n';
    expect(await parseQueries(text, 'q.yml')).toEqual([
      { name: 'error_rate', query: 'sum(rate(e[5m])) / sum(rate(r[5m]))', at: { file: 'q.yml', line: 2 } },
      { name: 'p95', query: 'histogram_quantile(0.95, sum by (le) (rate(b[5m])))', at: { file: 'q.yml', line: 3 } },
    ]);
  });

  test.each([
    ['a: 1\n', "query for 'a' must be a PromQL expression"],
    ['a: ""\n', "query for 'a' must be a PromQL expression"],
    ['a: [up]\n', "query for 'a' must be a PromQL expression"],
    ['- up\n', 'expected a mapping of metric names to PromQL queries'],
    [`a: ${'x'.repeat(8001)}\n`, 'at most 8000'],
    [Array.from({ length: MAX_QUERIES + 1 }, (_, i) => `m${i}: up`).join('\n'), `at most ${MAX_QUERIES}`],
  ])('%j is refused at its line', async (text, message) => {
    await expect(parseQueries(text)).rejects.toThrow(message);
  });
});

describe('email settings', () => {
  const base = { 'notify-email-to': 'a@example.com, b@example.org', 'notify-email-from': 'gate@example.com' };

  test('smtps, smtp with STARTTLS required, user and password decoded, options', () => {
    expect(readEmailSettings(reader({ ...base, 'smtp-url': 'smtps://bot%40x.com:p%40ss@mail.example.com' }))).toEqual({
      to: ['a@example.com', 'b@example.org'],
      from: 'gate@example.com',
      smtp: {
        host: 'mail.example.com',
        port: 465,
        implicitTls: true,
        requireStartTls: false,
        verifyTls: true,
        user: 'bot@x.com',
        password: 'p@ss',
      },
    });
    expect(parseSmtpUrl('smtp://u:p@[::1]:2525?tls-verify=false')).toMatchObject({
      host: '::1',
      port: 2525,
      requireStartTls: true,
      verifyTls: false,
    });
    expect(parseSmtpUrl('smtp://relay.internal?starttls=false')).toMatchObject({
      port: 587,
      requireStartTls: false,
      user: '',
    });
  });

  test.each([
    ['smtp://u@h', 'has a user but no password'],
    ['smtps://h?starttls=false', "'starttls' is for smtp://"],
    ['smtp://u:p@h/path', 'must not have a path'],
    ['smtp://u:p@h?tls-verify=no', "option 'tls-verify' must be true or false"],
    ['smtp://u:p@h?tls-verify=false&tls-verify=true', "sets option 'tls-verify' twice"],
    ['smtp://u:%E0%A4%A@h', 'not valid percent-encoding'],
  ])('%s is refused', (url, message) => expect(() => parseSmtpUrl(url)).toThrow(message));

  test.each([
    'a@',
    'a@.example.com',
    'first last@example.com',
    'a@example.com\r\nBcc: x@y.com',
    'a@@example.com',
    '<a@example.com>',
  ])('address %j is refused', (address) => {
    expect(() =>
      readEmailSettings(reader({ ...base, 'notify-email-to': address, 'smtp-url': 'smtps://u:p@h' })),
    ).toThrow('is not an email address');
  });
});

describe('secrets', () => {
  test('every form of the SMTP and Prometheus passwords, and the token, are masked', () => {
    const secrets = inputSecrets(
      reader({
        'smtp-url': 'smtps://bot:p%40ss@mail:465',
        'prometheus-url': 'https://u:pw2@p',
        'prometheus-token': 'tok-1',
      }),
    );
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    expect(secrets).toEqual(
      expect.arrayContaining([
        'smtps://bot:p%40ss@mail:465',
        'p%40ss',
        'p@ss',
        b64('p@ss'),
        b64('\u0000bot\u0000p@ss'),
        b64('bot:p@ss'),
        'https://u:pw2@p',
        b64('u:pw2'),
        'tok-1',
      ]),
    );
    expect(inputSecrets(reader({ 'prometheus-url': 'http://prometheus:9090' }))).toEqual([]);
  });

  test('scrubbing replaces the longest secret first, and oneLine flattens and cuts', () => {
    expect(scrubSecrets('x abc abcdef', ['abc', 'abcdef'])).toBe('x *** ***');
    expect(oneLine('a\n\u0007b  c', 10, [])).toBe('a b c');
    expect(oneLine('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
