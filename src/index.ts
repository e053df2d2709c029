// The action's entry (action.yml runs.main → dist/index.js). The CLI's entry is src/cli.ts.
import { run } from './main.js';

await run();
