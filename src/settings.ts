import { Inputs, STAGES, type StageName } from './constants.js';
import { UserError } from './errors.js';
import { readCommonSettings } from './settings/common.js';
import type { InputReader } from './settings/inputs.js';
import { STAGE_DEFS, type Settings } from './stage-defs/index.js';
import { assertInputsUsed } from './stage-defs/inputs.js';

export { STAGES, type StageName } from './constants.js';
export type { CommonSettings } from './settings/common.js';
export type { DriftSettings } from './settings/drift.js';
export type { GateSettings } from './settings/gate.js';
export type { InputReader } from './settings/inputs.js';
export type { PromoteSettings } from './settings/promote.js';
export type { ValidateSettings } from './settings/validate.js';
export type { Settings } from './stage-defs/index.js';
/** Every input declared in action.yml (a test keeps the two equal); the CLI's flags. */
export { INPUT_NAMES } from './stage-defs/inputs.js';

/**
 * Reads every input once, validates it, and returns the typed settings of the chosen stage (each
 * stage's inputs are read in src/settings/<stage>.ts, named by its descriptor in
 * src/stage-defs/). action.yml's `required:` is not enforced by the runner, so every check is
 * made here; an input the stage does not read is refused (stage-defs/inputs.ts).
 */
export function readSettings(input: InputReader, env: NodeJS.ProcessEnv = process.env): Settings {
  const stage = readStage(input(Inputs.Stage));
  assertInputsUsed(stage, input);
  return STAGE_DEFS[stage].readSettings(input, readCommonSettings(stage, input, env));
}

function readStage(value: string): StageName {
  if (!value) throw new UserError(`input 'stage' is required; valid stages: ${STAGES.join(', ')}`);
  const stage = STAGES.find((s) => s === value.toLowerCase());
  if (!stage) throw new UserError(`unknown stage '${value}'; valid stages: ${STAGES.join(', ')}`);
  return stage;
}
