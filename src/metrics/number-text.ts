/**
 * A number written as text by Python (`str(float)`, `repr`) or by hand in CSV cells and MLflow metric
 * files: decimal or exponent form, plus `nan`, `inf`, `-inf`, `Infinity` (any case), which stay NaN
 * and ±Infinity so the gate can reject them. Undefined when the text is not a number.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL = /^([+-]?)(nan|inf|infinity)$/i;

export function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  if (DECIMAL.test(t)) return Number(t);
  const special = SPECIAL.exec(t);
  if (!special) return undefined;
  if (special[2].toLowerCase() === 'nan') return NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}

/**
 * True for a value that stands for a metric: a number (NaN and ±Infinity included, to be refused
 * later), null (a metric written without a value), or text that reads as a number (a number
 * written as a string). Other text and booleans (names, paths, dates, flags) are not metrics.
 *
 * @example
 * isMetricValue(0.9) // true
 * isMetricValue('0.93') // true
 * isMetricValue('resnet50') // false
 */
export function isMetricValue(v: number | string | boolean | null): boolean {
  return v === null || typeof v === 'number' || (typeof v === 'string' && parseNumberText(v) !== undefined);
}
