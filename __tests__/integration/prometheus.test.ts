/**
 * The built action querying a real Prometheus (Debian's `prometheus`, its own temp config and data,
 * scraping itself every second): a healthy query passes and the summary says which query each
 * value came from; every kind of bad answer (unreachable, 401, a PromQL syntax error, no series,
 * several series, a stale sample, NaN) is one clear error naming the query, with `passed=false`.
 * A second Prometheus requires basic auth (web config) for the 401 and the URL's credentials.
 */
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, runActionAsync, tempDir, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { expectBadInput } from '../helpers/bad-input.js';
import {
  freePort,
  leftBehind,
  PROMETHEUS,
  sleep,
  startPrometheus,
  waitFor,
  type Prometheus,
} from '../helpers/servers.js';

const title = PROMETHEUS
  ? 'the gate on a real Prometheus'
  : 'the gate on a real Prometheus — SKIPPED: no prometheus binary (apt-get install prometheus, as .ci/run does)';
const describeProm = PROMETHEUS ? describe : describe.skip;

/** The bcrypt hash of the password "test" from Prometheus' basic-auth guide (https://prometheus.io/docs/guides/basic-auth/). */
const WEB_CONFIG = 'basic_auth_users:\n  admin: $2b$12$hNf2lSsxfm0.i4a.1kVpSOVyBCfIB51VRjgBUyv6kdnyTlgWj81Ay\n';

describeProm(title, () => {
  let prom: Prometheus;
  let secured: Prometheus;
  let firstScrape = 0;
  let dir = '';

  beforeAll(async () => {
    dir = tempDir('mqg-prom-gate-');
    // One after the other, each kept as soon as it runs: afterAll stops whichever started.
    prom = await startPrometheus({});
    secured = await startPrometheus({}, WEB_CONFIG);
    // The first sample of its own `up`: an `@` query at that time reads data that only gets older.
    firstScrape = await waitFor('the first scrape', async () => {
      const answer = await prom.query('timestamp(up{job="prometheus"})');
      const [sample] = answer.data.result as { value: [number, string] }[];
      return sample ? Number(sample.value[1]) : undefined;
    });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([prom?.stop(), secured?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const gate = (queries: string, extra: Record<string, string> = {}, cwd = ROOT): Promise<ActionRun> =>
    runActionAsync(
      {
        stage: 'gate',
        'prometheus-url': prom.url,
        'prometheus-queries': queries,
        thresholds: 'targets_up: ">= 1"',
        ...extra,
      },
      cwd,
    );

  test('a healthy query passes; outputs, summary and report say which query each value came from', async () => {
    const run = await gate('targets_up: sum(up)\nhead_series: sum(prometheus_tsdb_head_series)');
    expect(run.errors).toEqual([]);
    expect([run.code, run.outputs.passed]).toEqual([0, 'true']);
    expect(JSON.parse(run.outputs.metrics)).toMatchObject({ targets_up: 1, head_series: expect.any(Number) });
    expect(run.summary).toContain("### Production metrics from Prometheus (input 'prometheus-queries')");
    expect(run.summary).toMatch(/\| targets_up \| sum\(up\) \| 1 \| \d+ms \(20\d\d-/);
    expect(run.summary).toContain("Metrics read from input 'prometheus-queries' (prometheus-query).");
  });

  test('queries from a file: a broken rule is annotated at the query line', async () => {
    writeFileSync(path.join(dir, 'queries.yml'), '# production\ntargets_up: sum(up)\n');
    const run = await gate('queries.yml', { thresholds: 'targets_up: ">= 2"', 'fail-on-violation': 'false' }, dir);
    expect(run.outputs.passed).toBe('false');
    expect(run.warnings.map((w) => w.located)).toEqual(['queries.yml:2: targets_up = 1: 1 is not >= 2 (rule >= 2)']);
  });

  test('the validate stage checks queried metrics too (required-metrics)', async () => {
    const run = await runActionAsync(
      {
        stage: 'validate',
        'prometheus-url': prom.url,
        'prometheus-queries': 'targets_up: sum(up)',
        'required-metrics': 'targets_up, missing_one',
      },
      ROOT,
    );
    expect(run.outputs.valid).toBe('false');
    expect(run.errors.map((e) => e.data)).toEqual(["'missing_one' is in none of the metrics files"]);
  });

  describe('bad answers: one clear error naming the query, passed=false', () => {
    test('unreachable', async () => {
      const run = await gate('targets_up: sum(up)', { 'prometheus-url': `http://127.0.0.1:${await freePort()}` });
      expectBadInput(
        run,
        { passed: 'false' },
        "Prometheus query 'targets_up' failed",
        'could not be reached (ECONNREFUSED)',
      );
    });

    test('401: wrong credentials; the token is masked and never shown', async () => {
      const run = await gate('targets_up: sum(up)', {
        'prometheus-url': secured.url,
        'prometheus-token': 'wrong-token-4242',
      });
      expectBadInput(
        run,
        { passed: 'false' },
        "Prometheus query 'targets_up' failed",
        'refused the credentials (HTTP 401)',
      );
      expect(run.commands.filter((c) => c.command === 'add-mask').map((c) => c.data)).toContain('wrong-token-4242');
      expect(leftBehind(run)).not.toContain('wrong-token-4242');
    });

    test("the URL's user and password are sent as basic auth, and masked", async () => {
      const url = secured.url.replace('http://', 'http://admin:test@');
      const run = await gate('targets_up: sum(up)', { 'prometheus-url': url });
      expect(run.errors).toEqual([]);
      expect(run.outputs.passed).toBe('true');
      const basic = Buffer.from('admin:test').toString('base64');
      expect(run.commands.filter((c) => c.command === 'add-mask').map((c) => c.data)).toEqual(
        expect.arrayContaining([url, basic]),
      );
      expect(leftBehind(run)).not.toContain(url);
      expect(leftBehind(run)).not.toContain(basic);
    });

    test('a PromQL syntax error', async () => {
      const run = await gate('targets_up: sum(up');
      expectBadInput(
        run,
        { passed: 'false' },
        "input 'prometheus-queries' line 1: Prometheus query 'targets_up' failed",
        'HTTP 400, bad_data',
        'unclosed left parenthesis',
      );
    });

    test('no series', async () => {
      const run = await gate('targets_up: up{job="not-scraped"}');
      expectBadInput(run, { passed: 'false' }, "Prometheus query 'targets_up' returned no series");
    });

    test('several series', async () => {
      const run = await gate('targets_up: sum by (handler) (prometheus_http_requests_total)');
      expectBadInput(
        run,
        { passed: 'false' },
        "Prometheus query 'targets_up' returned",
        'series ({handler=',
        'aggregate them',
      );
    });

    test('a stale sample (its data older than prometheus-max-age)', async () => {
      await sleep(Math.max(0, (firstScrape + 4) * 1000 - Date.now()));
      const run = await gate(`targets_up: up{job="prometheus"} @ ${firstScrape}`, { 'prometheus-max-age': '2s' });
      expectBadInput(
        run,
        { passed: 'false' },
        "Prometheus query 'targets_up' is stale: its newest sample was taken",
        'more than prometheus-max-age (2s)',
      );
    });

    test('NaN', async () => {
      const run = await gate('targets_up: sum(up) * 0 / 0');
      expectBadInput(run, { passed: 'false' }, "Prometheus query 'targets_up' gave NaN");
    });

    test('a query named like a metric of a file', async () => {
      const run = await gate('accuracy: sum(up)', {
        metrics: 'examples/reports/metrics.json',
        thresholds: 'accuracy: 0.5',
      });
      expectBadInput(
        run,
        { passed: 'false' },
        "query 'accuracy' has the name of a metric of examples/reports/metrics.json:2",
      );
    });
  });

  test.each([
    [{ 'prometheus-queries': 'a: sum(up)' }, "'prometheus-queries' needs 'prometheus-url'"],
    [{ 'prometheus-url': 'http://x:9090' }, "'prometheus-url' needs 'prometheus-queries'"],
    [{ 'prometheus-url': 'ftp://x', 'prometheus-queries': 'a: up' }, 'must be an http or https URL'],
    [{ 'prometheus-url': 'http://x/?a=1', 'prometheus-queries': 'a: up' }, 'without a query or fragment'],
    [
      { 'prometheus-url': 'http://x', 'prometheus-queries': 'a: up', 'prometheus-max-age': '15 minutes' },
      'must be a Prometheus duration',
    ],
    [
      { 'prometheus-url': 'http://x', 'prometheus-queries': 'a: up', 'prometheus-token': 'Bearer abc' },
      'the token alone',
    ],
    [{ 'prometheus-url': 'http://x', 'prometheus-queries': 'a: 0.5' }, "query for 'a' must be a PromQL expression"],
    [{ 'prometheus-url': 'http://x', 'prometheus-queries': 'a: up\na: down' }, 'Map keys must be unique'],
  ])('settings %j are refused before any query', async (inputs, message) => {
    const run = await runActionAsync({ stage: 'gate', thresholds: 'a: 1', ...inputs }, ROOT);
    expectBadInput(run, { passed: 'false' }, message);
  });

  test('drift does not read the Prometheus inputs: refused', async () => {
    const run = await runActionAsync(
      {
        stage: 'drift',
        reference: 'examples/data/reference.csv',
        current: 'examples/data/current.csv',
        'prometheus-url': 'http://x',
      },
      ROOT,
    );
    expectBadInput(run, {}, "input 'prometheus-url' is not used by stage 'drift' (it is read by gate and validate)");
  });
});
