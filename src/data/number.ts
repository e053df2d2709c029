/**
 * Decimal number parsing for text cells. A cell is a number when it matches
 * `[+-]?(digits[.digits]|.digits)([eE][+-]?digits)?`, optionally surrounded by spaces, and the
 * value is finite; hex, `Infinity`, `1_000` or thousands separators are text.
 */

/** Exact powers of ten representable in a double (10^0 .. 10^22). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Set by parseNumberAt: the index just past the number, or -1 when no number starts there. */
export let parsedEnd = -1;

/**
 * Parses a number starting at `buf[pos]`, stopping at the first byte that cannot continue it,
 * and returns it with `parsedEnd` set; `parsedEnd = -1` when there is no number. The caller
 * guarantees such a byte before the end of `buf` (the CSV reader's buffers end with a line feed),
 * which spares a bounds check per byte. Uses Clinger's fast path (≤ 15 significant digits and
 * |exponent| ≤ 22: one correctly rounded multiplication or division of two exact doubles, hence
 * the same result as `Number()`); other cases fall back to `Number()` on the text.
 *
 * This function reads the common cell, `[+-]digits[.digits]` with at most 9 digits, and is kept
 * small so that V8 inlines it into the CSV reader's loop; anything else goes on in finishNumber.
 *
 * @example
 * parseNumberAt(Buffer.from('-12.5,'), 0) // -12.5, parsedEnd = 5
 */
export function parseNumberAt(buf: Uint8Array, pos: number): number {
  const start = pos;
  let b = buf[pos];
  const neg = b === 0x2d;
  if (neg || b === 0x2b) b = buf[++pos];
  // The digits accumulate in 32-bit integer arithmetic (exact up to 9 digits; the count comes from
  // positions): a shorter dependency chain per digit than double multiply-adds.
  let mant = 0;
  const intStart = pos;
  while (b >= 0x30 && b <= 0x39) {
    mant = (mant * 10 + (b - 0x30)) | 0;
    b = buf[++pos];
  }
  let digits = pos - intStart,
    frac = 0;
  if (b === 0x2e) {
    const fracStart = ++pos;
    b = buf[pos];
    while (b >= 0x30 && b <= 0x39) {
      mant = (mant * 10 + (b - 0x30)) | 0;
      b = buf[++pos];
    }
    frac = pos - fracStart;
    digits += frac;
  }
  if (digits === 0) {
    parsedEnd = -1;
    return NaN;
  }
  if (digits > 9 || b === 0x65 || b === 0x45)
    return finishNumber(buf, start, pos, neg, digits > 9 ? mantissa(buf, start, pos) : mant, -frac);
  parsedEnd = pos;
  const v = frac > 0 ? mant / POW10[frac] : mant;
  return neg ? -v : v;
}

/** The digits of `buf[start..end)` (sign and point skipped) as one number, exact up to 2^53. */
function mantissa(buf: Uint8Array, start: number, end: number): number {
  let m = 0;
  for (let p = start; p < end; p++) {
    const d = buf[p] - 0x30;
    if (d >= 0 && d <= 9) m = m * 10 + d;
  }
  return m;
}

/**
 * parseNumberAt after the digits `buf[start..mantEnd)` (sign and point included) that make `mant`
 * (exact while at most 15 of them are significant) times 10^`exp`: an exponent, more digits.
 */
function finishNumber(
  buf: Uint8Array,
  start: number,
  mantEnd: number,
  neg: boolean,
  mant: number,
  exp: number,
): number {
  let pos = mantEnd;
  const b = buf[pos];
  if (b === 0x65 || b === 0x45) {
    let p = pos + 1;
    let c = buf[p];
    const eneg = c === 0x2d;
    if (eneg || c === 0x2b) c = buf[++p];
    if (c >= 0x30 && c <= 0x39) {
      let e = 0;
      while (c >= 0x30 && c <= 0x39) {
        if (e < 100000) e = e * 10 + (c - 0x30);
        c = buf[++p];
      }
      exp += eneg ? -e : e;
      pos = p;
    } // else: "1e" — the number ends before the "e", and the caller sees a stray byte
  }
  parsedEnd = pos;
  const sig = significantDigits(buf, start, mantEnd);
  let v: number;
  if (sig <= 15 && exp >= -22 && exp <= 22) v = exp < 0 ? mant / POW10[-exp] : mant * POW10[exp];
  else {
    // 16-19 digits (e.g. the shortest round-trip text of a double, as pandas writes): exact path.
    v = sig <= 19 && exp >= -22 && exp <= 22 ? parseLong(buf, start, mantEnd, exp) : NaN;
    if (v !== v) v = Number(latin1(buf, neg ? start + 1 : start, pos));
    if (!Number.isFinite(v)) {
      parsedEnd = -1;
      return NaN;
    } // e.g. 1e999
  }
  return neg ? -v : v;
}

/** Digits of `buf[start..end)` from the first non-zero one on (sign and point skipped). */
function significantDigits(buf: Uint8Array, start: number, end: number): number {
  let sig = 0;
  for (let p = start; p < end; p++) {
    const d = buf[p] - 0x30;
    if (d >= 0 && d <= 9 && (sig > 0 || d > 0)) sig++;
  }
  return sig;
}

/**
 * |value| of a decimal with 16..19 significant digits and |exp| ≤ 22, correctly rounded, or NaN
 * when this cannot be decided cheaply. The digits form an integer M < 2^64, held exactly as a
 * double-double (hi + lo); M·10^exp is computed in double-double (error ≈ 2^-104 relative), and
 * rounding it to a double is certain unless it lies within that error of a rounding boundary,
 * which is checked (then the caller falls back to Number()).
 */
function parseLong(buf: Uint8Array, start: number, end: number, exp: number): number {
  let a = 0,
    b = 0,
    na = 0,
    nb = 0;
  for (let p = start; p < end; p++) {
    const d = buf[p] - 0x30;
    if (d < 0 || d > 9 || (na === 0 && d === 0)) continue; // sign, point, leading zeros
    if (na < 15) {
      a = a * 10 + d;
      na++;
    } else {
      b = b * 10 + d;
      nb++;
    }
  }
  // M = a·10^nb + b, exactly: the product's rounding error and b are small integers.
  const m1 = a * POW10[nb];
  const m1err = twoProductError(a, POW10[nb], m1);
  const h0 = m1 + b;
  const h0err = m1 - (h0 - (h0 - m1)) + (b - (h0 - m1));
  const h = h0 + (m1err + h0err);
  const l = m1err + h0err - (h - h0);
  const P = POW10[exp < 0 ? -exp : exp];
  let s: number, t: number;
  if (exp >= 0) {
    const p1 = h * P;
    const e = twoProductError(h, P, p1) + l * P;
    s = p1 + e;
    t = e - (s - p1);
  } else {
    const q1 = h / P;
    const pp = q1 * P;
    const r = h - pp - twoProductError(q1, P, pp) + l;
    const q2 = r / P;
    s = q1 + q2;
    t = q2 - (s - q1);
  }
  const delta = Math.abs(s) * 2.5e-29; // ≈ 2^-95, well above the error above
  return s + (t + delta) === s + (t - delta) ? s + t : NaN;
}

/** Exact error of the product `p = fl(a·b)` (Dekker's TwoProduct with Veltkamp splitting). */
function twoProductError(a: number, b: number, p: number): number {
  const ca = 134217729 * a,
    ah = ca - (ca - a),
    al = a - ah;
  const cb = 134217729 * b,
    bh = cb - (cb - b),
    bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * A data cell's number: the whole text (spaces around allowed) in decimal form; NaN when it is not a
 * finite number (as pandas, a cell `inf` or `nan` is not a number here; missing values are decided
 * before). See parseNumberText for metric values, where `nan` and `inf` are read to be refused.
 *
 * @example
 * parseCellNumber(' 1.5e3 ') // 1500
 * parseCellNumber('inf') // NaN
 */
export function parseCellNumber(text: string): number {
  const t = text.trim();
  if (!DECIMAL.test(t)) return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

function latin1(buf: Uint8Array, start: number, end: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1');
}

const SPECIAL = /^([+-]?)(nan|inf|infinity)$/i;

/**
 * A number written as text by Python (`str(float)`, `repr`) or by hand in CSV cells and MLflow metric
 * files: decimal or exponent form, plus `nan`, `inf`, `-inf`, `Infinity` (any case), which stay NaN
 * and ±Infinity so the gate can reject them. Undefined when the text is not a number.
 *
 * @example
 * parseNumberText('0.93') // 0.93
 * parseNumberText('-inf') // -Infinity
 * parseNumberText('n/a') // undefined
 */
export function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  if (DECIMAL.test(t)) return Number(t);
  const special = SPECIAL.exec(t);
  if (!special) return undefined;
  if (special[2].toLowerCase() === 'nan') return NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}
