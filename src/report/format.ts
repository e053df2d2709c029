/** Number formatting for summaries: enough digits to see a threshold crossed, no float noise. */
export function formatNumber(x: number | undefined | null): string {
  if (x === undefined || x === null) return '';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e9)) return x.toExponential(3);
  return String(Number(x.toPrecision(6)));
}

/** Signed delta, e.g. `+0.012` or `−3.4`. */
export function formatSigned(x: number | undefined, suffix = ''): string {
  if (x === undefined || !Number.isFinite(x)) return '';
  const s = formatNumber(Math.abs(x));
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${s}${suffix}`;
}
