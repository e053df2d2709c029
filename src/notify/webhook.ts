/**
 * Posts a Slack-compatible incoming-webhook payload (`{text, blocks?}`, also accepted by Mattermost,
 * Discord's /slack endpoints and most chat tools). Never throws: a failure is returned and the
 * caller turns it into a warning. The URL is a secret (it authorises posting), so no error text
 * returned here contains it, nor its host.
 */
import type { SlackPayload } from './slack-message.js';

export interface NotifyOptions {
  /** Whole request, body included; default 5000 ms. */
  timeoutMs?: number;
}

export interface NotifyResult {
  ok: boolean;
  /** HTTP status, when the server answered. */
  status?: number;
  error?: string;
}

export async function notify(url: string, payload: SlackPayload, options: NotifyOptions = {}): Promise<NotifyResult> {
  const timeoutMs = options.timeoutMs ?? 5000;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, error: 'the webhook URL is not a valid URL' };
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return { ok: false, error: 'the webhook URL must use https (or http)' };
  }
  try {
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.text();
    if (res.ok) return { ok: true, status: res.status };
    // Slack explains rejections in the body (e.g. "invalid_payload", "no_service").
    const reason = scrub(body, url, target).replace(/\s+/g, ' ').trim().slice(0, 200);
    return {
      ok: false,
      status: res.status,
      error: `the webhook answered HTTP ${res.status}${reason ? `: ${reason}` : ''}`,
    };
  } catch (e) {
    return { ok: false, error: describe(e, timeoutMs) };
  }
}

// Built from the error's kind only: fetch's own messages can name the host and port.
function describe(e: unknown, timeoutMs: number): string {
  const name = (e as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `the webhook did not answer within ${timeoutMs} ms`;
  const code = (e as { cause?: { code?: unknown } })?.cause?.code;
  return `the webhook request failed${typeof code === 'string' && /^[A-Z_]+$/.test(code) ? ` (${code})` : ''}`;
}

function scrub(text: string, url: string, target: URL): string {
  return [url, target.href, target.host].reduce((t, s) => (s ? t.split(s).join('***') : t), text);
}
