/**
 * Cell texts read as "missing", in every text format (CSV, TSV, JSON Lines strings): the empty
 * cell and exactly `NA`, `NaN`, `nan`, `null`, `None` (case-sensitive, as pandas' defaults spell
 * them). A JSON `null` or an absent JSON key is missing too; in Parquet only null is.
 */
export const MISSING_TOKENS: readonly string[] = ['', 'NA', 'NaN', 'nan', 'null', 'None'];

const missingSet = new Set(MISSING_TOKENS);

export function isMissingText(text: string): boolean {
  return missingSet.has(text);
}

/** Same test on the raw bytes `buf[start..end)`, without making a string. */
export function isMissingBytes(buf: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (n === 0) return true;
  if (n < 2 || n > 4) return false;
  const b0 = buf[start],
    b1 = buf[start + 1];
  if (n === 2) return b0 === 0x4e && b1 === 0x41; // NA
  const b2 = buf[start + 2];
  if (n === 3) return (b0 === 0x4e || b0 === 0x6e) && b1 === 0x61 && b2 === (b0 === 0x4e ? 0x4e : 0x6e); // NaN nan
  const b3 = buf[start + 3];
  return (
    (b0 === 0x6e && b1 === 0x75 && b2 === 0x6c && b3 === 0x6c) || // null
    (b0 === 0x4e && b1 === 0x6f && b2 === 0x6e && b3 === 0x65)
  ); // None
}
