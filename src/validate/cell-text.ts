/**
 * The cells of a few columns as written in the file, for the `regex` rule: `1.0` stays `1.0`
 * and `007` stays `007`, where the typed column holds the numbers 1 and 7. Only the columns a
 * `regex` rule names are read again, and only where the typed column lost text:
 *
 * - CSV/TSV: numerical columns, read again with the CSV reader with those columns as text (other
 *   columns are skipped, not stored);
 * - JSON Lines: every such column, since a JSON number's text (`1.0`, `1e3`) is lost in parsing;
 *   each line's top-level value tokens are located and a number keeps its token (strings,
 *   booleans and nested values read as the JSON Lines reader reads them);
 * - Parquet: a number has no written text; a FLOAT/DOUBLE column is tested on the text pandas
 *   gives its cells (`3.0`, `1e-05`: float-text.ts), a DECIMAL one with its scale's digits (`1.50`),
 *   an integer one on its digits. Only the file's schema is read again.
 */
import { ColumnBuilder } from '../data/builder.js';
import { readDelimited } from '../data/csv.js';
import { detectFormat } from '../data/format.js';
import type { CellSink } from '../data/sink.js';
import { recordTooLong } from '../data/limits.js';
import { readBlocks } from '../data/source.js';
import type { Column, NumericColumn, Table } from '../data/types.js';
import { UserError } from '../errors.js';
import { jsonDepthExcess } from '../tree/json.js';
import { tooDeep } from '../tree/limits.js';
import { pythonFloatText } from './float-text.js';
import type { Expectations } from './types.js';

/** The written text of the columns that `regex` rules test, where the table's column lost it. */
export async function cellTextsFor(t: Table, exp: Expectations): Promise<Map<string, Column>> {
  const present = new Map(t.columns.map((c) => [c.name, c]));
  const names = [
    ...new Set(exp.rules.flatMap((r) => (r.rule === 'regex' && r.column !== null ? [r.column] : []))),
  ].filter((n) => {
    const c = present.get(n);
    return c && t.rowCount > 0 && (t.format === 'jsonl' || c.kind === 'numeric');
  });
  if (names.length === 0) return new Map();
  if (t.format === 'parquet') return parquetTexts(t, new Set(names));
  const { gzip } = detectFormat(t.file, { format: t.format });
  const wanted = new Set(names);
  const builders =
    t.format === 'jsonl'
      ? await jsonLinesTexts(t.file, gzip, wanted)
      : (
          await readDelimited(t.file, gzip, t.format === 'tsv' ? '\t' : ',', wanted, (name) =>
            wanted.has(name) ? new ColumnBuilder(name, true) : new SkipSink(name),
          )
        ).builders.filter((b): b is ColumnBuilder => b instanceof ColumnBuilder);
  const out = new Map<string, Column>();
  for (const b of builders) {
    // The file changed between the two reads: its rows no longer line up with the table's.
    if (b.length !== t.rowCount)
      throw new UserError(`the file changed while it was being read (${b.length} rows, then ${t.rowCount})`, t.file);
    out.set(b.name, b.finish(t.rowCount));
  }
  return out;
}

/** Parquet: the text pandas gives the float and decimal columns' cells, from their schema type. */
async function parquetTexts(t: Table, wanted: Set<string>): Promise<Map<string, Column>> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetSchema } = await import('hyparquet');
  let fields;
  try {
    fields = parquetSchema(await parquetMetadataAsync(await asyncBufferFromFile(t.file))).children;
  } catch (e) {
    throw new UserError(`not a valid Parquet file (${(e as Error).message})`, t.file);
  }
  const out = new Map<string, Column>();
  for (const { element: e } of fields) {
    const c = t.columns.find((x) => x.name === e.name);
    if (!wanted.has(e.name) || c?.kind !== 'numeric') continue;
    const decimal = e.converted_type === 'DECIMAL' || e.logical_type?.type === 'DECIMAL';
    const scale = e.scale ?? 0;
    if (decimal)
      out.set(
        e.name,
        textColumn(c, (v) => v.toFixed(scale)),
      );
    else if (e.type === 'DOUBLE' || e.type === 'FLOAT') {
      const single = e.type === 'FLOAT';
      out.set(
        e.name,
        textColumn(c, (v) => pythonFloatText(v, single)),
      );
    }
  }
  return out;
}

/** A text column of a numerical one, each value written by `text`. */
function textColumn(c: NumericColumn, text: (v: number) => string): Column {
  const b = new ColumnBuilder(c.name, true, c.values.length);
  const seen = new Map<number, string>();
  for (const v of c.values) {
    if (v !== v) b.pushMissing();
    else {
      // Repeated values are written once (a few thousand of them; 0 and -0 differ in text).
      let s = seen.get(v);
      if (s === undefined) {
        s = text(v);
        if (seen.size < 4096 && v !== 0) seen.set(v, s);
      }
      b.pushText(s);
    }
  }
  return b.finish(c.values.length);
}

/** A column that is read past, not stored (CellSink of the columns no rule needs as text). */
class SkipSink implements CellSink {
  mode = 'categorical' as const;
  length = 0;
  readonly capacity = Infinity;
  constructor(readonly name: string) {}
  reserve(): void {}
  truncate(length: number): void {
    this.length = length;
  }
  pushNumber(): void {
    this.length++;
  }
  pushMissing(): void {
    this.length++;
  }
  pushBytes(): void {
    this.length++;
  }
  pushText(): void {
    this.length++;
  }
  pushValue(): void {
    this.length++;
  }
}

/**
 * JSON Lines: one text column per wanted key, in row order (blank lines skipped, as the reader
 * does). A number keeps its token as written; other values are typed as the reader types them.
 */
async function jsonLinesTexts(file: string, gzip: boolean, wanted: Set<string>): Promise<ColumnBuilder[]> {
  const builders = [...wanted].map((n) => new ColumnBuilder(n, true));
  let line = 0;
  await readBlocks(
    file,
    gzip,
    (buf, end) => {
      for (let start = 0; start < end;) {
        const nl = buf.indexOf(0x0a, start);
        line++;
        let text = buf.toString('utf8', start, nl);
        start = nl + 1;
        if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        if (text.trim() === '') continue;
        const deep = jsonDepthExcess(text);
        if (deep >= 0) throw tooDeep({ file, line, column: deep + 1 });
        let row: Record<string, unknown>;
        try {
          row = JSON.parse(text) as Record<string, unknown>;
        } catch (e) {
          throw new UserError(`invalid JSON (${(e as Error).message})`, file, line);
        }
        const tokens = valueTokens(text, wanted, file, line);
        for (const b of builders) {
          const v = Object.hasOwn(row, b.name) ? row[b.name] : undefined;
          if (typeof v === 'number') b.pushText(tokens.get(b.name) ?? String(v));
          else b.pushValue(v);
        }
      }
      return end;
    },
    () => recordTooLong('a line', file, line + 1),
  );
  return builders;
}

/**
 * The raw text of the top-level values of a JSON object text, for the keys in `wanted` (the last
 * one for a repeated key, as JSON.parse keeps). The text is valid JSON (JSON.parse read it).
 */
export function valueTokens(text: string, wanted: Set<string>, file: string, line: number): Map<string, string> {
  const out = new Map<string, string>();
  const bad = (): never => {
    throw new UserError('invalid JSON object', file, line);
  };
  let i = skipSpace(text, 0);
  if (text[i] !== '{') bad();
  i = skipSpace(text, i + 1);
  if (text[i] === '}') return out;
  for (;;) {
    if (text[i] !== '"') bad();
    const keyEnd = stringEnd(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') bad();
    const start = skipSpace(text, i + 1);
    i = valueEnd(text, start);
    if (wanted.has(key)) out.set(key, text.slice(start, i));
    i = skipSpace(text, i);
    if (text[i] === ',') i = skipSpace(text, i + 1);
    else if (text[i] === '}') return out;
    else bad();
  }
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\r' || s[i] === '\n')) i++;
  return i;
}

/** Index just past the string token starting at `i` (a `"`). */
function stringEnd(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '"') return j + 1;
  }
  return s.length;
}

/** Index just past the value token starting at `i`; nested values are skipped without recursion. */
function valueEnd(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return stringEnd(s, i);
  if (c !== '{' && c !== '[') {
    let j = i;
    while (j < s.length && !',}] \t\r\n'.includes(s[j])) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const d = s[j];
    if (d === '"') j = stringEnd(s, j) - 1;
    else if (d === '{' || d === '[') depth++;
    else if (d === '}' || d === ']') {
      if (--depth === 0) return j + 1;
    }
  }
  return s.length;
}
