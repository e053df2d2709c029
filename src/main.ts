import * as core from '@actions/core';
import { actionSink } from './report/action-sink.js';
import { report, reportError } from './report/reporter.js';
import { readSettings } from './settings.js';
import { runStage } from './stages/index.js';

/** The action: inputs → settings → stage → one reporter. */
export async function run(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  try {
    const settings = readSettings((name) => core.getInput(name));
    const result = await runStage(settings);
    process.exitCode = await report(result, settings, actionSink);
  } catch (err) {
    process.exitCode = reportError(err, core.getInput('stage').toLowerCase(), workspace, actionSink);
  }
}
