/**
 * Secrets held by inputs (the webhook URL, the Prometheus URL and token, the SMTP URL): what the
 * action masks in the log before anything runs (main.ts), and what every message built from a
 * server's reply is scrubbed of. One home for both.
 */

import { Inputs, type InputName } from './constants.js';

/** Reads an input by name (the action's or the CLI's). */
type Input = (name: InputName) => string;

/**
 * The secrets of the `notify-webhook` (webhookSecrets), `prometheus-url`, `prometheus-token`,
 * `smtp-url` and `github-token` inputs, for core.setSecret: each input with credentials as given,
 * the password as written and URL-decoded, and the Base64 forms a server may echo
 * (`Authorization: Basic`, SMTP `AUTH PLAIN` and `AUTH LOGIN`).
 *
 * @example
 * inputSecrets((n) => (n === 'smtp-url' ? 'smtps://bot:p%40ss@mail:465' : ''))
 * // ['smtps://bot:p%40ss@mail:465', 'p%40ss', 'p@ss', 'cEBzcw==', 'AGJvdABwQHNz', 'Ym90OnBAc3M=']
 */
export function inputSecrets(input: Input, env: NodeJS.ProcessEnv = {}): string[] {
  const out = new Set<string>(webhookSecrets(input(Inputs.NotifyWebhook)));
  for (const name of [Inputs.PrometheusUrl, Inputs.SmtpUrl]) {
    for (const secret of urlSecrets(input(name))) out.add(secret);
  }
  const token = input(Inputs.PrometheusToken);
  if (token) out.add(token);
  // The comment's token (the runner masks github.token already; a token from a step may not be). Off
  // a runner the literal default falls back to GITHUB_TOKEN (comment/after-run.ts).
  const github = input(Inputs.GithubToken);
  if (github && !github.includes('${{')) out.add(github);
  else if (env.GITHUB_TOKEN) out.add(env.GITHUB_TOKEN);
  return [...out].filter((s) => s.trim() !== '');
}

/** A URL's password in every form it may travel in; [] when the URL has none (or is not a URL). */
export function urlSecrets(text: string): string[] {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not a URL (the settings refuse it), but it may still hold a password: mask it whole.
    return text ? [text] : [];
  }
  if (!url.password) return [];
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      // Not percent-encoded as a URL would be: masked as written.
      return s;
    }
  };
  const user = decode(url.username);
  const password = decode(url.password);
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return [
    text,
    url.password,
    password,
    b64(password),
    b64(`\u0000${user}\u0000${password}`),
    b64(`${user}:${password}`),
  ];
}

/**
 * `text` with every secret replaced by `***`, longest first (a secret may contain another).
 *
 * @example
 * scrubSecrets('535 bad AUTH cEBzcw==', ['p@ss', 'cEBzcw==']) // '535 bad AUTH ***'
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return [...secrets]
    .filter((s) => s !== '')
    .sort((a, b) => b.length - a.length)
    .reduce((t, s) => t.split(s).join('***'), text);
}

/**
 * `text` with the user name and password of every URL in it removed (git and HTTP errors quote URLs).
 *
 * @example
 * scrubUrlCredentials("fatal: unable to access 'https://x-access-token:ghs_abc@github.com/o/r/'")
 * // "fatal: unable to access 'https://github.com/o/r/'"
 */
export function scrubUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1');
}

/**
 * Untrusted text (a server's reply, a metric name) fit for one line of a message: secrets scrubbed,
 * control characters and runs of white space made one space, cut to `max` characters.
 *
 * @example
 * oneLine('error:\n token abc123 refused', 40, ['abc123']) // 'error: token *** refused'
 */
export function oneLine(text: string, max: number, secrets: readonly string[] = []): string {
  const flat = scrubSecrets(text, secrets)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * What the runner must mask before anything runs: the URL, its path (with and without the query),
 * each long path segment and query value, the user and password, each also URL-decoded and
 * lower-cased (a reply may quote any of them so). Empty for an empty URL.
 *
 * @example
 * webhookSecrets('https://hooks.slack.com/services/T0AB/B0CD/Xy12Zz34Ww56')
 * // ['https://hooks.slack.com/services/T0AB/B0CD/Xy12Zz34Ww56', '/services/T0AB/B0CD/Xy12Zz34Ww56',
 * //  'Xy12Zz34Ww56', …lower-cased forms]
 */
export function webhookSecrets(url: string): string[] {
  const pieces = [url];
  let target: URL | undefined;
  try {
    target = new URL(url);
  } catch {
    // Not a URL: the whole value is the secret.
  }
  if (target) {
    pieces.push(target.href, target.pathname + target.search, target.pathname, target.search.slice(1));
    pieces.push(target.username, target.password);
    pieces.push(...target.pathname.split('/').filter(isLongPart));
    pieces.push(...[...target.searchParams.values()].filter(isLongPart));
  }
  const all = new Set<string>();
  for (const p of pieces) {
    for (const form of [p, safeDecode(p)]) {
      if (form.length < 8 || form === '/') continue;
      all.add(form);
      all.add(form.toLowerCase());
    }
  }
  return [...all];
}

/** A part of a URL long or random enough to be a token, not a word such as `services`. */
function isLongPart(part: string): boolean {
  return part.length >= 16 || (part.length >= 8 && /[^a-z-]/.test(part));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Not percent-encoded: the text as written is the form to mask.
    return text;
  }
}
