/**
 * The shape of a stage descriptor: everything that makes a stage a stage, declared once (as
 * actions/cache declares its inputs and outputs in src/constants.ts). A descriptor imports no stage
 * code statically: its runner is loaded with `import()` only when the stage is chosen.
 */
import type { InputName, OutputName, StageName } from '../constants.js';
import type { OutputValues, StageResult } from '../report/result.js';
import type { CommonSettings } from '../settings/common.js';
import type { DriftSettings } from '../settings/drift.js';
import type { GateSettings } from '../settings/gate.js';
import type { InputReader } from '../settings/inputs.js';
import type { PromoteSettings } from '../settings/promote.js';
import type { ValidateSettings } from '../settings/validate.js';

/** The typed settings of each stage. */
export interface SettingsOf {
  validate: ValidateSettings;
  gate: GateSettings;
  drift: DriftSettings;
  promote: PromoteSettings;
}
export type Settings = SettingsOf[StageName];

/** Inputs a stage reads, each with its action.yml `default` ('' when none). */
export type InputDefaults = Readonly<Partial<Record<InputName, string>>>;

export type { OutputValues };

/** Inputs every stage reads and outputs every stage sets (stage-defs/common.ts). */
export interface SharedDescriptor {
  inputs: InputDefaults;
  outputs: readonly OutputName[];
}

export interface StageDescriptor<S extends StageName = StageName> extends SharedDescriptor {
  name: S;
  /** One line for the CLI's help. */
  description: string;
  /** The outputs it sets, besides those of every stage (`report`). */
  outputs: readonly OutputName[];
  /**
   * Its verdict outputs and the failing value each takes when the stage could not run: a run that
   * could not run never reads as a pass, a valid input, a promotion — or as "no drift".
   */
  verdictOnError: OutputValues;
  /** Reads and checks its own inputs (src/settings/<stage>.ts); synchronous, as bad input is refused first. */
  readSettings(input: InputReader, common: CommonSettings): SettingsOf[S];
  /** Its runner (src/stages/<stage>.ts), imported only when the stage runs: start-up stays small. */
  loadRunner(): Promise<(settings: SettingsOf[S]) => Promise<StageResult>>;
}
