import * as core from '@actions/core';
import { actionSink } from './report/action-sink.js';
import { runAndReport } from './run.js';
import { inputSecrets } from './secrets.js';

/** The action: the runner's inputs and sink; everything else is shared with the CLI (run.ts). */
export async function run(): Promise<void> {
  // Secrets in inputs are masked before anything runs (secrets.ts): the webhook URL, its path and
  // its long parts; the Prometheus token and credentials; the SMTP URL and password in every form;
  // the comment's GitHub token.
  for (const secret of inputSecrets((name) => core.getInput(name), process.env)) core.setSecret(secret);
  process.exitCode = await runAndReport((name) => core.getInput(name), process.env, actionSink);
}
