import { Inputs } from './constants.js';
import { installDebug } from './debug.js';
import { commentAfterRun, commentSettings } from './comment/after-run.js';
import { notifyAfterRun, notifySettings, type RunOutcome } from './notify/after-run.js';
import { report, reportError, type Sink } from './report/reporter.js';
import type { StageResult } from './report/result.js';
import { inputSecrets } from './secrets.js';
import { readSettings, type InputReader, type Settings } from './settings.js';
import { checkReportPath } from './settings/common.js';
import { runStage, verdictOnError } from './stage-defs/index.js';

/**
 * What the action and the CLI share: inputs → settings → stage → one reporter → notification and
 * pull-request comment (neither changes the verdict).
 * Returns the exit code; only the entry files (main.ts, cli.ts) differ.
 */
export async function runAndReport(input: InputReader, env: NodeJS.ProcessEnv, sink: Sink): Promise<number> {
  // Best-effort failures are said at debug level when the sink shows debug lines, never a secret.
  const uninstall = installDebug(sink.debug, inputSecrets(input, env));
  try {
    return await runStageAndReport(input, env, sink);
  } finally {
    uninstall();
  }
}

async function runStageAndReport(input: InputReader, env: NodeJS.ProcessEnv, sink: Sink): Promise<number> {
  let settings: Settings | undefined;
  let outcome: RunOutcome;
  let code: number;
  let result: StageResult | undefined;
  let error: unknown;
  try {
    settings = readSettings(input, env);
    // Before the stage acts (promote pushes tags): a report that cannot be written is bad input now.
    await checkReportPath(settings, input);
    result = await runStage(settings);
    await sink.ready?.();
    code = await report(result, settings, sink);
    outcome = {
      stage: settings.stage,
      ok: result.ok,
      verdict: result.ok ? 'passed' : 'failed',
      failures: result.annotations.filter((a) => a.level === 'error').map((a) => a.message),
      summary: result.summary,
    };
  } catch (err) {
    error = err;
    await sink.ready?.();
    const stage = input(Inputs.Stage).toLowerCase();
    code = reportError(
      err,
      verdictOnError(stage),
      settings?.workspace ?? (env.GITHUB_WORKSPACE || process.cwd()),
      sink,
    );
    outcome = {
      stage,
      ok: false,
      verdict: 'could not run',
      failures: [err instanceof Error ? err.message : String(err)],
    };
  }
  // Read from the inputs when the settings could not be: bad settings are a failure to notify too.
  const warning = await notifyAfterRun(settings ?? notifySettings(input), outcome, env);
  if (warning) sink.annotate({ level: 'warning', message: warning });
  await commentAfterRun(settings ?? commentSettings(input), { stage: outcome.stage, result, error }, env, sink);
  return code;
}
