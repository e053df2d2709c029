import * as core from '@actions/core';
import { webhookSecrets } from './notify/webhook.js';
import { actionSink } from './report/action-sink.js';
import { runAndReport } from './run.js';

/** The action: the runner's inputs and sink; everything else is shared with the CLI (run.ts). */
export async function run(): Promise<void> {
  // The webhook URL holds a token: it, its path and its long parts are masked before anything runs.
  for (const secret of webhookSecrets(core.getInput('notify-webhook'))) core.setSecret(secret);
  // The comment's token (the runner masks github.token already; a token from a step may not be).
  const token = core.getInput('github-token');
  if (token && !token.includes('${{')) core.setSecret(token);
  // Off a runner the literal default falls back to GITHUB_TOKEN (src/comment/after-run.ts).
  else if (process.env.GITHUB_TOKEN) core.setSecret(process.env.GITHUB_TOKEN);
  process.exitCode = await runAndReport((name) => core.getInput(name), process.env, actionSink);
}
