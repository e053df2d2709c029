/**
 * One file profiled in parts (src/workers/split.ts, src/profile/chunk.ts) gives the profile of one
 * pass (profileFile): exactly for rows, column order, kinds (typing decided over the whole file),
 * counts, missing, min/max, integer-likeness, value and category counts, HLL registers and the KLL
 * sketch's n; mean to 1e-12 and M2 to 1e-9 relative (Chan's merge rounds differently from
 * Welford's pass); KLL quantiles within the merged sketch's stated bound. On a bad file, the same
 * error: message, file, line and column. Cuts land anywhere a line starts, inside quoted fields
 * too. Parts run in this thread here (no worker bundle under jest); the integration test runs them
 * in workers.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { UserError } from '../../src/errors.js';
import { profileFile } from '../../src/profile/build.js';
import { profileChunk } from '../../src/profile/chunk.js';
import type { CategoricalSummary } from '../../src/profile/categorical.js';
import type { NumericSummary } from '../../src/profile/numeric.js';
import { DEFAULT_PARAMS } from '../../src/profile/params.js';
import type { Profile } from '../../src/profile/profile.js';
import { profileFiles } from '../../src/workers/readTables.js';
import { finishSplit, partJob, planSplit, SPLIT_MAX_RECORD_BYTES } from '../../src/workers/split.js';
import { ecdf, rng } from '../profile/helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mqg-split-'));
let fileNo = 0;
function write(text: string | Buffer, ext = 'csv'): string {
  const file = path.join(dir, `f${fileNo++}.${ext}`);
  writeFileSync(file, text);
  return file;
}

type Outcome = { profile: Profile } | { error: { message: string; file?: string; line?: number; column?: number } };

async function outcome(make: () => Promise<Profile>): Promise<Outcome> {
  try {
    return { profile: await make() };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { error: { message: e.message, file: e.file, line: e.line, column: e.column } };
  }
}

const onePass = (file: string) => outcome(() => profileFile(file));
const inParts = (file: string, parts: number) =>
  outcome(async () => (await profileFiles([file], {}, DEFAULT_PARAMS, false, { parts, minBytes: 0 }))[0]);

/** The file cut at the given line starts (as split.ts does, but at any cuts), parts run here. */
async function atCuts(file: string, cuts: number[]): Promise<Outcome> {
  return outcome(async () => {
    const plan = await planSplit(file, {}, 2, 0);
    if (!plan) return profileFile(file);
    const bounds = [plan.ranges[0].start, ...cuts.filter((c) => c > plan.ranges[0].start), statSync(file).size];
    plan.ranges = bounds.slice(1).map((stop, i) => ({ start: bounds[i], stop }));
    const run = (jobs: Parameters<typeof profileChunk>[0][]) => Promise.all(jobs.map(profileChunk));
    const first = await run(plan.ranges.map((r) => partJob(plan, r.start, r.stop, [], DEFAULT_PARAMS)));
    return (await finishSplit(plan, first, [], DEFAULT_PARAMS, run)) ?? profileFile(file);
  });
}

const relClose = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** The comparison the module comment states. */
function expectSame(split: Outcome, whole: Outcome) {
  if ('error' in whole) return expect(split).toEqual(whole);
  if (!('profile' in split)) throw new Error(`split refused: ${JSON.stringify(split.error)}`);
  const [a, b] = [split.profile, whole.profile];
  expect(a.rows).toBe(b.rows);
  expect(a.sources).toEqual(b.sources);
  expect([...a.columns.keys()]).toEqual([...b.columns.keys()]);
  for (const [name, y] of b.columns) {
    const x = a.columns.get(name)!;
    expect([name, x.kind, x.count, x.missing]).toEqual([name, y.kind, y.count, y.missing]);
    expect(x.hll.toJSON()).toBe(y.hll.toJSON());
    if (y.kind === 'numeric') {
      const [m, n] = [x as NumericSummary, y];
      expect([m.moments.min, m.moments.max, m.integerLike, m.kll.n]).toEqual([
        n.moments.min,
        n.moments.max,
        n.integerLike,
        n.kll.n,
      ]);
      expect(m.values && [...m.values].sort()).toEqual(n.values && [...n.values].sort());
      expect(relClose(m.moments.mean, n.moments.mean, 1e-12)).toBe(true);
      expect(relClose(m.moments.m2, n.moments.m2, 1e-9)).toBe(true);
    } else {
      const [c, d] = [x as CategoricalSummary, y];
      expect(c.counts.entries()).toEqual(d.counts.entries());
      expect(c.counts.error).toBe(d.counts.error);
    }
  }
}

// --- Random CSV files: quoted fields with line breaks, commas and "", CRLF, blank lines,
//     missing cells, columns that turn text after numbers (in any part), a quote inside an
//     unquoted field (which breaks quote-parity counting), and now and then a defect.
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const number = fc.oneof(
  fc.integer({ min: -999, max: 999 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => String(x)),
  fc.constantFrom('1e3', '-0', '0.50', '+7', '.5'),
);
const missing = fc.constantFrom('', 'NA', 'nan', 'None', '""');
const label = fc.oneof(
  fc.constantFrom('a', 'b', 'x y', 'true', 'in"ch', '12abc'),
  fc
    .array(fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', '1'), { minLength: 0, maxLength: 6 })
    .map((cs) => quote(cs.join(''))),
  number.map(quote),
);
/** A column's cells: mostly numbers, mostly labels, or numbers with a rare label (mixed). */
const columnKind = fc.constantFrom('numeric', 'text', 'rare-text', 'late-text');
function cell(kind: string, row: number, rows: number) {
  switch (kind) {
    case 'numeric':
      return fc.oneof({ weight: 9, arbitrary: number }, { weight: 1, arbitrary: missing });
    case 'text':
      return fc.oneof(
        { weight: 4, arbitrary: label },
        { weight: 1, arbitrary: missing },
        { weight: 1, arbitrary: number },
      );
    case 'rare-text':
      return fc.oneof(
        { weight: 20, arbitrary: number },
        { weight: 2, arbitrary: missing },
        { weight: 1, arbitrary: label },
      );
    default: // missing for most of the file, then labels and numbers
      return row < rows * 0.7 ? missing : fc.oneof(label, number);
  }
}
const defect = fc.constantFrom(
  '',
  '',
  '',
  '1,"unterminated\n2,3\n',
  '"ab"c,1\n',
  'only-one-field\n',
  '1,2,3,4,5,6,7,8,9\n',
);
const csvFile = fc
  .tuple(fc.array(columnKind, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 50 }))
  .chain(([kinds, rows]) =>
    fc.record({
      kinds: fc.constant(kinds),
      cells: fc.tuple(
        ...Array.from({ length: rows }, (_, r) => fc.tuple(...kinds.map((k) => cell(k, r, rows)))),
      ) as fc.Arbitrary<string[][]>,
      blank: fc.array(fc.boolean(), { minLength: rows, maxLength: rows }),
      eol: fc.constantFrom('\n', '\r\n'),
      finalEol: fc.boolean(),
      defect,
      defectAt: fc.nat({ max: Math.max(rows, 1) }),
    }),
  )
  .map(({ kinds, cells, blank, eol, finalEol, defect, defectAt }) => {
    const lines = [kinds.map((_, i) => `c${i}`).join(',')];
    cells.forEach((row, r) => {
      if (r === defectAt && defect) lines.push(defect.replace(/\n$/, ''));
      if (blank[r]) lines.push('');
      lines.push(row.join(','));
    });
    return lines.join(eol) + (finalEol ? eol : '');
  });

describe('a file profiled in parts equals one pass', () => {
  test('random CSVs, split into 1 to 4 parts by profileFiles', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, fc.integer({ min: 1, max: 4 }), async (text, parts) => {
        const file = write(text);
        expectSame(await inParts(file, parts), await onePass(file));
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  test('random CSVs cut at any line starts (inside quoted fields too)', async () => {
    const withCuts = csvFile.chain((text) => {
      const starts: number[] = [];
      const bytes = Buffer.from(text);
      for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) starts.push(i + 1);
      return fc.tuple(fc.constant(text), fc.uniqueArray(fc.constantFrom(0, ...starts), { maxLength: 3 }));
    });
    await fc.assert(
      fc.asyncProperty(withCuts, async ([text, cuts]) => {
        const file = write(text);
        expectSame(
          await atCuts(
            file,
            [...cuts].sort((a, b) => a - b),
          ),
          await onePass(file),
        );
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  test('TSV, and a column read as text by request', async () => {
    const lines = ['a\tb'];
    for (let i = 0; i < 2000; i++) lines.push(`${i % 7}\t${i % 3 === 0 ? '"q\tx"' : i % 600}`);
    const file = write(lines.join('\n') + '\n', 'tsv');
    expectSame(await inParts(file, 3), await onePass(file));
    const opts = { textColumns: ['a'] };
    const [split] = await profileFiles([file], opts, DEFAULT_PARAMS, false, { parts: 3, minBytes: 0 });
    expectSame({ profile: split }, { profile: await profileFile(file, opts) });
    expect(split.columns.get('a')!.kind).toBe('categorical');
  });

  test('numbers in part 1, a text cell in part 3: mixed, read as text, as one pass does', async () => {
    const lines = ['x,y'];
    for (let i = 0; i < 3000; i++) lines.push(`${i < 1000 ? i : i >= 2500 && i % 100 === 0 ? 'oops' : ''},${i}`);
    const file = write(lines.join('\n') + '\n');
    const whole = await onePass(file);
    const split = await inParts(file, 4);
    expectSame(split, whole);
    expect((split as { profile: Profile }).profile.columns.get('x')!.kind).toBe('categorical');
    // Missing in part 1, text in part 2, numbers in part 3: categorical, the numbers as labels.
    const late = ['x,y', ...Array.from({ length: 3000 }, (_, i) => `${i < 1000 ? '' : i < 2000 ? 'a' : i},1`)];
    const file2 = write(late.join('\n') + '\n');
    const split2 = await inParts(file2, 3);
    expectSame(split2, await onePass(file2));
    expect((split2 as { profile: Profile }).profile.columns.get('x')!.count).toBe(2000);
  });
});

describe('hostile files give the error of one pass (message, line)', () => {
  const big = (rows: number, at: number, bad: string) => {
    const lines = ['id,text,v'];
    for (let i = 0; i < rows; i++) lines.push(i === at ? bad : `${i},"a, ""b""\nc",${i * 0.5}`);
    return lines.join('\n') + '\n';
  };

  test.each([
    ['an unterminated quote in the last part', big(4000, 3500, '1,"never closed,2')],
    ['an unterminated quote in the first part', big(4000, 10, '1,"never closed,2')],
    ['a ragged record in a middle part', big(4000, 2000, '1,2')],
    ['text after a closing quote', big(4000, 3000, '1,"x"y,2')],
  ])('%s', async (_what, text) => {
    const file = write(text);
    const whole = await onePass(file);
    expect('error' in whole && whole.error.line).toBeGreaterThan(1);
    for (const parts of [2, 3, 4]) expectSame(await inParts(file, parts), whole);
  });

  test('invalid UTF-8 in a later part', async () => {
    const text = Buffer.from(big(3000, -1, ''));
    text[text.length - 100] = 0xff;
    const file = write(text);
    const whole = await onePass(file);
    expect('error' in whole && whole.error.message).toMatch(/UTF-8/);
    for (const parts of [2, 4]) expectSame(await inParts(file, parts), whole);
  });

  test('one quoted field spanning every part, then an unterminated quote', async () => {
    const huge = `"${'x\n'.repeat(200_000)}"`;
    const text = `a,b\n1,${huge}\n2,ok\n3,"open\n`;
    const file = write(text);
    const whole = await onePass(file);
    expect(whole).toMatchObject({ error: { line: 200_004 } });
    for (const parts of [2, 3, 4]) expectSame(await inParts(file, parts), whole);
    // Closed, the same field is one cell: the parts starting inside it are parsed again.
    const ok = write(`a,b\n1,${huge}\n2,ok\n`);
    for (const parts of [2, 4]) expectSame(await inParts(ok, parts), await onePass(ok));
  });

  test('a record longer than a part accepts (but within the limit) is read in one pass', async () => {
    const long = 'y'.repeat(SPLIT_MAX_RECORD_BYTES + 1024);
    const file = write(`a,b\n1,x\n2,"${long.slice(0, 500_000)}\n${long.slice(500_000)}"\n3,z\n`);
    // The cell itself is over MAX_CELL_BYTES: one pass refuses it at its line, so must the parts.
    const whole = await onePass(file);
    expect(whole).toMatchObject({ error: { line: 3 } });
    expectSame(await inParts(file, 4), whole);
    // Many short cells make a long record that one pass accepts.
    const cells = Array.from({ length: 40 }, () => `"${'z'.repeat(SPLIT_MAX_RECORD_BYTES / 32)}"`);
    const wide = write(`${cells.map((_, i) => `c${i}`).join(',')}\n${cells.join(',')}\n${cells.join(',')}\n`);
    const wholeWide = await onePass(wide);
    expect('profile' in wholeWide).toBe(true);
    expectSame(await inParts(wide, 2), wholeWide);
  });
});

test('KLL merged from parts: quantiles within the stated bound of the exact ones', async () => {
  const r = rng(15);
  const xs = Float64Array.from({ length: 200_000 }, () => r.normal() * 3 + 10);
  const file = write('x\n' + Array.from(xs, (x) => x.toFixed(6)).join('\n') + '\n');
  const [p] = await profileFiles([file], {}, DEFAULT_PARAMS, false, { parts: 4, minBytes: 0 });
  const s = p.columns.get('x') as NumericSummary;
  const eps = s.kll.rankErrorBound();
  expect(eps).toBeGreaterThan(0);
  const sorted = Float64Array.from(readFileSync(file, 'utf8').trim().split('\n').slice(1), Number).sort();
  const { values, weights } = s.kll.weighted();
  let acc = 0;
  for (let i = 0; i < values.length; i++) {
    acc += weights[i];
    if (i + 1 < values.length && values[i + 1] === values[i]) continue;
    expect(Math.abs(acc / s.kll.n - ecdf(sorted, values[i]))).toBeLessThanOrEqual(eps);
  }
});
