/** Shared by the row rules: turning a count of failing rows into an Outcome under `mostly`. */
import { formatNumber } from '../../report/format.js';
import { dataRowNumber } from '../../data/read.js';
import type { Outcome, Sample } from '../types.js';

/** Sample values longer than this are cut (the report is for reading, not for recovering data). */
const MAX_SAMPLE_CHARS = 80;

/**
 * Great Expectations' `mostly`: the rule passes when the share of checked rows that pass is at
 * least `mostly`. With no row to check (a column entirely missing) it passes, as in Great
 * Expectations; an empty dataset is refused before any row rule runs (check.ts).
 */
export function rowOutcome(
  failing: number,
  checked: number,
  mostly: number,
  samples: Sample[],
  what = 'non-missing rows',
): Outcome {
  const passed = checked === 0 || (checked - failing) / checked >= mostly;
  let message: string;
  if (checked === 0) message = `no ${what} to check`;
  else if (failing === 0) message = `all ${checked} ${what} pass`;
  else {
    const share = `${failing} of ${checked} ${what} (${percent(failing, checked)}) fail`;
    message =
      mostly < 1
        ? `${share}; ${percent(checked - failing, checked)} pass, mostly needs ${formatNumber(mostly * 100)} %`
        : share;
  }
  return { passed, failing, checked, message, samples };
}

/** An aggregate or table rule: no row counts. */
export function plainOutcome(passed: boolean, message: string, samples: Sample[] = []): Outcome {
  return { passed, failing: null, checked: null, message, samples };
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${formatNumber((part / whole) * 100)} %`;
}

export function sample(i: number, value: string): Sample {
  return { row: dataRowNumber(i), value: clip(value) };
}

function clip(s: string): string {
  return s.length > MAX_SAMPLE_CHARS ? `${s.slice(0, MAX_SAMPLE_CHARS - 1)}…` : s;
}
