/**
 * Which pull request and repository a comment goes to, from the runner's variables and the event
 * payload (GITHUB_EVENT_PATH). The payload is read bounded, like any file.
 */
import { readTextFile } from '../files/read-text.js';

/** Events whose payload names a pull request the comment belongs to. */
export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'] as const;

/** GitHub caps a webhook payload at 25 MB; an event file is never larger. */
const MAX_EVENT_BYTES = 25 * 1024 * 1024;

export type Target =
  | { owner: string; repo: string; number: number }
  /** Nothing to comment on, and nothing wrong: a notice. */
  | { notice: string }
  /** Something is wrong with what the runner gave: a warning. */
  | { warning: string };

/**
 * The pull request of this run, or why there is none.
 *
 * @example
 * await commentTarget({ GITHUB_EVENT_NAME: 'push' }) // { notice: "… a 'push' event …" }
 * await commentTarget({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/…/event.json', GITHUB_REPOSITORY: 'o/r' })
 * // { owner: 'o', repo: 'r', number: 7 }
 */
export async function commentTarget(env: NodeJS.ProcessEnv): Promise<Target> {
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (!(PULL_REQUEST_EVENTS as readonly string[]).includes(event)) {
    const shown = /^[a-z_]{1,40}$/.test(event) ? `a '${event}' event` : 'not a GitHub Actions event';
    return {
      notice: `no pull-request comment: this run is ${shown}; comments are posted on ${PULL_REQUEST_EVENTS.join(' and ')} events (the job summary has the verdict)`,
    };
  }
  const repository = /^([\w.-]{1,100})\/([\w.-]{1,100})$/.exec(env.GITHUB_REPOSITORY ?? '');
  if (!repository) return { warning: 'GITHUB_REPOSITORY is not set to owner/name' };
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return { warning: 'GITHUB_EVENT_PATH is not set: the pull request is unknown' };
  let payload: unknown;
  try {
    payload = JSON.parse(await readTextFile(file, { what: 'event payload', maxBytes: MAX_EVENT_BYTES }));
  } catch {
    return { warning: 'the event payload (GITHUB_EVENT_PATH) could not be read as JSON' };
  }
  const number = pullRequestNumber(payload);
  if (number === undefined) return { warning: `the ${event} event payload names no pull request number` };
  return { owner: repository[1], repo: repository[2], number };
}

/**
 * `pull_request.number` of an event payload (else its top-level `number`), when a positive integer.
 *
 * @example
 * pullRequestNumber({ number: 7, pull_request: { number: 7 } }) // 7
 * pullRequestNumber({ pull_request: { number: '7' } }) // undefined
 */
export function pullRequestNumber(payload: unknown): number | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const p = payload as { number?: unknown; pull_request?: { number?: unknown } | null };
  const n = typeof p.pull_request === 'object' && p.pull_request !== null ? p.pull_request.number : p.number;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
