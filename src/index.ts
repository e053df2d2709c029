// The entry of the bundle: the action's (action.yml runs.main → dist/index.js), and the CLI's when
// dist/cli/index.js (scripts/package.mjs) has set CLI_ENTRY first. The CLI's code is a chunk of
// its own, loaded only then: the action's start-up is unchanged.
import { run } from './main.js';

/** Set on globalThis by dist/cli/index.js before it imports this bundle. */
export const CLI_ENTRY = Symbol.for('ml-quality-gate.cli');

if ((globalThis as Record<symbol, unknown>)[CLI_ENTRY] === true) {
  process.exitCode = await (await import('./cli.js')).runCli(process.argv.slice(2));
} else {
  await run();
}
