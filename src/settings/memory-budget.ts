import { Inputs } from '../constants.js';
import { totalmem } from 'node:os';
import { UserError } from '../errors.js';
import type { MemoryBudget } from '../drift/memory.js';
import type { InputReader } from './inputs.js';

/** Share of the machine's memory the `auto` budget allows the drift stage's exact path. */
export const AUTO_BUDGET_SHARE = 0.5;

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/**
 * `memory-budget`: `auto` (half the memory of the machine, or of its container when that is less)
 * or a size with its unit, decimal (`kB`, `MB`, `GB`, `TB`) or binary (`KiB`, `MiB`, `GiB`, `TiB`).
 * A number without a unit is refused (bytes or megabytes: the intent is unclear).
 *
 * @example
 * readMemoryBudget((n) => (n === 'memory-budget' ? '1.5GiB' : '')) // { bytes: 1610612736, label: '1.5GiB' }
 */
export function readMemoryBudget(input: InputReader): MemoryBudget {
  const value = input(Inputs.MemoryBudget) || 'auto';
  if (value === 'auto') {
    const machine = Math.min(totalmem(), process.constrainedMemory?.() || Infinity);
    const bytes = Math.floor(machine * AUTO_BUDGET_SHARE);
    return { bytes, label: `auto (half of this machine's ${(machine / 2 ** 30).toFixed(1)} GiB)` };
  }
  const at = { input: Inputs.MemoryBudget };
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)?$/i.exec(value);
  if (!m) throw new UserError(`must be 'auto' or a size such as 2GB or 512MiB; got '${shown}'`, at);
  if (!m[2]) {
    throw new UserError(
      `needs a unit (B, kB, MB, GB, TB, KiB, MiB, GiB or TiB): '${shown}' could mean bytes or megabytes`,
      at,
    );
  }
  const unit = UNITS[m[2].toLowerCase()];
  if (unit === undefined) {
    throw new UserError(`unknown unit '${m[2].slice(0, 10)}'; use B, kB, MB, GB, TB, KiB, MiB, GiB or TiB`, at);
  }
  const bytes = Math.floor(Number(m[1]) * unit);
  if (!(bytes >= 1) || !Number.isSafeInteger(bytes)) {
    throw new UserError(`must be at least 1 byte and below 8 PB; got '${shown}'`, at);
  }
  return { bytes, label: value };
}
