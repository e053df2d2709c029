import { Inputs, Outputs } from '../constants.js';
import { LOCAL_DIR } from '../local-dir.js';
import { readPromoteSettings } from '../settings/promote.js';
import { metricsInputs } from './common.js';
import type { StageDescriptor } from './types.js';

export const promote: StageDescriptor<'promote'> = {
  name: 'promote',
  description: 'A passing model becomes a GTO-format git-tag release (or a stage rolls back).',
  inputs: {
    ...metricsInputs,
    [Inputs.Thresholds]: '',
    [Inputs.Predictions]: '',
    [Inputs.ModelName]: '',
    [Inputs.ModelPath]: '',
    [Inputs.PromoteTo]: '',
    [Inputs.Version]: 'auto',
    [Inputs.Bump]: 'minor',
    [Inputs.Rollback]: 'false',
    [Inputs.ChampionCheck]: 'true',
    [Inputs.Push]: 'true',
    [Inputs.StoreDir]: LOCAL_DIR,
  },
  outputs: [Outputs.Version, Outputs.Tag, Outputs.PreviousVersion, Outputs.Promoted, Outputs.ArtifactId],
  verdictOnError: { [Outputs.Promoted]: 'false' },
  readSettings: readPromoteSettings,
  loadRunner: async () => (await import('../stages/promote.js')).runPromote,
};
