import * as core from '@actions/core';
import { actionSink } from './report/action-sink.js';
import { runAndReport } from './run.js';
import { inputSecrets } from './settings/secrets.js';

/** The action: the runner's inputs and sink; everything else is shared with the CLI (run.ts). */
export async function run(): Promise<void> {
  // The webhook URL holds a token: masked before anything can print it.
  const webhook = core.getInput('notify-webhook');
  if (webhook) core.setSecret(webhook);
  // The Prometheus token and credentials, the SMTP URL and password in every form (settings/secrets.ts).
  for (const secret of inputSecrets((name) => core.getInput(name))) core.setSecret(secret);
  process.exitCode = await runAndReport((name) => core.getInput(name), process.env, actionSink);
}
