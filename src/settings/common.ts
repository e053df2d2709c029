import * as path from 'node:path';
import { readEmailSettings, type EmailSettings } from './email.js';
import { readBoolean, readChoice, type InputReader } from './inputs.js';

export const STAGES = ['validate', 'gate', 'drift', 'promote'] as const;
export type StageName = (typeof STAGES)[number];

export const NOTIFY_ON = ['failure', 'always', 'never'] as const;

/** Settings every stage has. */
export interface CommonSettings {
  stage: StageName;
  failOnViolation: boolean;
  /** Where the JSON report goes (absolute). */
  reportPath: string;
  /** Write the job summary. */
  summary: boolean;
  /** Root that annotation paths are made relative to. */
  workspace: string;
  /** Slack-compatible webhook URL; '' for none. A secret: never logged. */
  notifyWebhook: string;
  notifyOn: (typeof NOTIFY_ON)[number];
  /** Email notification (settings/email.ts); undefined when not asked. Holds the SMTP password. */
  notifyEmail?: EmailSettings;
}

export function readCommonSettings(stage: StageName, input: InputReader, env: NodeJS.ProcessEnv): CommonSettings {
  return {
    stage,
    failOnViolation: readBoolean(input, 'fail-on-violation', true),
    summary: readBoolean(input, 'summary', true),
    reportPath: path.resolve(input('report-path') || defaultReportPath(stage, env)),
    workspace: path.resolve(env.GITHUB_WORKSPACE || process.cwd()),
    notifyWebhook: input('notify-webhook'),
    notifyOn: readChoice(input, 'notify-on', NOTIFY_ON, 'failure'),
    notifyEmail: readEmailSettings(input),
  };
}

function defaultReportPath(stage: string, env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP
    ? path.join(env.RUNNER_TEMP, `ml-quality-gate-${stage}.json`)
    : path.join('.ml-quality-gate', `${stage}-report.json`);
}
