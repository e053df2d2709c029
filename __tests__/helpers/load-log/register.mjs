// NODE_OPTIONS=--import=<this file>: logs every module the process loads (resolve hook) to the file
// named by $MQG_LOAD_LOG, so a test can tell which chunks of dist/ a run needed.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
