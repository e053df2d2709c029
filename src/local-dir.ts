/**
 * Where the action keeps what it writes in the workspace: reports off a runner, model cards, and
 * the local artifact store (the `store-dir` input's default). One home for the folder's name.
 */
import path from 'node:path';

/** The folder, relative to the workspace. */
export const LOCAL_DIR = '.ml-quality-gate';

/**
 * The report a stage writes when `report-path` is not given: in the runner's temporary folder on a
 * runner, else in LOCAL_DIR (relative to the workspace).
 *
 * @example
 * defaultReportPath('drift', { RUNNER_TEMP: '/tmp/r' }) // '/tmp/r/ml-quality-gate-drift.json'
 * defaultReportPath('drift', {}) // '.ml-quality-gate/drift-report.json'
 */
export function defaultReportPath(stage: string, env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP
    ? path.join(env.RUNNER_TEMP, `ml-quality-gate-${stage}.json`)
    : path.join(LOCAL_DIR, `${stage}-report.json`);
}
