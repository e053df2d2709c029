// The bundle's code after its entry's first step (src/index.ts): the CLI when dist/cli/index.js
// (scripts/package.mjs) has set CLI_ENTRY, else the action. The CLI's code is a chunk of its own,
// loaded only then.
import { CLI_ENTRY } from './constants.js';
import { run } from './main.js';

export async function start(): Promise<void> {
  if ((globalThis as Record<symbol, unknown>)[CLI_ENTRY] === true) {
    process.exitCode = await (await import('./cli.js')).runCli(process.argv.slice(2));
  } else {
    await run();
  }
}
