/**
 * Durations written as Prometheus writes them (https://prometheus.io/docs/prometheus/latest/querying/basics/,
 * "Time durations"): units `ms`, `s`, `m`, `h`, `d` (24 h), `w` (7 d), `y` (365 d), largest first, each at most once
 * (`15m`, `1h30m`, `90s`).
 */

const UNITS: [string, number][] = [
  ['y', 365 * 24 * 3600_000],
  ['w', 7 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/**
 * Milliseconds of a Prometheus duration; undefined when `text` is not one (or is empty).
 *
 * @example
 * parseDuration('15m') // 900000
 * parseDuration('1h30m') // 5400000
 * parseDuration('15 minutes') // undefined
 */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === '') return undefined;
  const ms = UNITS.reduce((sum, [, unit], i) => sum + Number(m[i + 1] ?? 0) * unit, 0);
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/**
 * A duration in Prometheus' notation, rounded to the second above one second.
 *
 * @example
 * formatDuration(5400000) // '1h30m'
 * formatDuration(1250) // '1s'
 * formatDuration(250) // '250ms'
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (Math.abs(ms) < 1000) return `${Math.round(ms)}ms`;
  let rest = Math.round(Math.abs(ms) / 1000) * 1000;
  let out = '';
  for (const [unit, size] of UNITS.slice(0, -1)) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return `${ms < 0 ? '-' : ''}${out}`;
}
