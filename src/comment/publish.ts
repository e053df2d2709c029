/**
 * Posts or edits the pull-request comment through octokit (@actions/github, which also brings the
 * runner's proxy settings); GITHUB_API_URL gives the API's address, so GitHub Enterprise Server's
 * `https://host/api/v3` works. Loaded only when a comment is asked for (src/comment/after-run.ts).
 *
 * Never throws for anything the server does: a failure comes back as text for a warning. The
 * server's replies are untrusted, as in src/notify/webhook.ts: no reply text is ever echoed (a
 * failure says the step and the HTTP status), each reply is read up to MAX_REPLY_BYTES, the whole
 * exchange has one deadline, octokit's own logging (deprecation headers) is silenced, and pages are
 * asked for by number, so the token never goes to an address a `Link` header names.
 */
import { debug, reason } from '../debug.js';
import { defaults, getOctokitOptions, GitHub } from '@actions/github/lib/utils';
import { formatBytes } from '../files/read-text.js';
import { hasMarker, markerRun } from './marker.js';

export interface CommentRequest {
  /** The REST API's base URL (GITHUB_API_URL). */
  apiUrl: string;
  /** A secret: masked, sent only as the Authorization header. */
  token: string;
  owner: string;
  repo: string;
  /** The pull request's number. */
  number: number;
  mode: 'update' | 'new';
  /** commentId(): what the marker holds. */
  id: string;
  /** runTag() of this run, if known: a comment this run already wrote is not overwritten. */
  tag?: string;
  body: string;
}

export type Published =
  | { done: 'created' | 'updated'; commentId: number }
  /** Not posted, for a reason that is no failure of the server's (text for a warning). */
  | { skipped: string }
  /** The server refused or failed (text for a warning). */
  | { failed: string };

export interface PublishOptions {
  /** The whole exchange; default COMMENT_TIMEOUT_MS. */
  timeoutMs?: number;
}

export const COMMENT_TIMEOUT_MS = 30_000;
/** One reply read at most: a page of 100 comments of 65 536 characters each, JSON-escaped, fits. */
export const MAX_REPLY_BYTES = 32 * 1024 * 1024;
/** Comments asked for per page (GitHub's maximum). */
const PER_PAGE = 100;
/** Pages of comments searched at most for the marker (10 000 comments). */
export const MAX_PAGES = 100;

type Octokit = InstanceType<typeof GitHub>;

interface Listed {
  id: number;
  body: string;
  login?: string;
  bot: boolean;
}

/**
 * `update`: edits the last comment that holds the marker, or creates one; `new`: creates one.
 *
 * @example
 * await publishComment({ apiUrl: 'https://api.github.com', token, owner: 'o', repo: 'r', number: 7,
 *   mode: 'update', id: '0123456789abcdef', body }) // { done: 'updated', commentId: 123 }
 */
export async function publishComment(r: CommentRequest, options: PublishOptions = {}): Promise<Published> {
  const timeoutMs = options.timeoutMs ?? COMMENT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const octokit = client(r, signal);
  const issue = { owner: r.owner, repo: r.repo };
  let step = 'listing the comments';
  try {
    if (r.mode === 'update') {
      const found = await findComment(octokit, r);
      if (found === 'too many') {
        return {
          skipped: `the pull request has more than ${MAX_PAGES * PER_PAGE} comments: the action's comment was not searched further`,
        };
      }
      if (found) {
        // Another leg of a matrix, or another step of this stage in this job, wrote it in this run.
        if (r.tag !== undefined && markerRun(found.body, r.id) === r.tag) {
          return {
            skipped:
              'another step or matrix leg of this run (same workflow, job and stage) already wrote this comment; ' +
              "set 'comment-key' to keep one comment each (for a matrix, its values)",
          };
        }
        step = `updating comment ${found.id}`;
        try {
          await octokit.rest.issues.updateComment({ ...issue, comment_id: found.id, body: r.body });
          return { done: 'updated', commentId: found.id };
        } catch (e) {
          // Deleted since it was listed: a new one is posted.
          if (httpStatus(e) !== 404) throw e;
        }
      }
    }
    step = 'creating the comment';
    const created = await octokit.rest.issues.createComment({ ...issue, issue_number: r.number, body: r.body });
    return { done: 'created', commentId: positiveId(created.data?.id) };
  } catch (e) {
    return { failed: describe(e, step, r, signal.aborted, timeoutMs) };
  }
}

/** An octokit for `r`: its token, its base URL, the runner's proxy, capped replies, one deadline, no logging. */
function client(r: CommentRequest, signal: AbortSignal): Octokit {
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const fetch = (defaults.request?.fetch ?? globalThis.fetch) as typeof globalThis.fetch;
  return new GitHub(
    getOctokitOptions(r.token, {
      baseUrl: r.apiUrl,
      log: quiet,
      // Replaces the defaults' request options: their proxy agent and fetch are kept.
      request: { agent: defaults.request?.agent, fetch: cappedFetch(fetch, MAX_REPLY_BYTES), signal, log: quiet },
    }),
  );
}

/**
 * The last comment that holds the marker and was written by a bot (the token of a workflow or an
 * app) or by the token's own user: anyone may paste the marker into a comment of theirs, and the
 * action never edits a person's comment. 'too many' past MAX_PAGES pages.
 */
async function findComment(octokit: Octokit, r: CommentRequest): Promise<Listed | undefined | 'too many'> {
  const marked: Listed[] = [];
  for (let page = 1; ; page++) {
    if (page > MAX_PAGES) return 'too many';
    const res = await octokit.rest.issues.listComments({
      owner: r.owner,
      repo: r.repo,
      issue_number: r.number,
      per_page: PER_PAGE,
      page,
    });
    if (!Array.isArray(res.data)) throw new UnexpectedReply();
    for (const c of res.data as unknown[]) {
      const item = c as { id?: unknown; body?: unknown; user?: { login?: unknown; type?: unknown } | null };
      if (typeof item.body !== 'string' || !hasMarker(item.body, r.id)) continue;
      const login = typeof item.user?.login === 'string' ? item.user.login : undefined;
      marked.push({ id: positiveId(item.id), body: item.body, login, bot: item.user?.type === 'Bot' });
    }
    if (!hasNextPage(res.headers.link) || res.data.length === 0) break;
  }
  let ours = marked.filter((c) => c.bot);
  if (ours.length === 0 && marked.length > 0) {
    // A personal token posts as its user: that user's comments are the action's own.
    const self = await octokit.rest.users.getAuthenticated().then(
      (res) => (typeof res.data?.login === 'string' ? res.data.login : undefined),
      () => undefined,
    );
    ours = marked.filter((c) => self !== undefined && c.login === self);
  }
  return ours.at(-1);
}

/**
 * Whether a `Link` header has a `rel="next"` entry (the URL itself is not used).
 *
 * @example
 * hasNextPage('<https://api.github.com/…?page=3>; rel="next", <…?page=5>; rel="last"') // true
 */
export function hasNextPage(link: string | undefined): boolean {
  return (link ?? '').split(',').some((part) => {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(part);
    return (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/).includes('next');
  });
}

class UnexpectedReply extends Error {}
class ReplyTooLarge extends Error {}

function positiveId(id: unknown): number {
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id;
  throw new UnexpectedReply();
}

/** A fetch whose replies are read whole, up to `maxBytes` (else it fails with ReplyTooLarge). */
function cappedFetch(inner: typeof globalThis.fetch, maxBytes: number): typeof globalThis.fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    const chunks: Uint8Array[] = [];
    if (res.body) {
      let size = 0;
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch((e) => debug(`cancelling an oversized GitHub API reply failed: ${reason(e)}`));
          throw new ReplyTooLarge();
        }
        chunks.push(value);
      }
    }
    const empty = [101, 103, 204, 205, 304].includes(res.status);
    return new Response(empty ? null : Buffer.concat(chunks), {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
}

/** The HTTP status of an octokit error that carries a reply; undefined for a network failure. */
function httpStatus(e: unknown): number | undefined {
  const err = e as { status?: unknown; response?: unknown };
  return err?.response !== undefined && typeof err.status === 'number' ? err.status : undefined;
}

function causes(e: unknown): unknown[] {
  const out: unknown[] = [];
  for (let c = e; c !== undefined && c !== null && out.length < 8; c = (c as { cause?: unknown }).cause) out.push(c);
  return out;
}

/** What went wrong, built from the failure's kind and status only: never the reply's text. */
function describe(e: unknown, step: string, r: CommentRequest, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer within ${timeoutMs / 1000} s while ${step}`;
  const chain = causes(e);
  if (chain.some((c) => c instanceof ReplyTooLarge))
    return `a reply was over ${formatBytes(MAX_REPLY_BYTES)} while ${step}`;
  if (chain.some((c) => c instanceof UnexpectedReply))
    return `the reply was not what the GitHub API answers, while ${step}`;
  const status = httpStatus(e);
  if (status === undefined) {
    const code = chain
      .map((c) => (c as { code?: unknown })?.code)
      .find((c) => typeof c === 'string' && /^[A-Z_]+$/.test(c));
    return `the request failed while ${step}${code ? ` (${code})` : ''}`;
  }
  const headers = ((e as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {}) as Record<
    string,
    unknown
  >;
  if ((status === 403 || status === 429) && (headers['x-ratelimit-remaining'] === '0' || 'retry-after' in headers)) {
    return `the GitHub API's rate limit was reached (HTTP ${status}) while ${step}`;
  }
  switch (status) {
    case 401:
      return `the token was refused (HTTP 401) while ${step}: check 'github-token'`;
    case 403:
      return (
        `the token may not comment (HTTP 403) while ${step}: give the job 'permissions: pull-requests: write'. ` +
        'A pull request from a fork gets a read-only token whatever the workflow asks: its job summary has the verdict'
      );
    case 404:
      return (
        `pull request #${r.number} of ${r.owner}/${r.repo} was not found (HTTP 404) at ${apiHost(r.apiUrl)} while ${step}: ` +
        'check GITHUB_API_URL, and that the token can read the repository'
      );
    default:
      return `the GitHub API answered HTTP ${status} while ${step}`;
  }
}

function apiHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname.replace(/\/$/, '')}`;
  } catch {
    // apiBaseUrl refuses such a URL before any request: this only names it in a message.
    return 'GITHUB_API_URL';
  }
}
