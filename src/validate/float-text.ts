/**
 * The text pandas gives a floating-point cell (`Series.astype(str)`, which Great Expectations'
 * `expect_column_values_to_match_regex` tests): Python's `repr` for float64, numpy's for float32.
 * The shortest digits that read back as the same value, positional with at least one decimal
 * (`3.0`, `0.0001`) or scientific with a two-digit exponent (`1e-05`, `1.5e+16`) outside
 * [1e-4, 1e16). For a Parquet FLOAT/DOUBLE column, which has no written text (cell-text.ts).
 *
 * @example
 * pythonFloatText(3) // '3.0'
 * pythonFloatText(1e16) // '1e+16'
 * pythonFloatText(Math.fround(0.1), true) // '0.1'
 */
export function pythonFloatText(v: number, single = false): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const [mantissa, e] = (single ? shortestSingle(v) : v.toExponential()).split('e');
  const exp = Number(e);
  const abs = Math.abs(v);
  // Python decides on the shortest digits' exponent, numpy (float32) on the value itself.
  if (single ? abs < 1e-4 || abs >= 1e16 : exp < -4 || exp >= 16)
    return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const sign = v < 0 ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  return `${sign}${whole}.${digits.slice(exp + 1) || '0'}`;
}

/** Shortest digits (as `toExponential` gives them) that read back as the float32 value `v`. */
function shortestSingle(v: number): string {
  for (let p = 1; p < 9; p++) {
    const s = Number(v.toPrecision(p));
    if (Math.fround(s) === v) return s.toExponential();
  }
  return Number(v.toPrecision(9)).toExponential();
}
