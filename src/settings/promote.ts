import { Inputs } from '../constants.js';
import { UserError } from '../errors.js';
import { METRICS_FORMATS, type MetricsFormat } from '../metrics/formats.js';
import { assertValidArtifact, assertValidStage } from '../registry/gto-tags.js';
import { formatSemVer, parseSemVer, type Bump } from '../registry/semver.js';
import type { CommonSettings } from './common.js';
import { readBoolean, readChoice, required, type InputReader } from './inputs.js';
import { LOCAL_DIR } from '../local-dir.js';

export const BUMPS = ['major', 'minor', 'patch'] as const satisfies readonly Bump[];

export interface PromoteSettings extends CommonSettings {
  stage: 'promote';
  /** GTO artifact name, e.g. `churn`. */
  model: string;
  /** Model files or folders, one per line; empty on rollback. */
  modelPaths: string[];
  /** Metrics file(s), as for the gate; '' on rollback. */
  metrics: string;
  metricsFormat: MetricsFormat;
  /** Rules the candidate must meet first; '' on rollback. */
  thresholds: string;
  /**
   * The candidate's per-example predictions file; '' when none. Recorded in the version tag and
   * paired with the champion's (from its tag, at its commit) for the champion check.
   */
  predictions: string;
  /** GTO stage to assign (`prod`); '' registers the version only. */
  promoteTo: string;
  /** 'auto' or a normalised `vX.Y.Z`. */
  version: string;
  bump: Bump;
  rollback: boolean;
  championCheck: boolean;
  push: boolean;
  /** Local store directory, used off a runner. */
  storeDir: string;
}

export function readPromoteSettings(input: InputReader, common: CommonSettings): PromoteSettings {
  const model = required(input, Inputs.ModelName, 'promote');
  assertValidArtifact(model);
  const promoteTo = input(Inputs.PromoteTo);
  if (promoteTo) assertValidStage(promoteTo);
  const rollback = readBoolean(input, Inputs.Rollback, false);
  if (rollback && !promoteTo)
    throw new UserError("input 'rollback' needs 'promote-to': the stage to give back to its previous version");
  return {
    ...common,
    stage: 'promote',
    model,
    // A rollback re-assigns a registered version: it reads no files.
    modelPaths: rollback ? [] : lines(required(input, Inputs.ModelPath, 'promote')),
    metrics: rollback ? input(Inputs.Metrics) : required(input, Inputs.Metrics, 'promote'),
    metricsFormat: readChoice(input, Inputs.MetricsFormat, METRICS_FORMATS, 'auto'),
    thresholds: rollback ? input(Inputs.Thresholds) : required(input, Inputs.Thresholds, 'promote'),
    predictions: rollback ? '' : input(Inputs.Predictions),
    promoteTo,
    version: readVersion(input(Inputs.Version) || 'auto'),
    bump: readChoice(input, Inputs.Bump, BUMPS, 'minor'),
    rollback,
    championCheck: readBoolean(input, Inputs.ChampionCheck, true),
    push: readBoolean(input, Inputs.Push, true),
    storeDir: input(Inputs.StoreDir) || LOCAL_DIR,
  };
}

function readVersion(value: string): string {
  if (value === 'auto') return value;
  const v = parseSemVer(value);
  if (!v) throw new UserError(`input 'version' must be 'auto' or a semantic version like v1.2.3, got '${value}'`);
  return formatSemVer(v);
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
