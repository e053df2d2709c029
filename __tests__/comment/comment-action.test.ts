/**
 * The pull-request comment, through the built action (dist/index.js run as the runner does) against
 * a local server implementing the REST endpoints it uses (./github-api.ts), every request recorded.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runActionAsync, tempDir, type ActionRun } from '../../scripts/lib/run-action.mjs';
import { FakeGitHub, GITHUB_403_TEXT } from './github-api.js';

const TOKEN = 'ghs_TestToken0123456789abcdefABCDEF';
const PR = 7;
const api = new FakeGitHub();
const ghes = new FakeGitHub('/api/v3');
let eventFile: string;
let runId = 100;

beforeAll(async () => {
  await Promise.all([api.start(), ghes.start()]);
  const dir = tempDir('mqg-event-');
  eventFile = join(dir, 'event.json');
  writeFileSync(eventFile, JSON.stringify({ action: 'synchronize', number: PR, pull_request: { number: PR } }));
});
afterAll(() => Promise.all([api.stop(), ghes.stop()]));
beforeEach(() => {
  api.reset();
  ghes.reset();
});

const passing = { stage: 'gate', metrics: 'examples/reports/metrics.json', thresholds: 'accuracy: ">= 0.9"' };
const failing = { stage: 'gate', metrics: 'examples/reports/regressed-metrics.json', thresholds: 'accuracy: ">= 0.9"' };

/** The runner's variables of a `pull_request` run of workflow `ci`, job `quality`: a new run each call. */
function prEnv(server = api, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_API_URL: server.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'org/repo',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_JOB: 'quality',
    GITHUB_RUN_ID: String(runId++),
    GITHUB_RUN_ATTEMPT: '1',
    ...extra,
  };
}

function run(inputs: Record<string, string>, env: Record<string, string>, cwd = ROOT): Promise<ActionRun> {
  return runActionAsync({ comment: 'update', 'github-token': TOKEN, ...inputs }, cwd, env, { timeoutMs: 60_000 });
}

const markerId = (body: string) => /ml-quality-gate comment ([0-9a-f]{16})/.exec(body)?.[1];

test('the first run creates the comment, the next runs update the same one', async () => {
  const first = await run(passing, prEnv());
  expect(first.code).toBe(0);
  expect(first.warnings).toEqual([]);
  expect(api.writes().map((r) => `${r.method} ${r.url}`)).toEqual([`POST /repos/org/repo/issues/${PR}/comments`]);
  const [created] = api.all(PR);
  expect(created.body).toContain(first.summary);
  expect(created.body).toContain('[workflow run](https://github.com/org/repo/actions/runs/');
  expect(first.stderr + first.stdout).toContain(`pull-request comment ${created.id} created on org/repo#${PR}`);

  api.requests.length = 0;
  const second = await run(failing, prEnv());
  expect(second.code).toBe(1);
  expect(api.writes().map((r) => `${r.method} ${r.url}`)).toEqual([
    `PATCH /repos/org/repo/issues/comments/${created.id}`,
  ]);
  expect(api.all(PR)).toHaveLength(1);
  expect(api.all(PR)[0].body).toContain(second.summary);
  expect(api.all(PR)[0].body).toContain('Quality gate failed');
  expect(markerId(api.all(PR)[0].body)).toBe(markerId(created.body));
  // Every request carries the token as GitHub expects it; the listing asks for full pages.
  expect(api.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
  expect(api.requests[0].url).toBe(`/repos/org/repo/issues/${PR}/comments?per_page=100&page=1`);
});

test('comment: new posts a new comment on every run', async () => {
  await run({ ...passing, comment: 'new' }, prEnv());
  await run({ ...passing, comment: 'new' }, prEnv());
  expect(api.writes().map((r) => r.method)).toEqual(['POST', 'POST']);
  expect(api.requests.filter((r) => r.method === 'GET')).toEqual([]);
  expect(api.all(PR)).toHaveLength(2);
});

test('two stages make two comments, each updated in place', async () => {
  const validate = { stage: 'validate', metrics: 'examples/reports/metrics.json', 'required-metrics': 'accuracy' };
  for (let i = 0; i < 2; i++) {
    await run(passing, prEnv());
    await run(validate, prEnv());
  }
  expect(api.writes().map((r) => r.method)).toEqual(['POST', 'POST', 'PATCH', 'PATCH']);
  const bodies = api.all(PR).map((c) => c.body);
  expect(bodies).toHaveLength(2);
  expect(new Set(bodies.map(markerId)).size).toBe(2);
  expect(bodies[0]).toContain('Quality gate passed');
  expect(bodies[1]).toMatch(/valid/i);
});

test('the comment-key tells matrix legs apart; without it a second leg of the same run does not overwrite the first', async () => {
  const env = prEnv();
  await run(passing, env);
  const leg2 = await run(failing, env);
  expect(api.writes().map((r) => r.method)).toEqual(['POST']);
  expect(leg2.code).toBe(1);
  expect(leg2.warnings.map((w) => w.data)).toEqual([
    expect.stringContaining(
      "another step or matrix leg of this run (same workflow, job and stage) already wrote this comment; set 'comment-key'",
    ),
  ]);
  await run({ ...failing, 'comment-key': 'windows-latest' }, env);
  expect(api.writes().map((r) => r.method)).toEqual(['POST', 'POST']);
  expect(new Set(api.all(PR).map((c) => markerId(c.body))).size).toBe(2);
});

test('the marker is found on page 3, anywhere in a body a person edited; a person’s copy of it is never edited', async () => {
  const first = await run(passing, prEnv());
  expect(first.warnings).toEqual([]);
  const [ours] = api.all(PR);
  const marker = /<!--.*?-->/.exec(ours.body)?.[0] as string;
  api.reset();
  // Page 1 holds a person's comment quoting the marker (anyone can paste it); 250 comments in all.
  api.seed(PR, `${marker}\nI say it passed`, { login: 'mallory', type: 'User' });
  for (let i = 0; i < 230; i++) api.seed(PR, `review comment ${i}`);
  const kept = api.seed(PR, `Edited by a maintainer.\n\n${ours.body.replace(marker, `prefix ${marker}`)}`, ours.user);
  for (let i = 0; i < 18; i++) api.seed(PR, `late comment ${i}`);

  const second = await run(failing, prEnv());
  expect(second.warnings).toEqual([]);
  const lists = api.requests.filter((r) => r.method === 'GET' && r.url.includes('/comments'));
  expect(lists.map((r) => new URL(r.url, api.base).searchParams.get('page'))).toEqual(['1', '2', '3']);
  expect(api.writes().map((r) => `${r.method} ${r.url}`)).toEqual([`PATCH /repos/org/repo/issues/comments/${kept.id}`]);
  expect(api.all(PR)[0].body).toBe(`${marker}\nI say it passed`);
  // The edit is the action's own text again, marker included.
  expect(kept.body).toContain(second.summary);
  expect(markerId(kept.body)).toBe(markerId(ours.body));
});

test('a comment whose marker a person removed is left alone: a new one is posted', async () => {
  await run(passing, prEnv());
  const [ours] = api.all(PR);
  ours.body = ours.body.replace(/<!--.*?-->/, '');
  await run(passing, prEnv());
  expect(api.writes().map((r) => r.method)).toEqual(['POST', 'POST']);
  expect(api.all(PR)[0].body).not.toMatch(/ml-quality-gate comment/);
});

test('GitHub Enterprise Server: every request goes under GITHUB_API_URL’s /api/v3', async () => {
  await run(passing, prEnv(ghes));
  await run(passing, prEnv(ghes));
  expect(ghes.requests.length).toBeGreaterThanOrEqual(3);
  expect(ghes.requests.every((r) => r.url.startsWith('/api/v3/repos/org/repo/issues/'))).toBe(true);
  expect(ghes.writes().map((r) => r.method)).toEqual(['POST', 'PATCH']);
  expect(api.requests).toEqual([]);
});

describe('a comment that cannot be posted is a warning; the verdict is unchanged', () => {
  test('403 (a fork’s read-only token): names the permission to add; GitHub’s text is not echoed', async () => {
    api.fail.set('create', 403);
    const pass = await run(passing, prEnv());
    expect(pass.code).toBe(0);
    expect(pass.outputs.passed).toBe('true');
    expect(pass.errors).toEqual([]);
    expect(pass.warnings.map((w) => w.data)).toEqual([
      expect.stringMatching(
        /^pull-request comment not posted: the token may not comment \(HTTP 403\) while creating the comment: give the job 'permissions: pull-requests: write'\..*\(the verdict is unchanged\)$/,
      ),
    ]);
    const fail = await run(failing, prEnv());
    expect(fail.code).toBe(1);
    expect(fail.outputs.passed).toBe('false');
    for (const r of [pass, fail]) expect(r.stdout + r.stderr).not.toContain(GITHUB_403_TEXT);
  });

  test('404 while listing, and a server error while updating', async () => {
    api.fail.set('list', 404);
    const notFound = await run(passing, prEnv());
    expect(notFound.code).toBe(0);
    expect(notFound.warnings.map((w) => w.data)).toEqual([
      expect.stringContaining(`pull request #${PR} of org/repo was not found (HTTP 404) at 127.0.0.1:`),
    ]);
    expect(api.writes()).toEqual([]);

    api.fail.clear();
    await run(passing, prEnv());
    api.fail.set('update', 502);
    const broken = await run(failing, prEnv());
    expect(broken.code).toBe(1);
    expect(broken.warnings.map((w) => w.data)).toEqual([
      expect.stringMatching(
        /the GitHub API answered HTTP 502 while updating comment \d+ \(the verdict is unchanged\)$/,
      ),
    ]);
  });

  test('a comment deleted since it was listed (404 on the edit): a new one is posted', async () => {
    await run(passing, prEnv());
    api.fail.set('update', 404);
    const r = await run(failing, prEnv());
    expect(r.code).toBe(1);
    expect(r.warnings).toEqual([]);
    expect(api.writes().map((w) => w.method)).toEqual(['POST', 'PATCH', 'POST']);
    expect(api.all(PR).at(-1)?.body).toContain(r.summary);
  });

  test('403 while listing names the permission too', async () => {
    api.fail.set('list', 403);
    const r = await run(failing, prEnv());
    expect(r.outputs.passed).toBe('false');
    expect(r.warnings.map((w) => w.data)).toEqual([
      expect.stringContaining(
        "the token may not comment (HTTP 403) while listing the comments: give the job 'permissions: pull-requests: write'",
      ),
    ]);
    expect(api.writes()).toEqual([]);
  });

  test('the default token, off a runner: GITHUB_TOKEN, masked', async () => {
    const r = await runActionAsync(
      { ...passing, comment: 'update', 'github-token': '${{ github.token }}' },
      ROOT,
      prEnv(api, { GITHUB_TOKEN: TOKEN }),
    );
    expect(r.warnings).toEqual([]);
    expect(api.requests.every((q) => q.authorization === `token ${TOKEN}`)).toBe(true);
    expect(r.commands.filter((c) => c.command === 'add-mask').map((c) => c.data)).toContain(TOKEN);
  });

  test('no token, or no server at all', async () => {
    const noToken = await runActionAsync({ ...passing, comment: 'update' }, ROOT, prEnv());
    expect(noToken.code).toBe(0);
    expect(noToken.warnings.map((w) => w.data)).toEqual([expect.stringContaining("no token: set 'github-token'")]);
    const closed = new FakeGitHub();
    await closed.start();
    await closed.stop();
    const down = await run(passing, prEnv(api, { GITHUB_API_URL: closed.apiUrl }));
    expect(down.code).toBe(0);
    expect(down.warnings.map((w) => w.data)).toEqual([
      expect.stringMatching(/the request failed while listing the comments \(ECONNREFUSED\)/),
    ]);
  });
});

test('the token appears in no log, output, summary, report or comment; it is masked', async () => {
  const runs = [await run(passing, prEnv()), await run(failing, prEnv())];
  api.fail.set('update', 403);
  runs.push(await run(failing, prEnv()));
  for (const r of runs) {
    expect(r.commands.filter((c) => c.command === 'add-mask').map((c) => c.data)).toContain(TOKEN);
    const log = (r.stdout + r.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(log.filter((l) => l.includes(TOKEN))).toEqual([]);
    expect(r.summary + JSON.stringify(r.outputs) + readFileSync(r.outputs.report, 'utf8')).not.toContain(TOKEN);
  }
  expect(api.requests.map((r) => JSON.stringify(r.body ?? '')).join('')).not.toContain(TOKEN);
});

test('a server that echoes the token back (headers, error messages, comment bodies): still in no log', async () => {
  api.echoToken = true;
  const runs = [await run(passing, prEnv()), await run(failing, prEnv())];
  expect(api.writes().map((r) => r.method)).toEqual(['POST', 'PATCH']);
  for (const [route, status] of [
    ['update', 401],
    ['update', 403],
    ['update', 500],
    ['list', 403],
    ['list', 404],
  ] as const) {
    api.fail.clear();
    api.fail.set(route, status);
    const r = await run(failing, prEnv());
    expect(r.outputs.passed).toBe('false');
    expect(r.warnings.map((w) => w.data)).toEqual([expect.stringContaining(`HTTP ${status}`)]);
    runs.push(r);
  }
  for (const r of runs) {
    const log = (r.stdout + r.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(log.filter((l) => l.includes(TOKEN) || l.includes('Bad credentials'))).toEqual([]);
    expect(r.summary + JSON.stringify(r.outputs) + readFileSync(r.outputs.report, 'utf8')).not.toContain(TOKEN);
  }
  // The server did get it, so the test could fail.
  expect(api.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
});

test('untrusted text is escaped exactly as in the job summary (same renderer)', async () => {
  const ws = tempDir('mqg-comment-ws-');
  const name = '<img src=x onerror=alert(1)> | **bold** [link](https://evil.example) `code` -->';
  writeFileSync(join(ws, 'metrics.json'), JSON.stringify({ [name]: 0.5 }));
  writeFileSync(join(ws, 'gate.yml'), `${JSON.stringify(name)}: ">= 0.9"\n`);
  const r = await run({ stage: 'gate', metrics: 'metrics.json', thresholds: 'gate.yml' }, prEnv(), ws);
  expect(r.code).toBe(1);
  const [comment] = api.all(PR);
  expect(r.summary).toContain('&lt;img src=x onerror=alert(1)&gt; &#124; &#42;&#42;bold&#42;&#42;');
  expect(comment.body).toContain(r.summary);
  // Nothing of the name survives raw: no tag, no link, no end of the marker's HTML comment.
  expect(comment.body).not.toContain('<img');
  expect(comment.body).not.toContain('](https://evil.example)');
  expect(comment.body.match(/-->/g)).toHaveLength(1);
});

test('a summary over the comment limit is cut, with a visible note and a link to the run', async () => {
  const ws = tempDir('mqg-comment-big-');
  const names = Array.from({ length: 1500 }, (_, i) => `metric_${String(i).padStart(4, '0')}_${'x'.repeat(40)}`);
  writeFileSync(join(ws, 'metrics.json'), JSON.stringify(Object.fromEntries(names.map((n) => [n, 0.5]))));
  writeFileSync(join(ws, 'gate.yml'), names.map((n) => `${n}: ">= 0.9"`).join('\n') + '\n');
  const env = prEnv();
  const r = await run({ stage: 'gate', metrics: 'metrics.json', thresholds: 'gate.yml' }, env, ws);
  expect(r.code).toBe(1);
  expect(r.summary.length).toBeGreaterThan(100_000);
  expect(r.summary).not.toContain('limited to');
  const [comment] = api.all(PR);
  expect(comment.body.length).toBeLessThanOrEqual(65_536);
  expect(Buffer.byteLength(comment.body)).toBeGreaterThan(60_000);
  const link = `https://github.com/org/repo/actions/runs/${env.GITHUB_RUN_ID}`;
  expect(comment.body).toMatch(
    new RegExp(
      String.raw`\*\*… \(truncated, \d+ more table rows( and \d+ more sections)?: a pull-request comment is limited to 65536 characters; the \[workflow run\]\(${link.replace(/[./]/g, '\\$&')}\)'s job summary and the JSON report have every entry\)\*\*`,
    ),
  );
  // What is kept is the summary's own beginning, row for row.
  const kept = comment.body.split('\n').slice(1, 20).join('\n');
  expect(r.summary).toContain(kept);
});

test('a run that could not run comments so, with its error escaped', async () => {
  const r = await run({ stage: 'gate', metrics: 'missing-<b>.json', thresholds: 'accuracy: ">= 0.9"' }, prEnv());
  expect(r.code).toBe(1);
  expect(r.errors).toHaveLength(1);
  const [comment] = api.all(PR);
  expect(comment.body).toContain('❌ ml-quality-gate gate could not run');
  expect(comment.body).toContain('missing-&lt;b&gt;.json');
  expect(comment.body).not.toContain('<b>');
});

test('bad settings comment too: the stage is unknown, the comment says so', async () => {
  const r = await run({ stage: 'gat' }, prEnv());
  expect(r.code).toBe(1);
  expect(api.all(PR).map((c) => c.body)).toEqual([expect.stringContaining("unknown stage 'gat'")]);
});

test('not a pull-request event: a notice, and no request at all', async () => {
  for (const event of ['push', 'workflow_dispatch', '']) {
    const r = await run(passing, prEnv(api, { GITHUB_EVENT_NAME: event }));
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([]);
    const notices = r.commands.filter((c) => c.command === 'notice').map((c) => c.data);
    expect(notices).toEqual([expect.stringContaining('no pull-request comment: this run is')]);
  }
  expect(api.requests).toEqual([]);
});

test('pull_request_target is a pull-request event; comment: off (the default) sends nothing', async () => {
  await run(passing, prEnv(api, { GITHUB_EVENT_NAME: 'pull_request_target' }));
  expect(api.writes()).toHaveLength(1);
  api.requests.length = 0;
  const off = await runActionAsync({ ...passing, 'github-token': TOKEN }, ROOT, prEnv());
  expect(off.code).toBe(0);
  expect(off.commands.filter((c) => c.command === 'notice' || c.command === 'warning')).toEqual([]);
  expect(api.requests).toEqual([]);
});

test('an event payload that names no pull request is a warning', async () => {
  const dir = tempDir('mqg-event-bad-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: '7' } }));
  const r = await run(passing, prEnv(api, { GITHUB_EVENT_PATH: join(dir, 'event.json') }));
  expect(r.code).toBe(0);
  expect(r.warnings.map((w) => w.data)).toEqual([expect.stringContaining('names no pull request number')]);
  expect(api.requests).toEqual([]);
});
