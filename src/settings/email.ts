import { Inputs, type InputName } from '../constants.js';
import { UserError } from '../errors.js';
import { parseUrlInput, readList, type InputReader } from './inputs.js';

/** Recipients of one notification at most. */
const MAX_RECIPIENTS = 50;

/** Email notifications (src/notify/email.ts): sent on the same `notify-on` events as the webhook. */
export interface EmailSettings {
  to: string[];
  from: string;
  smtp: SmtpServer;
}

/** The server of `smtp-url`, read once. The password is a secret: never logged. */
export interface SmtpServer {
  host: string;
  port: number;
  /** `smtps://`: TLS from the first byte. `smtp://`: plain, then STARTTLS. */
  implicitTls: boolean;
  /** `smtp://` must upgrade with STARTTLS (the default); false only with `starttls=false` and no password. */
  requireStartTls: boolean;
  /** Check the server's certificate (the default); false with `tls-verify=false`. */
  verifyTls: boolean;
  /** URL-decoded user and password; '' when the URL has none. */
  user: string;
  password: string;
}

/**
 * `notify-email-to`, `notify-email-from` and `smtp-url`, or undefined when none is given. One
 * without the others is refused, as are malformed addresses and URLs; messages never repeat the
 * URL, which holds the password.
 */
export function readEmailSettings(input: InputReader): EmailSettings | undefined {
  const to = readList(input, Inputs.NotifyEmailTo);
  const from = input(Inputs.NotifyEmailFrom);
  const url = input(Inputs.SmtpUrl);
  if (to.length === 0 && !from && !url) return undefined;
  const missing = [
    to.length === 0 && Inputs.NotifyEmailTo,
    !from && Inputs.NotifyEmailFrom,
    !url && Inputs.SmtpUrl,
  ].filter((x) => x !== false);
  if (missing.length > 0) {
    throw new UserError(
      `email notifications need 'notify-email-to', 'notify-email-from' and 'smtp-url'; missing: ${missing.map((m) => `'${m}'`).join(', ')}`,
      { input: missing[0] },
    );
  }
  if (to.length > MAX_RECIPIENTS) {
    throw new UserError(`input 'notify-email-to' lists ${to.length} addresses; at most ${MAX_RECIPIENTS}`, {
      input: Inputs.NotifyEmailTo,
    });
  }
  for (const address of to) checkAddress(address, Inputs.NotifyEmailTo);
  checkAddress(from, Inputs.NotifyEmailFrom);
  return { to, from, smtp: parseSmtpUrl(url) };
}

/** A plain `local@domain` address: no display name, no list, nothing a header could be split at. */
function checkAddress(address: string, name: InputName): void {
  if (address.length <= 254 && /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)*$/.test(address))
    return;
  throw new UserError(`input '${name}': '${address.slice(0, 80)}' is not an email address (name@example.com)`, {
    input: name,
  });
}

const URL_OPTIONS = ['tls-verify', 'starttls'];

/**
 * `smtp://[user:password@]host[:port][?options]` (STARTTLS, port 587 by default) or
 * `smtps://…` (TLS from the start, port 465). Options: `tls-verify=false` accepts a certificate
 * that does not verify (a self-signed test server); `starttls=false` lets `smtp://` without a
 * password stay unencrypted (a relay inside the network).
 *
 * @example
 * parseSmtpUrl('smtps://bot%40example.com:p%40ss@smtp.example.com').password // 'p@ss'
 */
export function parseSmtpUrl(text: string): SmtpServer {
  const bad = (why: string) => new UserError(`input 'smtp-url' ${why}`, { input: Inputs.SmtpUrl });
  const { url, user, password } = parseUrlInput(
    text,
    bad,
    'smtp://user:password@host:587 or smtps://user:password@host:465',
  );
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw bad('must start with smtp:// or smtps://');
  if (!url.hostname) throw bad('has no host');
  if (url.pathname && url.pathname !== '/') throw bad('must not have a path');
  if (url.hash) throw bad('must not have a fragment');
  const options = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    if (!URL_OPTIONS.includes(key))
      throw bad(`has an unknown option '${key.slice(0, 40)}'; known: ${URL_OPTIONS.join(', ')}`);
    if (options.has(key)) throw bad(`sets option '${key}' twice`);
    if (value !== 'true' && value !== 'false') throw bad(`option '${key}' must be true or false`);
    options.set(key, value);
  }
  if (user && !password) throw bad('has a user but no password');
  if (password && !user) throw bad('has a password but no user');
  const implicitTls = url.protocol === 'smtps:';
  const requireStartTls = !implicitTls && options.get('starttls') !== 'false';
  if (options.get('starttls') === 'false' && (implicitTls || password)) {
    throw bad(
      implicitTls
        ? "option 'starttls' is for smtp:// (smtps:// is encrypted from the start)"
        : "option 'starttls=false' would send the password unencrypted: remove it, or use smtps://",
    );
  }
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : implicitTls ? 465 : 587,
    implicitTls,
    requireStartTls,
    verifyTls: options.get('tls-verify') !== 'false',
    user,
    password,
  };
}
