import { Inputs } from '../constants.js';
import { UserError } from '../errors.js';
import { parseDuration } from '../prometheus/duration.js';
import type { PrometheusSettings } from '../prometheus/source.js';

export type { PrometheusSettings } from '../prometheus/source.js';
import { parseUrlInput, type InputReader } from './inputs.js';

/** `prometheus-max-age` when not given. */
export const DEFAULT_MAX_AGE = '15m';

/**
 * The Prometheus inputs of `gate` and `validate`, or undefined when `prometheus-queries` is not
 * given. Any other Prometheus input without it is refused (the intent is unclear), as is a URL
 * that is not http(s), has a query or fragment, or carries credentials next to a token. Messages
 * never repeat the URL or the token: either may hold a secret.
 */
export function readPrometheusSettings(input: InputReader): PrometheusSettings | undefined {
  const queries = input(Inputs.PrometheusQueries);
  const url = input(Inputs.PrometheusUrl);
  const token = input(Inputs.PrometheusToken);
  const maxAge = input(Inputs.PrometheusMaxAge) || DEFAULT_MAX_AGE;
  if (!queries) {
    const stray = url
      ? Inputs.PrometheusUrl
      : token
        ? Inputs.PrometheusToken
        : maxAge !== DEFAULT_MAX_AGE
          ? Inputs.PrometheusMaxAge
          : '';
    if (stray) {
      throw new UserError(
        `input '${stray}' needs 'prometheus-queries': the metrics to query (name: PromQL), inline or a file`,
        { input: stray },
      );
    }
    return undefined;
  }
  if (!url) {
    throw new UserError("input 'prometheus-queries' needs 'prometheus-url': the base URL of the Prometheus HTTP API", {
      input: Inputs.PrometheusUrl,
    });
  }
  const maxAgeMs = parseDuration(maxAge);
  if (!maxAgeMs) {
    throw new UserError(
      `input 'prometheus-max-age' must be a Prometheus duration above zero such as 15m, 1h or 90s; got '${maxAge.slice(0, 40)}'`,
      { input: Inputs.PrometheusMaxAge },
    );
  }
  const { base, basic } = parseBaseUrl(url);
  if (basic && token) {
    throw new UserError(
      "give Prometheus credentials once: 'prometheus-token' (a bearer token) or a user and password in 'prometheus-url'",
      { input: Inputs.PrometheusToken },
    );
  }
  return { url: base, authorization: token ? bearer(token) : basic, queries, maxAgeMs };
}

/** The URL without user info, and `Basic …` when it had a user and password. */
function parseBaseUrl(text: string): { base: string; basic: string } {
  const bad = (why: string) => new UserError(`input 'prometheus-url' ${why}`, { input: Inputs.PrometheusUrl });
  const { url, user, password } = parseUrlInput(text, bad, 'e.g. http://prometheus:9090');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad('must be an http or https URL');
  if (url.search || url.hash)
    throw bad('must be a base URL without a query or fragment; the action adds /api/v1/query');
  let basic = '';
  if (url.username || url.password) {
    basic = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  return { base: url.href, basic };
}

/** `Bearer <token>`; a token that is not one line of visible ASCII could not be sent (nor must it be echoed). */
function bearer(token: string): string {
  if (/^bearer\s/i.test(token)) {
    throw new UserError("input 'prometheus-token' must be the token alone, without 'Bearer '", {
      input: Inputs.PrometheusToken,
    });
  }
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new UserError("input 'prometheus-token' must be one line of visible ASCII characters (a bearer token)", {
      input: Inputs.PrometheusToken,
    });
  }
  return `Bearer ${token}`;
}
