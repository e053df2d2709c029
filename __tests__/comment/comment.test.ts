/** The comment's pieces: marker, body and its cap, event payload, `Link` parsing, and the client's bounds. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { apiBaseUrl, commentSettings } from '../../src/comment/after-run.js';
import { commentBody, errorBlocks } from '../../src/comment/body.js';
import { pullRequestNumber } from '../../src/comment/event.js';
import { commentId, hasMarker, markerLine, markerRun, runTag } from '../../src/comment/marker.js';
import { hasNextPage, publishComment, type CommentRequest } from '../../src/comment/publish.js';
import { UserError } from '../../src/errors.js';
import { MAX_COMMENT_CHARS } from '../../src/report/limits.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { SummaryBlock } from '../../src/report/result.js';

describe('marker', () => {
  const env = { GITHUB_WORKFLOW: 'ci', GITHUB_JOB: 'quality' };

  test('one id per workflow, job, stage and key; 16 hex digits; stable', () => {
    const id = commentId(env, 'gate', '');
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(commentId({ ...env }, 'gate', '')).toBe(id);
    const others = [
      commentId({ ...env, GITHUB_WORKFLOW: 'ci2' }, 'gate', ''),
      commentId({ ...env, GITHUB_JOB: 'other' }, 'gate', ''),
      commentId(env, 'validate', ''),
      commentId(env, 'gate', 'ubuntu-latest'),
      // Parts are kept apart: moving text from one to the next is another id.
      commentId({ GITHUB_WORKFLOW: 'ci', GITHUB_JOB: 'qualitygate' }, '', ''),
    ];
    expect(new Set([id, ...others]).size).toBe(6);
  });

  test('names never reach the marker: a workflow called `-->` cannot end the HTML comment', () => {
    const id = commentId({ GITHUB_WORKFLOW: '--> <img src=x>', GITHUB_JOB: 'j' }, 'gate', '-->');
    const line = markerLine(id, '1.1');
    expect(line.match(/-->/g)).toHaveLength(1);
    expect(line.endsWith('-->')).toBe(true);
  });

  test('found anywhere in a body, with the run that wrote it', () => {
    const id = commentId(env, 'gate', '');
    const body = `Edited by a person\n\n> ${markerLine(id, '42.3')}\nmore`;
    expect(hasMarker(body, id)).toBe(true);
    expect(markerRun(body, id)).toBe('42.3');
    expect(hasMarker(body, commentId(env, 'drift', ''))).toBe(false);
    expect(markerRun(markerLine(id, undefined), id)).toBeUndefined();
  });

  test('run tag only from digits', () => {
    expect(runTag({ GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' })).toBe('42.2');
    expect(runTag({ GITHUB_RUN_ID: '42' })).toBeUndefined();
    expect(runTag({ GITHUB_RUN_ID: '4 2', GITHUB_RUN_ATTEMPT: '1' })).toBeUndefined();
  });
});

describe('body', () => {
  const id = '0123456789abcdef';

  test('the summary as the job summary renders it, between the marker and a footer with the run link', () => {
    const blocks: SummaryBlock[] = [
      { kind: 'heading', text: '❌ Quality gate failed' },
      { kind: 'table', header: ['Metric', 'Value'], rows: [['<b>f1</b>|x', '0.5']] },
    ];
    const url = 'https://github.com/o/r/actions/runs/9';
    const body = commentBody({ id, tag: '9.1', stage: 'gate', blocks, runUrl: url });
    expect(body.startsWith(`${markerLine(id, '9.1')}\n${renderMarkdown(blocks)}`)).toBe(true);
    expect(body.endsWith(`\n---\n<sub>ml-quality-gate · gate · [workflow run](${url})</sub>\n`)).toBe(true);
  });

  test('property: any summary stays under the limit, marker first; a cut one says so and where the rest is', () => {
    const text = fc.string({ unit: 'binary', maxLength: 700 });
    const block: fc.Arbitrary<SummaryBlock> = fc.oneof(
      fc.record({ kind: fc.constant('heading' as const), text }),
      fc.record({ kind: fc.constant('text' as const), text }),
      fc.record({
        kind: fc.constant('table' as const),
        header: fc.array(text, { minLength: 1, maxLength: 4 }),
        rows: fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { maxLength: 150 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 12 }),
        fc.constantFrom(undefined, 'https://github.com/o/r/actions/runs/1'),
        (blocks, runUrl) => {
          const body = commentBody({ id, stage: 'drift', blocks, runUrl });
          expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
          expect(body.startsWith(markerLine(id, undefined))).toBe(true);
          const whole = renderMarkdown(blocks);
          if (body.includes(whole)) return;
          expect(body).toContain('a pull-request comment is limited to 65536 characters');
          if (runUrl) expect(body).toContain(`the [workflow run](${runUrl})'s job summary`);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a run that could not run: the located message, escaped by the renderer', () => {
    const blocks = errorBlocks('gate', new UserError('rule for <b> is wrong', 'gate.yml', 3));
    const body = commentBody({ id, stage: 'gate', blocks });
    expect(body).toContain('## ❌ ml-quality-gate gate could not run');
    expect(body).toContain('gate.yml:3: rule for &lt;b&gt; is wrong');
    expect(errorBlocks('gate', new Error('boom'))[1]).toEqual({
      kind: 'text',
      text: 'internal error: boom (this is a bug; please report it)',
    });
  });
});

describe('inputs and the runner’s variables', () => {
  test('pull-request number from the payload, only a positive integer', () => {
    expect(pullRequestNumber({ number: 7, pull_request: { number: 7 } })).toBe(7);
    expect(pullRequestNumber({ number: 8 })).toBe(8);
    for (const bad of [
      null,
      'x',
      {},
      { pull_request: { number: '7' } },
      { number: -1 },
      { number: 1.5 },
      { number: 2 ** 60 },
    ]) {
      expect(pullRequestNumber(bad)).toBeUndefined();
    }
  });

  test('API base URL: GITHUB_API_URL without trailing slash, github.com by default, http(s) only', () => {
    expect(apiBaseUrl({})).toBe('https://api.github.com');
    expect(apiBaseUrl({ GITHUB_API_URL: 'https://ghe.example.com/api/v3/' })).toBe('https://ghe.example.com/api/v3');
    expect(apiBaseUrl({ GITHUB_API_URL: 'file:///etc/passwd' })).toBeUndefined();
    expect(apiBaseUrl({ GITHUB_API_URL: 'not a url' })).toBeUndefined();
  });

  test('settings read straight from the inputs (a run whose settings failed): a wrong mode is off', () => {
    const inputs: Record<string, string> = { comment: 'update', 'github-token': 't', 'comment-key': 'k' };
    expect(commentSettings((n) => inputs[n] ?? '')).toEqual({ comment: 'update', githubToken: 't', commentKey: 'k' });
    expect(commentSettings((n) => (n === 'comment' ? 'yes' : '')).comment).toBe('off');
  });

  test('Link header: rel="next" anywhere, in any form; its URL is not used', () => {
    const u = (p: number) => `<https://api.github.com/repositories/1/issues/7/comments?per_page=100&page=${p}>`;
    expect(hasNextPage(`${u(2)}; rel="next", ${u(5)}; rel="last"`)).toBe(true);
    expect(hasNextPage(`${u(4)}; rel="prev", ${u(1)}; rel="first"`)).toBe(false);
    expect(hasNextPage(`${u(2)}; rel=next`)).toBe(true);
    expect(hasNextPage(`${u(2)}; title="x"; rel="last next"`)).toBe(true);
    expect(hasNextPage(`${u(2)}; rel="nextish"`)).toBe(false);
    expect(hasNextPage(undefined)).toBe(false);
    expect(hasNextPage('')).toBe(false);
  });
});

describe('the client’s bounds, against servers that misbehave', () => {
  let server: Server;
  let base: string;
  let behaviour: 'stall' | 'flood' | 'not-json' | 'redirect-out' = 'stall';
  let hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      if (behaviour === 'stall') return; // never answers
      if (behaviour === 'flood') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const push = () => {
          while (sent < 40 && res.write(chunk)) sent++;
          if (sent < 40) res.once('drain', push);
          else res.end('[]');
        };
        res.on('error', () => {});
        return push();
      }
      if (behaviour === 'not-json')
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": "x"}');
      return res
        .writeHead(307, { location: `http://localhost:${(server.address() as AddressInfo).port}/elsewhere` })
        .end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    hits = [];
  });

  const request = (): CommentRequest => ({
    apiUrl: base,
    token: 'ghs_secret0123456789',
    owner: 'o',
    repo: 'r',
    number: 7,
    mode: 'update',
    id: '0123456789abcdef',
    body: 'hello',
  });

  test('a server that never answers: one deadline for the whole exchange', async () => {
    behaviour = 'stall';
    expect(await publishComment(request(), { timeoutMs: 300 })).toEqual({
      failed: 'no answer within 0.3 s while listing the comments',
    });
  });

  test('a reply over the cap is not read on', async () => {
    behaviour = 'flood';
    expect(await publishComment(request(), { timeoutMs: 20_000 })).toEqual({
      failed: 'a reply was over 32.0 MB while listing the comments',
    });
  });

  test('a reply that is not what the API answers', async () => {
    behaviour = 'not-json';
    expect(await publishComment({ ...request(), mode: 'new' }, { timeoutMs: 5000 })).toEqual({
      failed: 'the reply was not what the GitHub API answers, while creating the comment',
    });
  });

  test('a redirect to another origin does not carry the token', async () => {
    behaviour = 'redirect-out';
    const result = await publishComment({ ...request(), mode: 'new' }, { timeoutMs: 5000 });
    expect('failed' in result).toBe(true);
    expect(hits[0]).toContain('token ghs_secret0123456789');
    expect(hits.slice(1).filter((h) => h.includes('ghs_secret'))).toEqual([]);
  });
});
