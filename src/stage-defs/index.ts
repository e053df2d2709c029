/**
 * The stages, one descriptor each (src/stage-defs/<stage>.ts), and what is derived from them: which
 * stage reads which input (inputs.ts), the verdict outputs set when a stage cannot run, the CLI's
 * help, and running the chosen stage. Nothing here imports stage code until a stage runs.
 */
import { STAGES, type StageName } from '../constants.js';
import type { StageResult } from '../report/result.js';
import { drift } from './drift.js';
import { gate } from './gate.js';
import { promote } from './promote.js';
import type { OutputValues, Settings, StageDescriptor } from './types.js';
import { validate } from './validate.js';

export { common } from './common.js';
export type { InputDefaults, OutputValues, Settings, SettingsOf, SharedDescriptor, StageDescriptor } from './types.js';

/**
 * Every stage's descriptor, by name (the type makes it one per stage, no more, no fewer). Their
 * order is the order messages name the stages that read an input in, as action.yml's "Used by
 * `gate`, `validate` and `promote`" does.
 */
export const STAGE_DEFS: { readonly [S in StageName]: StageDescriptor<S> } = { gate, validate, drift, promote };

/** The descriptors, in STAGE_DEFS order. */
export const DESCRIPTORS = Object.values(STAGE_DEFS) as readonly StageDescriptor[];

/**
 * The descriptor of a stage named by the user (any case); undefined for an unknown name.
 *
 * @example
 * descriptorOf('Drift')?.verdictOnError // { 'drift-detected': 'true' }
 */
export function descriptorOf(name: string): StageDescriptor | undefined {
  const stage = STAGES.find((s) => s === name.toLowerCase());
  return stage && (STAGE_DEFS[stage] as StageDescriptor);
}

/**
 * The failing value of each verdict output of `stage`, set when it could not run; {} for no stage
 * or an unknown one.
 */
export function verdictOnError(stage: string): OutputValues {
  return descriptorOf(stage)?.verdictOnError ?? {};
}

/** Runs the chosen stage: its runner is imported only now, so start-up loads no stage's code. */
export async function runStage(settings: Settings): Promise<StageResult> {
  // The descriptor and the settings are of the same stage (readSettings built them from it); TypeScript
  // cannot follow that correlation through the union, hence the widening.
  const run = (await STAGE_DEFS[settings.stage].loadRunner()) as (s: Settings) => Promise<StageResult>;
  return run(settings);
}
