/**
 * Every input of action.yml: the stages that read it and its action.yml default, derived from the
 * stage descriptors. An input that the chosen stage does not read is an error (the user's intent is
 * unclear: `thresholds` given to `validate` checks nothing). The runner passes every input with a
 * default as a value, so a value equal to the default counts as not given; a test keeps the
 * descriptors equal to action.yml.
 */
import type { InputName, StageName } from '../constants.js';
import { UserError } from '../errors.js';
import type { InputReader } from '../settings/inputs.js';
import { common } from './common.js';
import { DESCRIPTORS } from './index.js';

export interface InputSpec {
  /** Stages that read the input; 'all' for every stage. */
  stages: readonly StageName[] | 'all';
  /** action.yml's `default` ('' when none). */
  default: string;
}

/** The entries of a partial record, typed by its keys. */
function entries<K extends string, V>(o: Readonly<Partial<Record<K, V>>>): [K, V][] {
  return Object.entries(o) as [K, V][];
}

/**
 * Every input: those of every stage (stage-defs/common.ts) first, then each stage's, in
 * DESCRIPTORS order (which orders each input's `stages`). Two descriptors giving one input different defaults is a bug: refused at load.
 */
export const INPUTS: Readonly<Partial<Record<InputName, InputSpec>>> = inputTable();

/** Every input name: the CLI's flags. */
export const INPUT_NAMES: readonly InputName[] = Object.keys(INPUTS) as InputName[];

function inputTable(): Partial<Record<InputName, InputSpec>> {
  const table: Partial<Record<InputName, InputSpec>> = {};
  for (const [name, fallback] of entries(common.inputs)) table[name] = { stages: 'all', default: fallback };
  for (const { name: stage, inputs } of DESCRIPTORS) {
    for (const [name, fallback] of entries(inputs)) {
      const spec = table[name];
      if (spec && (spec.stages === 'all' || spec.default !== fallback))
        throw new Error(`input '${name}': declared twice, differently, in src/stage-defs/ (${stage})`);
      table[name] = { stages: [...((spec?.stages as readonly StageName[]) ?? []), stage], default: fallback };
    }
  }
  return table;
}

/**
 * Throws a UserError listing every input set to a value other than its default that `stage`
 * does not read, with the stages that read it.
 *
 * @example
 * assertInputsUsed('validate', (n) => (n === 'thresholds' ? 'f1: ">= 0.8"' : ''))
 * // throws: input 'thresholds' is not used by stage 'validate' (it is read by gate and promote) …
 */
export function assertInputsUsed(stage: StageName, input: InputReader): void {
  const unused = entries(INPUTS).filter(([name, spec]) => {
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
