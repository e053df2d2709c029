/**
 * Posts a Slack-compatible incoming-webhook payload (`{text, blocks?}`, also accepted by Mattermost,
 * Discord's /slack endpoints and most chat tools). Never throws: a failure is returned and the
 * caller turns it into a warning.
 *
 * The URL is a secret (it authorises posting), and the server's reply is not trusted (relays answer
 * `Cannot POST /services/T…/B…/<token>`, in any case or encoding). So:
 * - nothing returned here holds the URL or any part of it, and no reply text is echoed but a
 *   Slack-style error code (`invalid_payload`: a short lower-case word sharing nothing with the URL);
 * - at most MAX_RESPONSE_BYTES of a reply are read;
 * - connecting and the whole exchange (redirects and reply included) each have a timeout;
 * - a redirect is followed only to the same origin (scheme, host and port), at most MAX_REDIRECTS
 *   times: the payload never goes anywhere else.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { webhookSecrets } from '../secrets.js';
import type { SlackPayload } from './slack-message.js';

export interface NotifyOptions {
  /** The whole exchange, redirects and reply included; default 5000 ms. */
  timeoutMs?: number;
  /** Connecting (name lookup and TCP), per request; default 3000 ms, never more than timeoutMs. */
  connectTimeoutMs?: number;
}

export interface NotifyResult {
  ok: boolean;
  /** HTTP status, when the server answered. */
  status?: number;
  error?: string;
}

/** Bytes of a reply read at most: enough for an error code, never a flood. */
export const MAX_RESPONSE_BYTES = 4096;
/** Same-origin redirects followed at most. */
export const MAX_REDIRECTS = 3;

export async function notify(url: string, payload: SlackPayload, options: NotifyOptions = {}): Promise<NotifyResult> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const connectMs = Math.min(options.connectTimeoutMs ?? 3000, timeoutMs);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, error: 'the webhook URL is not a valid URL' };
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return { ok: false, error: 'the webhook URL must use https (or http)' };
  }
  const body = JSON.stringify(payload);
  const deadline = Date.now() + timeoutMs;
  const secrets = webhookSecrets(url);
  try {
    for (let redirects = 0; ; redirects++) {
      const reply = await post(target, body, connectMs, deadline - Date.now());
      const { status } = reply;
      if (status >= 200 && status < 300) return { ok: true, status };
      if (status >= 300 && status < 400 && reply.location !== undefined) {
        const next = sameOrigin(reply.location, target);
        if (!next) {
          return {
            ok: false,
            status,
            error: `the webhook answered HTTP ${status}, a redirect to another address; not followed, so the payload goes nowhere else (set notify-webhook to the final URL)`,
          };
        }
        if (redirects >= MAX_REDIRECTS) {
          return { ok: false, status, error: `the webhook redirected more than ${MAX_REDIRECTS} times` };
        }
        target = next;
        continue;
      }
      const code = errorCode(reply.text, secrets);
      return { ok: false, status, error: `the webhook answered HTTP ${status}${code ? `: ${code}` : ''}` };
    }
  } catch (e) {
    return { ok: false, error: describe(e, timeoutMs, connectMs) };
  }
}

/**
 * The reply's error code, when it is one (Slack answers `invalid_payload`, `no_service`…): a single
 * short lower-case word that neither holds nor is held by a secret piece. Anything else is not echoed.
 */
function errorCode(text: string, secrets: string[]): string | undefined {
  const code = text.trim();
  if (!/^[a-z][a-z_]{0,39}$/.test(code)) return undefined;
  const lower = secrets.map((s) => s.toLowerCase());
  return lower.some((s) => s.includes(code) || code.includes(s)) ? undefined : code;
}

/** `location` resolved against `from`, when it has the same origin; undefined otherwise. */
function sameOrigin(location: string, from: URL): URL | undefined {
  try {
    const next = new URL(location, from);
    return next.origin === from.origin ? next : undefined;
  } catch {
    // An unusable Location is not followed: the caller reports the redirect.
    return undefined;
  }
}

interface Reply {
  status: number;
  location?: string;
  /** The first MAX_RESPONSE_BYTES bytes of the body. */
  text: string;
}

class Timeout extends Error {
  constructor(readonly phase: 'connect' | 'total') {
    super(phase);
    this.name = 'Timeout';
  }
}

/** One POST; the reply's first bytes. Rejects on a network error or a timeout. */
function post(target: URL, body: string, connectMs: number, remainingMs: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    if (remainingMs <= 0) return reject(new Timeout('total'));
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' },
      // A connection of its own, closed after: no pooled socket keeps the process alive.
      agent: false,
    });
    const settle = (then: () => void) => {
      clearTimeout(total);
      clearTimeout(connect);
      req.destroy();
      then();
    };
    const fail = (e: Error) => settle(() => reject(e));
    const total = setTimeout(() => fail(new Timeout('total')), remainingMs);
    const connect = setTimeout(() => fail(new Timeout('connect')), Math.min(connectMs, remainingMs));
    req.on('socket', (socket) => socket.once('connect', () => clearTimeout(connect)));
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        settle(() =>
          resolve({
            status: res.statusCode ?? 0,
            location: typeof res.headers.location === 'string' ? res.headers.location : undefined,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_RESPONSE_BYTES) chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
        size += chunk.length;
        if (size >= MAX_RESPONSE_BYTES) done();
      });
      res.on('end', done);
      res.on('error', fail);
    });
    req.end(body);
  });
}

// Built from the error's kind only: a network error's own message can name the host and port.
function describe(e: unknown, timeoutMs: number, connectMs: number): string {
  if (e instanceof Timeout) {
    return e.phase === 'connect'
      ? `could not connect to the webhook within ${connectMs} ms`
      : `the webhook did not answer within ${timeoutMs} ms`;
  }
  const code = (e as { code?: unknown })?.code;
  return `the webhook request failed${typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` (${code})` : ''}`;
}
