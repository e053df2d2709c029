/**
 * Class labels of a predictions file: each label column turned into label texts, and the rules
 * scikit-learn applies to them (sort order, default positive class).
 */
import type { Column } from '../data/types.js';

/** Texts pandas reads as booleans; a column of only these is boolean, its labels `True` / `False`. */
const TRUE_TEXTS = new Set(['true', 'True', 'TRUE']);

/**
 * The label text of every distinct value of a label column, and each row's index into them
 * (-1 for a missing cell). Numbers become their shortest text (`1`, not `1.0`: pandas reads
 * 1 and 1.0 as the same label); a boolean column's texts become `True` / `False`.
 *
 * @example
 * labelTexts(numericColumn([1, 0, 1])) // { texts: ['1', '0'], codes: Int32Array [0, 1, 0] }
 */
export function labelTexts(column: Column): { texts: string[]; codes: Int32Array; numeric: boolean } {
  if (column.kind === 'categorical') {
    const texts = column.boolean
      ? column.dictionary.map((t) => (TRUE_TEXTS.has(t) ? 'True' : 'False'))
      : column.dictionary.slice();
    return mergeDuplicates(texts, column.codes, false);
  }
  const index = new Map<number, number>();
  const texts: string[] = [];
  const codes = new Int32Array(column.values.length);
  for (let i = 0; i < codes.length; i++) {
    const v = column.values[i];
    if (v !== v) {
      codes[i] = -1;
      continue;
    }
    let c = index.get(v);
    if (c === undefined) {
      c = texts.length;
      index.set(v, c);
      texts.push(numberLabel(v));
    }
    codes[i] = c;
  }
  return { texts, codes, numeric: true };
}

/** `True`/`true`/`TRUE` all read as one label: codes renumbered so each text appears once. */
function mergeDuplicates(texts: string[], codes: Int32Array, numeric: boolean) {
  const first = new Map<string, number>();
  const remap = texts.map((t) => {
    const f = first.get(t);
    if (f !== undefined) return f;
    first.set(t, first.size);
    return first.size - 1;
  });
  if (first.size === texts.length) return { texts, codes, numeric };
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? -1 : remap[codes[i]];
  return { texts: [...first.keys()], codes: out, numeric };
}

/** A number's label text: its shortest round-trip form, `-0` read as `0`. */
export function numberLabel(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

/**
 * Compares two labels as scikit-learn's sorted `classes_` order them: numbers by value when
 * both sets are numeric, otherwise strings by Unicode code point (NumPy's order, which differs
 * from JavaScript's UTF-16 order only above U+FFFF).
 */
export function compareLabels(a: string, b: string, numeric: boolean): number {
  if (numeric) return Number(a) - Number(b);
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = ca[i].codePointAt(0)! - cb[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}

/**
 * The positive class of the binary precision, recall and F1 (`average='binary'`), as
 * scikit-learn's default `pos_label=1` finds it: the label `1` (numbers; 1.0 is 1) or `True`
 * (booleans, which equal 1 in Python), or the label the user named. Undefined when there is no
 * such label: scikit-learn then refuses the binary average, and so do we (the macro and weighted
 * averages remain).
 *
 * @example
 * positiveLabel(['0', '1'], true) // '1'
 * positiveLabel(['ham', 'spam'], false) // undefined
 * positiveLabel(['ham', 'spam'], false, 'spam') // 'spam'
 */
export function positiveLabel(classes: readonly string[], numeric: boolean, named?: string): string | undefined {
  if (named !== undefined) return named;
  if (numeric) return classes.find((c) => Number(c) === 1);
  return classes.includes('True') ? 'True' : undefined;
}
