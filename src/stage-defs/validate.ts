import { Inputs, Outputs } from '../constants.js';
import { readValidateSettings } from '../settings/validate.js';
import { metricsInputs, prometheusInputs } from './common.js';
import type { StageDescriptor } from './types.js';

export const validate: StageDescriptor<'validate'> = {
  name: 'validate',
  description: 'Metrics files and datasets are well-formed and meet their expectations.',
  inputs: {
    ...metricsInputs,
    ...prometheusInputs,
    [Inputs.RequiredMetrics]: '',
    [Inputs.MetricsSchema]: '',
    [Inputs.Data]: '',
    [Inputs.Expectations]: '',
    [Inputs.InferExpectations]: '',
    [Inputs.DataFormat]: 'auto',
  },
  outputs: [Outputs.Valid, Outputs.Errors],
  verdictOnError: { [Outputs.Valid]: 'false' },
  readSettings: readValidateSettings,
  loadRunner: async () => (await import('../stages/validate.js')).runValidate,
};
