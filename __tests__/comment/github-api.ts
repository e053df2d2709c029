/**
 * A local stand-in for the GitHub REST endpoints the pull-request comment uses, served under an
 * optional path prefix (GitHub Enterprise Server's `/api/v3`), recording every request:
 *   GET   {prefix}/repos/{owner}/{repo}/issues/{n}/comments?per_page&page   (with `Link` pagination)
 *   POST  {prefix}/repos/{owner}/{repo}/issues/{n}/comments
 *   PATCH {prefix}/repos/{owner}/{repo}/issues/comments/{id}
 *   GET   {prefix}/user   (403, as for a workflow's token)
 * Replies follow docs.github.com/rest/issues/comments: 200/201 with the comment, `Link` with
 * rel="next"/"last" while pages remain. `fail` makes a route answer an error, with GitHub's text.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

export interface ApiRequest {
  method: string;
  /** Path and query, prefix included. */
  url: string;
  authorization?: string;
  body?: { body?: string };
}

export type Route = 'list' | 'create' | 'update' | 'user';

/** What GitHub answers a workflow token without the permission; never to be echoed. */
export const GITHUB_403_TEXT = 'Resource not accessible by integration';

export class FakeGitHub {
  readonly requests: ApiRequest[] = [];
  /** Comments per pull-request number, in creation order. */
  readonly comments = new Map<number, ApiComment[]>();
  /** Route → status to answer instead. */
  readonly fail = new Map<Route, number>();
  /**
   * A hostile or broken server: the Authorization header it got is sent back in every reply — in
   * a header, in error messages and in the body of a listed comment.
   */
  echoToken = false;
  private nextId = 1000;
  private server?: Server;
  base = '';

  constructor(readonly prefix = '') {}

  /** Listens on 127.0.0.1; `apiUrl` is what GITHUB_API_URL should be. */
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => (text += d));
      req.on('end', () => {
        const body = text ? (JSON.parse(text) as { body?: string }) : undefined;
        this.requests.push({
          method: req.method ?? '',
          url: req.url ?? '',
          authorization: req.headers.authorization,
          body,
        });
        const { status, json, headers } = this.answer(req.method ?? '', req.url ?? '', body);
        const echo = this.echoToken ? (req.headers.authorization ?? '') : '';
        const reply = echo ? withEcho(status, json, echo) : json;
        res
          .writeHead(status, {
            'content-type': 'application/json; charset=utf-8',
            ...headers,
            ...(echo ? { 'x-echo-authorization': echo } : {}),
          })
          .end(JSON.stringify(reply));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.base}${this.prefix}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  reset(): void {
    this.requests.length = 0;
    this.comments.clear();
    this.fail.clear();
    this.echoToken = false;
  }

  /** Adds a comment as another account would (a person, another bot). */
  seed(pr: number, body: string, user: ApiComment['user'] = { login: 'someone', type: 'User' }): ApiComment {
    const c = { id: this.nextId++, body, user };
    this.comments.set(pr, [...(this.comments.get(pr) ?? []), c]);
    return c;
  }

  all(pr: number): ApiComment[] {
    return this.comments.get(pr) ?? [];
  }

  /** Requests other than the listing: what the action changed. */
  writes(): ApiRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private answer(
    method: string,
    url: string,
    body: { body?: string } | undefined,
  ): { status: number; json: unknown; headers?: Record<string, string> } {
    const u = new URL(url, this.base);
    if (!u.pathname.startsWith(`${this.prefix}/`)) return notFound();
    const path = u.pathname.slice(this.prefix.length);
    const error = (route: Route) => {
      const status = this.fail.get(route);
      if (status === undefined) return undefined;
      const message = status === 403 ? GITHUB_403_TEXT : status === 404 ? 'Not Found' : 'Server Error';
      return { status, json: { message, documentation_url: 'https://docs.github.com/rest' } };
    };
    let m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path);
    if (m && method === 'GET') {
      const failed = error('list');
      if (failed) return failed;
      const perPage = Number(u.searchParams.get('per_page') ?? 30);
      const page = Number(u.searchParams.get('page') ?? 1);
      const all = this.all(Number(m[3]));
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = (p: number) => {
        const next = new URL(u);
        next.searchParams.set('page', String(p));
        return next.href;
      };
      const rels = page < last ? [`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`] : [];
      if (page > 1) rels.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
      return {
        status: 200,
        json: all.slice((page - 1) * perPage, page * perPage),
        headers: rels.length ? { link: rels.join(', ') } : {},
      };
    }
    if (m && method === 'POST') {
      const failed = error('create');
      if (failed) return failed;
      const c = {
        id: this.nextId++,
        body: body?.body ?? '',
        user: { login: 'github-actions[bot]', type: 'Bot' as const },
      };
      this.comments.set(Number(m[3]), [...this.all(Number(m[3])), c]);
      return { status: 201, json: c };
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path);
    if (m && method === 'PATCH') {
      const failed = error('update');
      if (failed) return failed;
      const c = [...this.comments.values()].flat().find((x) => x.id === Number(m?.[3]));
      if (!c) return notFound();
      c.body = body?.body ?? '';
      return { status: 200, json: c };
    }
    if (path === '/user' && method === 'GET') {
      return error('user') ?? { status: 403, json: { message: GITHUB_403_TEXT } };
    }
    return notFound();
  }
}

function notFound() {
  return { status: 404, json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
}

/** A reply with the credentials it was sent: in an error's message, or as a listed comment. */
function withEcho(status: number, json: unknown, authorization: string): unknown {
  if (status >= 400) return { ...(json as object), message: `Bad credentials: ${authorization}` };
  if (Array.isArray(json)) {
    return [...json, { id: 1, body: `you sent ${authorization}`, user: { login: 'echo', type: 'Bot' } }];
  }
  return json;
}
