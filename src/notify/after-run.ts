import { NOTIFY_ON, type CommonSettings } from '../settings/common.js';
import type { InputReader } from '../settings/inputs.js';
import { slackMessage } from './slack-message.js';
import { notify } from './webhook.js';

export interface RunOutcome {
  stage: string;
  ok: boolean;
  /** e.g. 'passed', 'failed', 'bad input'. */
  verdict: string;
  /** Top failures, untrusted text (escaped by slackMessage). */
  failures: string[];
}

/** Link to the workflow run, from the runner's variables; undefined off a runner. */
export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  return GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID
    ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`
    : undefined;
}

/**
 * The notification settings straight from the inputs, for a run whose settings could not be read:
 * a `notify-on` that is itself wrong counts as the default, `failure` (the run failed).
 */
export function notifySettings(input: InputReader): Pick<CommonSettings, 'notifyWebhook' | 'notifyOn'> {
  const on = NOTIFY_ON.find((c) => c === input('notify-on')) ?? 'failure';
  return { notifyWebhook: input('notify-webhook'), notifyOn: on };
}

/**
 * Sends the run's outcome to `notify-webhook` when `notify-on` asks for it. Returns a warning when
 * the webhook failed or timed out: a notification never changes the verdict.
 */
export async function notifyAfterRun(
  s: Pick<CommonSettings, 'notifyWebhook' | 'notifyOn'>,
  outcome: RunOutcome,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (!s.notifyWebhook || s.notifyOn === 'never' || (s.notifyOn === 'failure' && outcome.ok)) return undefined;
  const payload = slackMessage({
    stage: outcome.stage,
    verdict: outcome.verdict,
    failures: outcome.failures,
    runUrl: runUrl(env),
  });
  const result = await notify(s.notifyWebhook, payload);
  return result.ok
    ? undefined
    : `notification not sent: ${result.error ?? `HTTP ${result.status}`} (the verdict is unchanged)`;
}
