/**
 * Real servers for the production-monitoring tests, each on a free local port and stopped by its own
 * PID: Debian's `prometheus` (its own temp config and data folder, 1 s scrapes), examples/project's
 * serve.py, and an SMTP server on python3-aiosmtpd (smtp_server.py: AUTH and STARTTLS).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT, type ActionRun } from '../../scripts/lib/run-action.mjs';

export const PROJECT = path.join(ROOT, 'examples/project');

/** The prometheus binary, or undefined when it is not installed (`.ci/run` installs it). */
export const PROMETHEUS = ['prometheus', '/usr/bin/prometheus'].find(
  (bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0,
);

/** The first python3 that imports `modules`: $PYTHON, python3 on PATH, then Debian's. */
export function findPython(modules: string): string | undefined {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => Boolean(c));
  return candidates.find((py) => spawnSync(py, ['-c', `import ${modules}`], { stdio: 'ignore' }).status === 0);
}

/** A port nothing listens on right now (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (${String(last)})` : ''}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A child process the test owns: its output kept, stopped by its PID. */
export interface Owned {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export function own(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Owned {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr?.setEncoding('utf8').on('data', (d) => (output = (output + d).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      process.kill(child.pid, 'SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5000)));
      const killed = await Promise.race([exited.then(() => true), late]);
      clearTimeout(timer);
      if (!killed && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
      await exited;
    },
  };
}

export interface Prometheus extends Owned {
  url: string;
  dir: string;
  /** One instant query's JSON answer. */
  query(promql: string): Promise<{ status: string; data: { resultType: string; result: unknown[] } }>;
}

/**
 * Starts Prometheus scraping `targets` (job name → host:port) every second, plus itself as job
 * `prometheus`; `webConfig` is the text of a --web.config.file (basic auth). Resolves when ready.
 */
export async function startPrometheus(targets: Record<string, string>, webConfig?: string): Promise<Prometheus> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mqg-prometheus-'));
  const port = await freePort();
  const jobs = { prometheus: `127.0.0.1:${port}`, ...targets };
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    ...Object.entries(jobs).flatMap(([job, target]) => [
      `  - job_name: ${JSON.stringify(job)}`,
      ...(job === 'prometheus' && webConfig ? ['    basic_auth: {username: admin, password: test}'] : []),
      `    static_configs: [{targets: [${JSON.stringify(target)}]}]`,
    ]),
  ].join('\n');
  writeFileSync(path.join(dir, 'prometheus.yml'), `${config}\n`);
  const args = [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
  ];
  if (webConfig) {
    writeFileSync(path.join(dir, 'web.yml'), webConfig);
    args.push(`--web.config.file=${path.join(dir, 'web.yml')}`);
  }
  const proc = own(PROMETHEUS as string, args);
  const url = `http://127.0.0.1:${port}`;
  const auth: Record<string, string> = webConfig
    ? { authorization: `Basic ${Buffer.from('admin:test').toString('base64')}` }
    : {};
  const stop = async () => {
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('Prometheus to be ready', async () =>
      (await fetch(`${url}/-/ready`, { headers: auth })).ok ? true : undefined,
    );
  } catch (e) {
    await stop();
    throw new Error(`${String(e)}\n${proc.output()}`);
  }
  return {
    ...proc,
    stop,
    url,
    dir,
    query: async (promql) => {
      const res = await fetch(`${url}/api/v1/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth },
        body: new URLSearchParams({ query: promql }).toString(),
      });
      return (await res.json()) as Awaited<ReturnType<Prometheus['query']>>;
    },
  };
}

export interface ModelServer extends Owned {
  url: string;
}

/** serve.py on `port` with `modelPath`, answering as model version `version`. Resolves when healthy. */
export async function startServe(
  python: string,
  opts: { modelPath: string; version: string; port: number; featuresLog?: string; token?: string },
): Promise<ModelServer> {
  const proc = own(python, ['serve.py'], {
    cwd: PROJECT,
    env: {
      ...process.env,
      PYTHONDONTWRITEBYTECODE: '1',
      MODEL_PATH: opts.modelPath,
      MODEL_VERSION: opts.version,
      HOST: '127.0.0.1',
      PORT: String(opts.port),
      FEATURES_LOG: opts.featuresLog ?? '',
      API_TOKEN: opts.token ?? '',
    },
  });
  const url = `http://127.0.0.1:${opts.port}`;
  try {
    await waitFor('serve.py to answer /healthz', async () => ((await fetch(`${url}/healthz`)).ok ? true : undefined));
  } catch (e) {
    await proc.stop();
    throw new Error(`${String(e)}\n${proc.output()}`);
  }
  return { ...proc, url };
}

export interface SmtpServer extends Owned {
  port: number;
  /** Messages received so far (smtp_server.py writes one JSON line each). */
  received(): Received[];
}

export interface Received {
  mail_from: string;
  rcpt_tos: string[];
  subject: string;
  from: string;
  to: string;
  text: string;
  html: string;
  raw: string;
  tls: boolean;
  login: string;
}

/** A self-signed certificate for 127.0.0.1 (openssl), in `dir`. */
export function selfSignedCert(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  const res = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(`openssl failed: ${res.stderr}`);
  return { cert, key };
}

/** smtp_server.py: STARTTLS required, AUTH PLAIN/LOGIN with `user` and `password`. */
export async function startSmtp(python: string, dir: string, user: string, password: string): Promise<SmtpServer> {
  const { cert, key } = selfSignedCert(dir);
  const port = await freePort();
  const out = path.join(dir, 'received.jsonl');
  writeFileSync(out, '');
  const proc = own(python, [path.join(ROOT, '__tests__/helpers/smtp_server.py'), String(port), cert, key, out], {
    env: { ...process.env, SMTP_TEST_USER: user, SMTP_TEST_PASSWORD: password },
  });
  try {
    await waitFor('the SMTP server', async () => (proc.output().includes('ready') ? true : undefined));
  } catch (e) {
    await proc.stop();
    throw new Error(`${String(e)}\n${proc.output()}`);
  }
  return {
    ...proc,
    port,
    received: () =>
      readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Received),
  };
}

/** Every text a run leaves behind (log, outputs, summary, report file) but the masking commands themselves. */
export function leftBehind(run: ActionRun): string {
  const log = (run.stdout + run.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const report = run.outputs.report ? readFileSync(run.outputs.report, 'utf8') : '';
  return [log, JSON.stringify(run.outputs), run.summary, report].join('\n');
}
