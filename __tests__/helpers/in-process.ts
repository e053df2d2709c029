/**
 * A stage run in-process, through the same parts the action uses — the real readSettings on the
 * inputs as the runner would pass them, then runStage — without dist/, a child process or the
 * reporter: tests assert on the StageResult itself (verdict, outputs, summary blocks, annotations)
 * or on the UserError thrown, with its location fields.
 */
import { fileURLToPath } from 'node:url';
import type { StageResult, SummaryBlock } from '../../src/report/result.js';
import { readSettings } from '../../src/settings.js';
import { runStage } from '../../src/stage-defs/index.js';

/** The repository's root: examples/ and __tests__/fixtures/ are relative to it. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');

/**
 * Runs the stage `inputs.stage` with `inputs` (action.yml names; absent means not given) in the
 * workspace `cwd`, which is also the working directory while it runs, as on a runner.
 *
 * @example
 * const result = await runInProcess({ stage: 'gate', metrics: 'm.json', thresholds: 'f1: ">= 0.8"' }, dir);
 * result.outputs.passed // 'true'
 */
export async function runInProcess(
  inputs: Record<string, string>,
  cwd: string = ROOT,
  env: NodeJS.ProcessEnv = {},
): Promise<StageResult> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const settings = readSettings((name) => (inputs[name] ?? '').trim(), { ...env, GITHUB_WORKSPACE: cwd });
    return await runStage(settings);
  } finally {
    process.chdir(before);
  }
}

/** The error a run ends with (a UserError for bad input); fails the test when it runs to a result. */
export async function errorOf(run: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await run;
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error('the run ended with a result, not an error');
}

/** Every text of the summary (headings, text, table cells, Markdown), depth first: what a reader sees. */
export function summaryText(blocks: SummaryBlock[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case 'heading':
      case 'text':
        return [b.text];
      case 'markdown':
        return [b.markdown];
      case 'table':
        return [b.header.join(' | '), ...b.rows.map((r) => r.join(' | '))];
      case 'details':
        return [b.summary, ...summaryText(b.blocks)];
    }
  });
}
