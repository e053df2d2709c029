/** The one expectation every "bad input" test shares, for a run of the built action. */
import type { ActionRun } from '../../scripts/lib/run-action.mjs';

/**
 * A run stopped by bad input: a non-zero exit, exactly one error whose text (location and message,
 * as a reader sees it) holds every fragment and names its location only once, the stage's verdict
 * outputs set to the failing value, and no stack trace.
 */
export function expectBadInput(run: ActionRun, verdict: Record<string, string>, ...fragments: string[]): void {
  expect(run.code).not.toBe(0);
  expect(run.errors).toHaveLength(1);
  const [error] = run.errors;
  for (const f of fragments) expect(error.located).toContain(f);
  if (error.properties.file) expect(error.data.startsWith(`${error.properties.file}:`)).toBe(false);
  expect(error.located).not.toMatch(/^(\S+:\d+(?::\d+)?): \1: /);
  for (const [name, value] of Object.entries(verdict)) expect(run.outputs[name]).toBe(value);
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
}
