// Evaluated before the rest of the bundle (src/index.ts imports it first): for the drift stage, the
// data workers start now, while the main thread loads its code and reads its settings (see
// src/workers/pool.ts). The stage is the action's `stage` input or the CLI's first argument.
import { CLI_ENTRY } from './constants.js';
import { getInput } from './input.js';
import { prestartWorkers } from './workers/pool.js';

const cli = (globalThis as Record<symbol, unknown>)[CLI_ENTRY] === true;
const stage = cli ? process.argv[2] : getInput('stage');
// Read as readStage (src/settings.ts) reads it: trimmed, any case.
if (stage?.trim().toLowerCase() === 'drift') prestartWorkers();
