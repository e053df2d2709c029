// The entry of the bundle: the action's (action.yml runs.main → dist/index.js) and the CLI's
// (dist/cli/index.js imports it). Kept small, so that it runs within a few milliseconds of Node's
// start: first the data workers of the drift stage are started (prestart.ts), then the rest of the
// code is loaded, as a chunk, while they start up.
import './prestart.js';

await (await import('./start.js')).start();
