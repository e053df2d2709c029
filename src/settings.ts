import { UserError } from './errors.js';
import { readCommonSettings, STAGES, type StageName } from './settings/common.js';
import { readDriftSettings, type DriftSettings } from './settings/drift.js';
import { readGateSettings, type GateSettings } from './settings/gate.js';
import type { InputReader } from './settings/inputs.js';
import { readPromoteSettings, type PromoteSettings } from './settings/promote.js';
import { assertInputsUsed, INPUTS } from './settings/stage-inputs.js';
import { readValidateSettings, type ValidateSettings } from './settings/validate.js';

export { STAGES, type StageName } from './settings/common.js';
export type { CommonSettings } from './settings/common.js';
export type { DriftSettings } from './settings/drift.js';
export type { GateSettings } from './settings/gate.js';
export type { InputReader } from './settings/inputs.js';
export type { PromoteSettings } from './settings/promote.js';
export type { ValidateSettings } from './settings/validate.js';

/** Stages built so far; the others answer "not yet available", never a pass. */
export const AVAILABLE_STAGES: readonly StageName[] = ['gate', 'drift', 'validate', 'promote'];

/** Every input declared in action.yml (a test keeps the two equal); the CLI's flags. */
export const INPUT_NAMES: readonly string[] = Object.keys(INPUTS);

export type Settings = GateSettings | DriftSettings | ValidateSettings | PromoteSettings;

/**
 * Reads every input once, validates it, and returns the typed settings of the chosen stage (each
 * stage's inputs are read in src/settings/<stage>.ts). action.yml's `required:` is not enforced by
 * the runner, so every check is made here; an input the stage does not read is refused
 * (settings/stage-inputs.ts).
 */
export function readSettings(input: InputReader, env: NodeJS.ProcessEnv = process.env): Settings {
  const stage = readStage(input('stage'));
  if (AVAILABLE_STAGES.includes(stage)) assertInputsUsed(stage, input);
  const common = readCommonSettings(stage, input, env);
  switch (stage) {
    case 'gate':
      return readGateSettings(input, common);
    case 'validate':
      return readValidateSettings(input, common);
    case 'drift':
      return readDriftSettings(input, common);
    case 'promote':
      return readPromoteSettings(input, common);
    default:
      throw new UserError(
        `stage '${stage}' is not yet available in this version of ml-quality-gate; available: ${AVAILABLE_STAGES.join(', ')}`,
      );
  }
}

function readStage(value: string): StageName {
  if (!value) throw new UserError(`input 'stage' is required; valid stages: ${STAGES.join(', ')}`);
  const stage = STAGES.find((s) => s === value.toLowerCase());
  if (!stage) throw new UserError(`unknown stage '${value}'; valid stages: ${STAGES.join(', ')}`);
  return stage;
}
