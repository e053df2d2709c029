import { EOL } from 'node:os';

/**
 * Masks `secret` in the runner's log from here on: the `add-mask` workflow command exactly as
 * @actions/core's setSecret writes it (its data escaped: `%`, CR, LF), without loading
 * @actions/core — the action masks its secrets before anything else runs, while @actions/core is
 * still to load (src/report/action-sink.ts).
 *
 * @example
 * addMask('p%ss\nword') // stdout: "::add-mask::p%25ss%0Aword" and os.EOL
 */
export function addMask(secret: string): void {
  process.stdout.write(`::add-mask::${escapeData(secret)}${EOL}`);
}

/** A workflow command's data escaped as the runner decodes it (@actions/core's escapeData). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
