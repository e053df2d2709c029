import { Inputs } from '../constants.js';
import type { SummaryBlock } from '../report/result.js';
import { debug, reason } from '../debug.js';
import { NOTIFY_ON, type CommonSettings } from '../settings/common.js';
import { readEmailSettings } from '../settings/email.js';
import type { InputReader } from '../settings/inputs.js';
import { emailAfterRun } from './email.js';
import { slackMessage } from './slack-message.js';
import { notify } from './webhook.js';

export interface RunOutcome {
  stage: string;
  ok: boolean;
  /** e.g. 'passed', 'failed', 'bad input'. */
  verdict: string;
  /** Top failures, untrusted text (escaped by slackMessage). */
  failures: string[];
  /** The stage's summary, when it ran (the email shows its tables). */
  summary?: SummaryBlock[];
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
 * a `notify-on` that is itself wrong counts as the default, `failure` (the run failed); email
 * settings that are themselves wrong send no email (the run's error says why).
 */
export function notifySettings(input: InputReader): Pick<CommonSettings, 'notifyWebhook' | 'notifyOn' | 'notifyEmail'> {
  const on = NOTIFY_ON.find((c) => c === input(Inputs.NotifyOn)) ?? 'failure';
  let notifyEmail: CommonSettings['notifyEmail'];
  try {
    notifyEmail = readEmailSettings(input);
  } catch (e) {
    // The settings error is the run's own error: reported once, by the reporter.
    debug(`no e-mail notification: its settings could not be read: ${reason(e)}`);
    notifyEmail = undefined;
  }
  return { notifyWebhook: input(Inputs.NotifyWebhook), notifyOn: on, notifyEmail };
}

/**
 * Sends the run's outcome to `notify-webhook` and by email when `notify-on` asks for it, both at
 * once. Returns a warning (one line per channel) when one failed or timed out: a notification never
 * changes the verdict.
 */
export async function notifyAfterRun(
  s: Pick<CommonSettings, 'notifyWebhook' | 'notifyOn' | 'notifyEmail'> & { model?: string; baseline?: string },
  outcome: RunOutcome,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (s.notifyOn === 'never' || (s.notifyOn === 'failure' && outcome.ok)) return undefined;
  const model = s.model ?? /^registry:(.+)@[^@]+$/.exec(s.baseline ?? '')?.[1] ?? env.GITHUB_REPOSITORY;
  const warnings = await Promise.all([
    webhookAfterRun(s, outcome, env),
    s.notifyEmail && emailAfterRun(s.notifyEmail, { ...outcome, model, runUrl: runUrl(env) }),
  ]);
  return warnings.filter(Boolean).join('\n') || undefined;
}

async function webhookAfterRun(
  s: Pick<CommonSettings, 'notifyWebhook'>,
  outcome: RunOutcome,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  if (!s.notifyWebhook) return undefined;
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
