/**
 * Every input of action.yml: the stages that read it and its action.yml default. An input that
 * the chosen stage does not read is an error (the user's intent is unclear: `thresholds` given to
 * `validate` checks nothing). The runner passes every input with a default as a value, so a
 * value equal to the default counts as not given; a test keeps this table equal to action.yml.
 */
import { UserError } from '../errors.js';
import type { StageName } from './common.js';
import type { InputReader } from './inputs.js';
import { LOCAL_DIR } from '../local-dir.js';

export interface InputSpec {
  /** Stages that read the input; 'all' for every stage. */
  stages: readonly StageName[] | 'all';
  /** action.yml's `default` ('' when none). */
  default: string;
}

const all = (fallback = ''): InputSpec => ({ stages: 'all', default: fallback });
const only = (stages: StageName[], fallback = ''): InputSpec => ({ stages, default: fallback });

export const INPUTS: Readonly<Record<string, InputSpec>> = {
  stage: all(),
  metrics: only(['gate', 'validate', 'promote']),
  'metrics-format': only(['gate', 'validate', 'promote'], 'auto'),
  thresholds: only(['gate', 'promote']),
  baseline: only(['gate']),
  predictions: only(['gate', 'promote']),
  'baseline-predictions': only(['gate']),
  'fail-on-violation': all('true'),
  'report-path': all(),
  summary: all('true'),
  'prometheus-url': only(['gate', 'validate']),
  'prometheus-queries': only(['gate', 'validate']),
  'prometheus-token': only(['gate', 'validate']),
  'prometheus-max-age': only(['gate', 'validate'], '15m'),
  'required-metrics': only(['validate']),
  'metrics-schema': only(['validate']),
  data: only(['validate']),
  expectations: only(['validate']),
  'infer-expectations': only(['validate']),
  reference: only(['drift']),
  current: only(['drift']),
  'data-format': only(['validate', 'drift'], 'auto'),
  columns: only(['drift']),
  'exclude-columns': only(['drift']),
  'categorical-columns': only(['drift']),
  'numerical-columns': only(['drift']),
  'drift-method': only(['drift'], 'auto'),
  'drift-threshold': only(['drift']),
  'drift-config': only(['drift']),
  'drift-share': only(['drift'], '0.5'),
  'new-category-share': only(['drift'], '0.01'),
  correction: only(['drift'], 'none'),
  'profile-out': only(['drift']),
  'profile-shards': only(['drift']),
  'memory-budget': only(['drift'], 'auto'),
  'model-name': only(['promote']),
  'model-path': only(['promote']),
  'promote-to': only(['promote']),
  version: only(['promote'], 'auto'),
  bump: only(['promote'], 'minor'),
  rollback: only(['promote'], 'false'),
  'champion-check': only(['promote'], 'true'),
  push: only(['promote'], 'true'),
  'store-dir': only(['promote'], LOCAL_DIR),
  'notify-webhook': all(),
  'notify-on': all('failure'),
  'notify-email-to': all(),
  'notify-email-from': all(),
  'smtp-url': all(),
  comment: all('off'),
  'comment-key': all(),
  'github-token': all('${{ github.token }}'),
};

/**
 * Throws a UserError listing every input set to a value other than its default that `stage`
 * does not read, with the stages that read it.
 *
 * @example
 * assertInputsUsed('validate', (n) => (n === 'thresholds' ? 'f1: ">= 0.8"' : ''))
 * // throws: input 'thresholds' is not used by stage 'validate' (it is read by gate and promote) …
 */
export function assertInputsUsed(stage: StageName, input: InputReader): void {
  const unused = Object.entries(INPUTS).filter(([name, spec]) => {
    if (spec.stages === 'all' || spec.stages.includes(stage)) return false;
    const value = input(name);
    return value !== '' && value !== spec.default;
  });
  if (unused.length === 0) return;
  throw UserError.combine(
    unused.map(([name, spec]) => {
      const users = spec.stages as readonly StageName[];
      const list = users.length === 1 ? users[0] : `${users.slice(0, -1).join(', ')} and ${users.at(-1)}`;
      return {
        message:
          `input '${name}' is not used by stage '${stage}' (it is read by ${list}): ` +
          `remove it, or run ${users.length === 1 ? 'that stage' : 'one of those stages'}`,
      };
    }),
  );
}
