/**
 * The production-monitoring loop of examples/workflows/production-monitor.yml, end to end with real
 * parts: serve.py (prometheus_client) serving a model trained by train.py, a real Prometheus
 * scraping it every second, traffic and ground-truth feedback sent here, a registry in a local bare
 * git remote (v0.1.0 then v0.2.0 promoted to prod), a real SMTP server and a local webhook.
 *
 * The workflow's own steps are run with the built action (their `with:` read from the workflow,
 * secrets replaced by the local servers): the gate passes the healthy model; the server is then
 * restarted with a degraded model (a classifier that learned nothing) and the same gate fails and
 * notifies by Slack webhook and email; the rollback step then gives prod back to v0.1.0. Queries
 * are prod-queries.yml with a 10 s window instead of 15 min. Every process is stopped by its PID.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT, runActionAsync, tempDir, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { gitFixture, sh, type Fixture } from '../registry/git-fixture.js';
import {
  findPython,
  freePort,
  PROJECT,
  PROMETHEUS,
  sleep,
  startPrometheus,
  startServe,
  startSmtp,
  waitFor,
  type ModelServer,
  type Prometheus,
  type SmtpServer,
} from '../helpers/servers.js';

const PYTHON = findPython('sklearn, joblib, prometheus_client, aiosmtpd');
const missing = [!PROMETHEUS && 'prometheus', !PYTHON && 'python3 with sklearn, prometheus_client and aiosmtpd'].filter(
  Boolean,
);
const title = missing.length
  ? `production monitoring loop — SKIPPED: needs ${missing.join(' and ')} (.ci/run installs them)`
  : 'production monitoring loop: serve.py, Prometheus, the gate, notifications and the rollback';
const describeLoop = missing.length ? describe.skip : describe;

interface Step {
  id?: string;
  name?: string;
  if?: string;
  with?: Record<string, string>;
}
const WORKFLOW = parse(readFileSync(path.join(ROOT, 'examples/workflows/production-monitor.yml'), 'utf8')) as {
  jobs: { monitor: { steps: Step[] } };
};
const STEPS = WORKFLOW.jobs.monitor.steps;
const step = (id: string) => STEPS.find((s) => s.id === id) as Step;

function py(args: string[], cwd = PROJECT): void {
  const res = spawnSync(PYTHON as string, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    timeout: 120_000,
  });
  if (res.status !== 0) throw new Error(`python ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
}

/** Rows of data/current.csv with their labels, to send as traffic and feedback. */
function labelledRows(): { rows: number[][]; labels: number[] } {
  const [header, ...lines] = readFileSync(path.join(PROJECT, 'data/current.csv'), 'utf8').trim().split('\n');
  const target = header.split(',').indexOf('target');
  const cells = lines.map((l) => l.split(',').map(Number));
  return { rows: cells.map((c) => c.filter((_, i) => i !== target)), labels: cells.map((c) => c[target]) };
}

describeLoop(title, () => {
  let work = '';
  let fx: Fixture;
  let repo = '';
  let servePort = 0;
  let prom: Prometheus;
  let serve: ModelServer | undefined;
  let smtp: SmtpServer;
  let hook: Server;
  let hookUrl = '';
  const posted: { text: string }[] = [];
  let traffic: Promise<void> | undefined;
  let sending = false;
  let gateRun: ActionRun;
  const started = Date.now();
  // Where the time goes, printed at the end (the issue asks for the loop's duration): phase → seconds.
  const phases: [string, number][] = [];
  let last = started;
  const mark = (phase: string) => {
    phases.push([phase, (Date.now() - last) / 1000]);
    last = Date.now();
  };
  const queries = () =>
    parse(readFileSync(path.join(repo, 'examples/project/prod-queries.yml'), 'utf8')) as Record<string, string>;

  /** Sends 10 labelled rows to /predict and their labels to /feedback, every 100 ms, until stopped. */
  function startTraffic(): void {
    const { rows, labels } = labelledRows();
    sending = true;
    traffic = (async () => {
      for (let i = 0; sending; i = (i + 10) % (rows.length - 10)) {
        try {
          const res = await fetch(`${serve?.url}/predict`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ instances: rows.slice(i, i + 10) }),
          });
          const { request_id } = (await res.json()) as { request_id: string };
          await fetch(`${serve?.url}/feedback`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ request_id, labels: labels.slice(i, i + 10) }),
          });
        } catch {
          // The server is being restarted: the next round tries again.
        }
        await sleep(100);
      }
    })();
  }
  async function stopTraffic(): Promise<void> {
    sending = false;
    await traffic;
  }

  /** The value Prometheus gives a query of prod-queries.yml now (undefined: no single finite value yet). */
  async function value(name: string): Promise<number | undefined> {
    const answer = await prom.query(queries()[name]);
    const result = answer.data.result as { value: [number, string] }[];
    const v = result.length === 1 ? Number(result[0].value[1]) : NaN;
    return Number.isFinite(v) ? v : undefined;
  }

  /** A workflow step's inputs, its expressions replaced by the local servers. */
  function inputsOf(s: Step): Record<string, string> {
    const secrets: Record<string, string> = {
      '${{ secrets.PROMETHEUS_URL }}': prom.url,
      '${{ secrets.PROMETHEUS_TOKEN }}': '',
      '${{ secrets.SLACK_WEBHOOK_URL }}': hookUrl,
      '${{ vars.ALERT_EMAIL }}': 'oncall@example.com',
      '${{ secrets.SMTP_URL }}': `smtp://gate-bot:s3cret%21@127.0.0.1:${smtp.port}?tls-verify=false`,
    };
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(s.with ?? {})) {
      const text = String(v);
      if (text.includes('${{') && !(text in secrets))
        throw new Error(`no local value for ${text} (step ${s.id}, ${k})`);
      out[k] = text in secrets ? secrets[text] : text;
    }
    return out;
  }
  const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'org/models', GITHUB_RUN_ID: '7' };

  beforeAll(async () => {
    work = tempDir('mqg-prod-');
    // The model, its offline metrics, and a degraded model (a classifier that learned nothing).
    py(['train.py', '--data', 'data/reference.csv', '--out', work]);
    py([
      'evaluate.py',
      '--model',
      path.join(work, 'model.joblib'),
      '--holdout',
      path.join(work, 'holdout.csv'),
      '--out',
      work,
    ]);
    py([
      '-c',
      'import sys, joblib; from sklearn.dummy import DummyClassifier; from common import read_csv\n' +
        'X, y, names = read_csv("data/reference.csv")\n' +
        'm = DummyClassifier(strategy="most_frequent").fit(X, y); m.feature_names_ = names\n' +
        'joblib.dump(m, sys.argv[1])',
      path.join(work, 'degraded.joblib'),
    ]);

    mark('train, evaluate, degraded model');
    // The repository: the project's files, prod-queries.yml with a 10 s window; v0.1.0 and v0.2.0 in prod.
    fx = gitFixture();
    repo = fx.clone('repo');
    mkdirSync(path.join(repo, 'examples/project'), { recursive: true });
    mkdirSync(path.join(repo, 'models'), { recursive: true });
    mkdirSync(path.join(repo, 'reports'), { recursive: true });
    for (const f of ['prod-gate.yml', 'gate.yml'])
      copyFileSync(path.join(PROJECT, f), path.join(repo, 'examples/project', f));
    const prodQueries = readFileSync(path.join(PROJECT, 'prod-queries.yml'), 'utf8');
    expect(prodQueries.match(/\[15m\]/g)?.length).toBe(5);
    writeFileSync(path.join(repo, 'examples/project/prod-queries.yml'), prodQueries.replace(/\[15m\]/g, '[10s]'));
    copyFileSync(path.join(work, 'model.joblib'), path.join(repo, 'models/model.joblib'));
    for (const f of ['metrics.json', 'classification_report.json'])
      copyFileSync(path.join(work, f), path.join(repo, 'reports', f));
    const promote = {
      stage: 'promote',
      'model-name': 'breast-cancer',
      'model-path': 'models/model.joblib',
      metrics: 'reports/metrics.json\nreports/classification_report.json',
      thresholds: 'examples/project/gate.yml',
      'promote-to': 'prod',
    };
    for (const version of ['v0.1.0', 'v0.2.0']) {
      sh(repo, 'add', '-A');
      sh(
        repo,
        '-c',
        'user.name=Test',
        '-c',
        'user.email=test@example.com',
        'commit',
        '--quiet',
        '--allow-empty',
        '-m',
        `model ${version}`,
      );
      sh(repo, 'push', '--quiet', 'origin', 'HEAD:main');
      const run = await runActionAsync(promote, repo);
      expect(run.errors).toEqual([]);
      expect(run.outputs).toMatchObject({ version, promoted: 'true' });
    }

    mark('registry: two promotions');
    // Notifications: a local webhook and a real SMTP server.
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        posted.push(JSON.parse(body));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/services/T0/B0/hook-secret`;
    smtp = await startSmtp(PYTHON as string, work, 'gate-bot', 's3cret!');

    // Production: serve.py as v0.2.0, scraped every second as job breast-cancer.
    servePort = await freePort();
    prom = await startPrometheus({ 'breast-cancer': `127.0.0.1:${servePort}` });
    serve = await startServe(PYTHON as string, {
      modelPath: path.join(work, 'model.joblib'),
      version: 'v0.2.0',
      port: servePort,
      featuresLog: path.join(work, 'features.jsonl'),
    });
    startTraffic();
    mark('SMTP, Prometheus and serve.py up');
  }, 300_000);

  afterAll(async () => {
    await stopTraffic();
    await Promise.all([serve?.stop(), prom?.stop(), smtp?.stop()]);
    if (hook) await new Promise((resolve) => hook.close(resolve));
    fx?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
    // The measure the issue asks for: how long the loop takes, set-up included.
    const shown = phases.map(([p, t]) => `${p} ${t.toFixed(1)} s`).join(', ');
    console.log(`production monitoring loop: ${((Date.now() - started) / 1000).toFixed(1)} s (${shown})`);
  }, 60_000);

  test("the healthy model passes the workflow's gate step (accuracy from feedback, p95 latency, error rate)", async () => {
    // A full window: at least 200 labelled predictions (20 batches) in the last 10 s, so the accuracy
    // is the model's on most of current.csv (at least 0.96 over any 20 consecutive batches), not a
    // few lucky or unlucky rows.
    await waitFor(
      'Prometheus to have all three values over a full window',
      async () => {
        const values = await Promise.all(['accuracy', 'latency_p95_seconds', 'error_rate'].map(value));
        const labelled = await prom.query(
          'sum(increase(model_server_feedback_labelled_total{job="breast-cancer"}[10s]))',
        );
        const [sample] = labelled.data.result as { value: [number, string] }[];
        return values.every((v) => v !== undefined) && sample && Number(sample.value[1]) >= 200 ? values : undefined;
      },
      60_000,
    );
    mark('healthy: a full 10 s window of traffic');
    gateRun = await runActionAsync(inputsOf(step('prod')), repo, env);
    mark('healthy: the gate');
    expect(gateRun.errors).toEqual([]);
    expect([gateRun.code, gateRun.outputs.passed]).toEqual([0, 'true']);
    const metrics = JSON.parse(gateRun.outputs.metrics);
    expect(metrics.accuracy).toBeGreaterThan(0.9);
    expect(metrics.error_rate).toBe(0);
    expect(metrics.latency_p95_seconds).toBeLessThan(0.25);
    // Against the metrics v0.2.0 was promoted with: the summary shows the baseline and the queries.
    expect(gateRun.summary).toContain('baseline: registry:breast-cancer@prod');
    expect(gateRun.summary).toContain('### Production metrics from Prometheus (examples/project/prod-queries.yml)');
    expect(gateRun.summary).toContain(
      'model_server_feedback_correct_total{job=&quot;breast-cancer&quot;}&#91;10s&#93;',
    );
    // Notified on failure only.
    expect(posted).toEqual([]);
    expect(smtp.received()).toEqual([]);
    expect(step('rollback').if).toBe("steps.prod.outputs.passed == 'false'");
  });

  test('a saved scrape of /metrics is read by the gate as the prometheus format', async () => {
    const scrape = path.join(work, 'scrape.prom');
    writeFileSync(scrape, await (await fetch(`${serve?.url}/metrics`)).text());
    const run = await runActionAsync(
      {
        stage: 'gate',
        metrics: scrape,
        thresholds:
          '\'model_server_requests_total{endpoint="predict"}\': ">= 1"\n\'model_server_info{version="v0.2.0"}\': "== 1"',
      },
      repo,
    );
    expect(run.errors).toEqual([]);
    expect(run.outputs.passed).toBe('true');
    expect(run.summary).toContain('(prometheus)');
  });

  test('the features served are JSON Lines the drift stage compares with the training data', async () => {
    expect(existsSync(path.join(work, 'features.jsonl'))).toBe(true);
    const run = await runActionAsync(
      {
        stage: 'drift',
        reference: path.join(PROJECT, 'data/reference.csv'),
        current: path.join(work, 'features.jsonl'),
        'fail-on-violation': 'false',
      },
      repo,
    );
    expect(run.errors).toEqual([]);
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    // The 30 features; request_id and time are only on the current side, target only in the reference.
    expect(report.columns).toHaveLength(30);
  });

  test('a degraded model fails the same gate and notifies by webhook and email; no rollback yet', async () => {
    mark('the scrape and drift tests');
    await serve?.stop();
    serve = await startServe(PYTHON as string, {
      modelPath: path.join(work, 'degraded.joblib'),
      version: 'v0.2.0',
      port: servePort,
    });
    await waitFor(
      'the accuracy of the last 10 s to fall',
      async () => {
        const v = await value('accuracy');
        return v !== undefined && v < 0.8 ? v : undefined;
      },
      90_000,
    );
    mark('degraded: restart, accuracy falls in the window');
    gateRun = await runActionAsync(inputsOf(step('prod')), repo, env);
    mark('degraded: the gate and its notifications');
    expect(gateRun.code).toBe(0); // fail-on-violation: false; the rollback steps act on passed
    expect(gateRun.outputs.passed).toBe('false');
    expect(JSON.parse(gateRun.outputs.failed)).toContain('accuracy');
    expect(gateRun.warnings.map((w) => w.located)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^examples\/project\/prod-queries\.yml:6: accuracy = 0\.\d+: 0\.\d+ is not >= 0\.9/),
      ]),
    );
    // Slack and email, each once, with the verdict; the model named from the registry baseline.
    expect(posted.map((p) => p.text)).toEqual(['ml-quality-gate gate: failed']);
    const mail = smtp.received();
    expect(mail.map((m) => [m.subject, m.rcpt_tos])).toEqual([
      ['[ml-quality-gate] breast-cancer: gate failed', ['oncall@example.com']],
    ]);
    expect(mail[0].text).toMatch(/accuracy = 0\.\d+: 0\.\d+ is not >= 0\.9/);
    expect(mail[0].html).toContain('https://github.com/org/models/actions/runs/7');
    expect(mail[0].raw).not.toContain('s3cret');
  });

  test("the workflow's rollback step gives prod back to v0.1.0", async () => {
    expect(gateRun.outputs.passed).toBe('false'); // the step's condition, as the runner evaluates it
    const run = await runActionAsync(inputsOf(step('rollback')), repo, env);
    mark('rollback');
    expect(run.errors).toEqual([]);
    // GTO's way: v0.2.0 is unassigned from prod (at its commit), so v0.1.0's assignment holds again.
    expect(run.outputs).toMatchObject({
      version: 'v0.1.0',
      'previous-version': 'v0.2.0',
      tag: 'breast-cancer#prod!#3',
    });
    expect(fx.remoteTags()).toEqual(
      expect.arrayContaining(['breast-cancer#prod!#3', 'breast-cancer@v0.1.0', 'breast-cancer@v0.2.0']),
    );
    const commitOf = (tag: string) => sh(repo, 'rev-parse', `${tag}^{commit}`);
    sh(repo, 'fetch', '-q', '--tags', 'origin');
    expect(commitOf('breast-cancer#prod!#3')).toBe(commitOf('breast-cancer@v0.2.0'));
    // The registry baseline the next monitoring run reads is v0.1.0's.
    const baseline = await runActionAsync(
      {
        stage: 'gate',
        metrics: 'reports/metrics.json',
        thresholds: 'accuracy: { max-drop: 1 }',
        baseline: 'registry:breast-cancer@prod',
      },
      repo,
      env,
    );
    expect(baseline.summary).toContain('breast-cancer@v0.1.0');
  });
});
