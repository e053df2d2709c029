import { parseNumberText } from '../data/number.js';

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
