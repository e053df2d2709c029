import type { Settings } from '../settings.js';
import type { StageResult } from '../report/result.js';

/** Runs the chosen stage. Each stage is imported only when chosen: start-up stays small. */
export async function runStage(settings: Settings): Promise<StageResult> {
  switch (settings.stage) {
    case 'gate':
      return (await import('./gate.js')).runGate(settings);
    case 'drift':
      return (await import('./drift.js')).runDrift(settings);
    case 'validate':
      return (await import('./validate.js')).runValidate(settings);
    case 'promote':
      return (await import('./promote.js')).runPromote(settings);
  }
}
