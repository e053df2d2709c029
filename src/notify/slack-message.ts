/**
 * A short Slack message for a stage verdict, in Block Kit (https://api.slack.com/block-kit) with a
 * `text` fallback. Untrusted text is escaped for mrkdwn: Slack reserves `&`, `<` and `>`
 * (https://api.slack.com/reference/surfaces/formatting#escaping).
 */

export interface SlackPayload {
  text: string;
  blocks?: unknown[];
}

export interface SlackMessageInput {
  stage: string;
  /** e.g. 'passed', 'failed', 'promoted'. */
  verdict: string;
  failures: string[];
  runUrl?: string;
  /** Failures listed before "and N more"; default 5. */
  maxFailures?: number;
}

const MAX_FAILURE_CHARS = 300;

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackMessage(input: SlackMessageInput): SlackPayload {
  const max = input.maxFailures ?? 5;
  const headline = `ml-quality-gate ${input.stage}: ${input.verdict}`;
  const blocks: unknown[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*ml-quality-gate* ${escapeMrkdwn(input.stage)}: *${escapeMrkdwn(input.verdict)}*`,
      },
    },
  ];
  if (input.failures.length) {
    const lines = input.failures.slice(0, max).map((f) => `• ${escapeMrkdwn(truncate(f.replace(/\s+/g, ' ').trim()))}`);
    if (input.failures.length > max) lines.push(`…and ${input.failures.length - max} more`);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } });
  }
  if (input.runUrl) {
    // `|` ends the URL part of a Slack link, so it is percent-encoded.
    const link = escapeMrkdwn(input.runUrl).replace(/\|/g, '%7C');
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${link}|View the run>` }] });
  }
  return { text: escapeMrkdwn(headline), blocks };
}

function truncate(text: string): string {
  return text.length > MAX_FAILURE_CHARS ? `${text.slice(0, MAX_FAILURE_CHARS - 1)}…` : text;
}
