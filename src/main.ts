import * as core from '@actions/core';
import { actionSink } from './report/action-sink.js';
import { runAndReport } from './run.js';

/** The action: the runner's inputs and sink; everything else is shared with the CLI (run.ts). */
export async function run(): Promise<void> {
  // The webhook URL holds a token: masked before anything can print it.
  const webhook = core.getInput('notify-webhook');
  if (webhook) core.setSecret(webhook);
  process.exitCode = await runAndReport((name) => core.getInput(name), process.env, actionSink);
}
