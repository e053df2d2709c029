import { Inputs, Outputs } from '../constants.js';
import { readGateSettings } from '../settings/gate.js';
import { metricsInputs, prometheusInputs } from './common.js';
import type { StageDescriptor } from './types.js';

export const gate: StageDescriptor<'gate'> = {
  name: 'gate',
  description: 'Metrics meet thresholds and do not regress against a baseline or the production model.',
  inputs: {
    ...metricsInputs,
    [Inputs.Thresholds]: '',
    [Inputs.Baseline]: '',
    [Inputs.Predictions]: '',
    [Inputs.BaselinePredictions]: '',
    ...prometheusInputs,
  },
  outputs: [Outputs.Passed, Outputs.Failed, Outputs.Metrics],
  verdictOnError: { [Outputs.Passed]: 'false' },
  readSettings: readGateSettings,
  loadRunner: async () => (await import('../stages/gate.js')).runGate,
};
