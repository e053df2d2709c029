import { Inputs, Outputs } from '../constants.js';
import { readDriftSettings } from '../settings/drift.js';
import type { StageDescriptor } from './types.js';

export const drift: StageDescriptor<'drift'> = {
  name: 'drift',
  description: 'Per-feature drift statistics between reference and current data (or profiles of them).',
  inputs: {
    [Inputs.Reference]: '',
    [Inputs.Current]: '',
    [Inputs.DataFormat]: 'auto',
    [Inputs.Columns]: '',
    [Inputs.ExcludeColumns]: '',
    [Inputs.CategoricalColumns]: '',
    [Inputs.NumericalColumns]: '',
    [Inputs.DriftMethod]: 'auto',
    [Inputs.DriftThreshold]: '',
    [Inputs.DriftConfig]: '',
    [Inputs.DriftShare]: '0.5',
    [Inputs.NewCategoryShare]: '0.01',
    [Inputs.Correction]: 'none',
    [Inputs.ProfileOut]: '',
    [Inputs.ProfileShards]: '',
    [Inputs.MemoryBudget]: 'auto',
  },
  outputs: [Outputs.DriftDetected, Outputs.DriftedColumns, Outputs.DriftShare, Outputs.Profile],
  // A run that could not measure drift never reads as "no drift".
  verdictOnError: { [Outputs.DriftDetected]: 'true' },
  readSettings: readDriftSettings,
  loadRunner: async () => (await import('../stages/drift.js')).runDrift,
};
