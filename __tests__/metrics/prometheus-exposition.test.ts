/**
 * The Prometheus text exposition reader (metrics-format: prometheus) against the official Python
 * client: what prometheus_client writes and hand-written spec examples, read back by its own parser
 * (scripts/golden/prometheus_exposition.py → fixtures/golden/prometheus_exposition.json). Then what
 * is refused, with its line, and the auto-detection.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../src/errors.js';
import { checkRules } from '../../src/gate/check.js';
import { readMetricsFile } from '../../src/metrics/read.js';
import { looksLikeExposition, readExposition, seriesName } from '../../src/metrics/readers/prometheus.js';
import { parseRules } from '../../src/rules/parse.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GOLDEN = JSON.parse(readFileSync(path.join(HERE, '../fixtures/golden/prometheus_exposition.json'), 'utf8')) as {
  cases: { title: string; text: string; series: Record<string, number | string> }[];
};

const asNumber = (v: number | string) =>
  v === 'NaN' ? NaN : v === '+Inf' ? Infinity : v === '-Inf' ? -Infinity : Number(v);

describe('golden: prometheus_client writes it, its parser reads it, and so do we', () => {
  test.each(GOLDEN.cases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const read = readExposition(c.text, 'scrape.prom');
    const ours = Object.fromEntries(read.metrics.map((m) => [m.name, m.value]));
    expect(Object.keys(ours).sort()).toEqual(Object.keys(c.series).sort());
    for (const [name, value] of Object.entries(c.series)) expect(ours[name]).toBe(asNumber(value));
    expect(read.format).toBe('prometheus');
  });

  test('histograms and summaries keep their series names; labels are sorted', () => {
    const names = readExposition(GOLDEN.cases[0].text, 'scrape.prom').metrics.map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'predict_latency_seconds_bucket{le="0.005"}',
        'predict_latency_seconds_bucket{le="+Inf"}',
        'predict_latency_seconds_count',
        'predict_latency_seconds_sum',
        'payload_bytes_count',
        'http_requests_total{code="500",path="/predict"}',
      ]),
    );
  });
});

test('each metric has the line of its sample', () => {
  const text = '# HELP a A.\n# TYPE a gauge\na 1\n\nb{x="1"} 2\n';
  expect(readExposition(text, 'm.prom').metrics.map((m) => [m.name, m.line])).toEqual([
    ['a', 3],
    ['b{x="1"}', 5],
  ]);
});

test('seriesName escapes as the format does and sorts by label name', () => {
  expect(
    seriesName('m', [
      ['z', 'a"b'],
      ['a', 'c\\d\ne'],
    ]),
  ).toBe('m{a="c\\\\d\\ne",z="a\\"b"}');
  expect(seriesName('m', [])).toBe('m');
});

test('an OpenMetrics exemplar after the value is accepted and ignored', () => {
  const read = readExposition('foo_bucket{le="0.5"} 17 # {trace_id="KOO5S4vxi0o"} 0.67\n', 'm.prom');
  expect(read.metrics.map((m) => [m.name, m.value])).toEqual([['foo_bucket{le="0.5"}', 17]]);
});

describe('refused, with the line (and column)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mqg-prom-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    [
      'a series written twice (labels in another order)',
      'm{a="1",b="2"} 1\nm{b="2",a="1"} 2\n',
      2,
      /written twice \(lines 1 and 2\)/,
    ],
    ['an invalid escape', 'm{a="\\x"} 1\n', 1, /invalid escape \\x/],
    ['an unterminated label value', 'm{a="1} 1\n', 1, /unterminated value of label a/],
    ['a missing value', 'm{a="1"}\n', 1, /expected a value/],
    ['a value that is not a number', 'm 0x1p3\n', 1, /value "0x1p3" is not a number/],
    ['text after the timestamp', 'm 1 2 3\n', 1, /expected a value/],
    ['a timestamp that is not a number', 'm 1 soon\n', 1, /timestamp "soon" is not a number/],
    ['a label written twice', 'm{a="1",a="2"} 1\n', 1, /label a is written twice/],
    [
      'a second TYPE line',
      '# TYPE m gauge\nm 1\n# TYPE m counter\n',
      3,
      /second TYPE line for m \(the first is line 1\)/,
    ],
    ['an unknown type', '# TYPE m meter\nm 1\n', 1, /unknown metric type 'meter'/],
    ['a UTF-8 name in braces', '{"my.metric"} 1\n', 1, /inside the braces/],
    ['a missing = after a label', 'm{a "1"} 1\n', 1, /expected = after label a/],
    ['a comment that is not an exemplar', 'm 1 # note\n', 1, /expected a value/],
  ])('%s', async (_what, text, line, message) => {
    writeFileSync(path.join(dir, 'm.prom'), text);
    const read = readMetricsFile('m.prom', 'auto', dir);
    await expect(read).rejects.toBeInstanceOf(UserError);
    await expect(read).rejects.toMatchObject({ file: 'm.prom', line, message: expect.stringMatching(message) });
  });
});

describe('detection and the gate', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mqg-prom-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a .prom file, and a .txt scrape that starts with # HELP, are read as prometheus', async () => {
    writeFileSync(path.join(dir, 'scrape.prom'), 'up 1\n');
    writeFileSync(path.join(dir, 'scrape.txt'), GOLDEN.cases[0].text);
    expect((await readMetricsFile('scrape.prom', 'auto', dir)).format).toBe('prometheus');
    expect((await readMetricsFile('scrape.txt', 'auto', dir)).format).toBe('prometheus');
    expect(looksLikeExposition('# TYPE up gauge\nup 1\n')).toBe(true);
    expect(looksLikeExposition('# TYPE of model: resnet\nacc: 1\n')).toBe(false);
    expect(looksLikeExposition('accuracy: 0.9\n')).toBe(false);
  });

  test('a YAML file whose first comment looks like HELP is still YAML (the extension wins)', async () => {
    writeFileSync(path.join(dir, 'm.yaml'), '# HELP accuracy is the share right\naccuracy: 0.9\n');
    expect((await readMetricsFile('m.yaml', 'auto', dir)).format).toBe('yaml');
  });

  test('metrics-format prometheus forces the reader', async () => {
    writeFileSync(path.join(dir, 'scrape.log'), 'model_server_requests_total{endpoint="predict"} 12\n');
    const read = await readMetricsFile('scrape.log', 'prometheus', dir);
    expect(read.metrics.map((m) => m.name)).toEqual(['model_server_requests_total{endpoint="predict"}']);
  });

  test('rules name labelled series as written; NaN and +Inf never pass', async () => {
    const file = readExposition(GOLDEN.cases[0].text, 'scrape.prom');
    const rules = await parseRules(
      [
        '\'http_requests_total{code="500",path="/predict"}\': "<= 5"',
        'queue_depth: "<= 1"',
        '\'predict_latency_seconds_bucket{le="+Inf"}\': ">= 5"',
      ].join('\n'),
    );
    expect(checkRules(rules, [file], undefined).map((e) => [e.name, e.value, e.passed])).toEqual([
      ['http_requests_total{code="500",path="/predict"}', 3, true],
      ['queue_depth', 0.125, true],
      ['predict_latency_seconds_bucket{le="+Inf"}', 5, true],
    ]);
    for (const name of ['not_a_number', 'too_big']) {
      expect(() => checkRules([{ ...rules[1], metric: name }], [file], undefined)).toThrow(/not a finite number/);
    }
  });
});
