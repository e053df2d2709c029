/**
 * Shared parts of the fuzz suite: mutations of real files (truncation, byte flips, inserted hostile
 * tokens, duplicated lines, repeated ranges, deleted ranges) and the one property every parser must
 * hold on any input: it ends in a result or a UserError, never another exception, within the
 * bounds stated here.
 *
 * Bounds: each input is handled within INPUT_TIME_BOUND_MS (typically 1–50 ms; the bound catches
 * a hang or an exponential blow-up, not slowness), and the peak RSS of the test process grows by at
 * most RSS_GROWTH_BOUND_MB over a whole property. Runs are seeded (FUZZ_SEED, default fixed) so a
 * failure reproduces; FUZZ_RUNS multiplies the number of runs for longer local sessions, e.g.
 * `FUZZ_RUNS=20 FUZZ_SEED=$RANDOM npx jest __tests__/fuzz`.
 */
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { UserError } from '../../src/errors.js';

export const INPUT_TIME_BOUND_MS = 5000;
export const RSS_GROWTH_BOUND_MB = 256;
const SEED = Number(process.env.FUZZ_SEED ?? 20250611);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);

/** Tokens that break parsers: aliases, tags, nesting, quotes, encodings, non-finite numbers, huge runs. */
export const HOSTILE_TOKENS: string[] = [
  '&a ',
  '*a',
  '&a [*a]',
  '<<: *a\n',
  '!!python/object/apply:numpy.core.multiarray.scalar ',
  '!!python/tuple [1, 2]',
  '!!binary AAAA',
  '!!float ',
  '!Ref ',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '? ',
  '- ',
  ': ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '\\',
  '\\u0000',
  '\\ud800',
  '\0',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '#',
  ',',
  ',,,,',
  'NaN',
  '-Infinity',
  '1e999',
  '.nan',
  '.inf',
  '0x1F',
  '010',
  '1_000',
  '~',
  'null',
  '__proto__',
  'constructor',
  '"__proto__": {"x": 1}, ',
  '"a": 1, "a": 2, ',
  '\ufeff',
  '\u2028',
  'é',
  '😀',
  '['.repeat(300),
  '{"a":'.repeat(300),
  '{a: '.repeat(300),
  '- '.repeat(300),
  'x'.repeat(70000),
  '9'.repeat(400),
  '"' + 'y'.repeat(2000) + '"',
  'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' +
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
];

const RAW_TOKENS = [
  Buffer.from([0xff]),
  Buffer.from([0xc3]),
  Buffer.from([0xfe, 0xff]),
  Buffer.from([0xed, 0xa0, 0x80]),
];

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; byte: number }
  | { op: 'insert'; at: number; token: Buffer }
  | { op: 'duplicateLine'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number; times: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const token = fc.oneof(
  fc.constantFrom(...HOSTILE_TOKENS).map((t) => Buffer.from(t)),
  fc.constantFrom(...RAW_TOKENS),
  fc.uint8Array({ maxLength: 16 }).map((b) => Buffer.from(b)),
  fc.string({ maxLength: 12 }).map((s) => Buffer.from(s)),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({ op: fc.constant('flip' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: position, token }),
  fc.record({ op: fc.constant('insert' as const), at: position, token }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: position }),
  fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    op: fc.constant('repeat' as const),
    at: position,
    length: fc.integer({ min: 1, max: 32 }),
    times: fc.integer({ min: 2, max: 2000 }),
  }),
);

function apply(input: Buffer, m: Mutation): Buffer {
  const i = Math.floor(m.at * input.length);
  switch (m.op) {
    case 'truncate':
      return input.subarray(0, i);
    case 'flip': {
      const out = Buffer.from(input);
      if (out.length) out[Math.min(i, out.length - 1)] = m.byte;
      return out;
    }
    case 'insert':
      return Buffer.concat([input.subarray(0, i), m.token, input.subarray(i)]);
    case 'duplicateLine': {
      const start = input.lastIndexOf(0x0a, i) + 1;
      const end = input.indexOf(0x0a, i);
      const line = input.subarray(start, end < 0 ? input.length : end + 1);
      return Buffer.concat([input.subarray(0, start), line, line, input.subarray(start + line.length)]);
    }
    case 'delete':
      return Buffer.concat([input.subarray(0, i), input.subarray(i + m.length)]);
    case 'repeat': {
      const part = input.subarray(i, i + m.length);
      return Buffer.concat([input.subarray(0, i), ...Array(m.times).fill(part), input.subarray(i)]);
    }
  }
}

/** A seed chosen among `seeds`, then 1–4 mutations; sometimes pure random bytes. */
export function mutated(seeds: Buffer[]): fc.Arbitrary<Buffer> {
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }))
        .map(([seed, ms]) => ms.reduce(apply, seed)),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)) },
  );
}

/** Runs `fn`; a UserError is a fine ending, any other exception fails the property. */
export async function resultOrUserError(fn: () => unknown): Promise<unknown> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
}

/**
 * Asserts that `run` ends in a result or a UserError on every input of `arb`, each within
 * INPUT_TIME_BOUND_MS, and that the process's peak RSS grows by at most RSS_GROWTH_BOUND_MB.
 * `check` may look at the result further (a well-formed table, a tree equal to another parser's).
 */
export async function fuzz<T>(
  arb: fc.Arbitrary<T>,
  run: (input: T) => unknown,
  numRuns: number,
  check?: (result: unknown, input: T) => void,
): Promise<void> {
  const peakBefore = process.resourceUsage().maxRSS;
  await fc.assert(
    fc.asyncProperty(arb, async (input) => {
      const start = performance.now();
      const result = await resultOrUserError(() => run(input));
      const ms = performance.now() - start;
      if (ms > INPUT_TIME_BOUND_MS)
        throw new Error(`an input took ${Math.round(ms)} ms (bound ${INPUT_TIME_BOUND_MS} ms)`);
      check?.(result, input);
    }),
    { seed: SEED, numRuns: numRuns * RUNS, endOnFailure: true },
  );
  const growthMb = (process.resourceUsage().maxRSS - peakBefore) / 1024;
  if (growthMb > RSS_GROWTH_BOUND_MB)
    throw new Error(`peak RSS grew by ${Math.round(growthMb)} MB (bound ${RSS_GROWTH_BOUND_MB} MB)`);
}

/** A scratch folder for files the readers need on disk. */
export function scratch(): { write: (name: string, bytes: Buffer | string) => string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mlqg-fuzz-'));
  let n = 0;
  return {
    dir,
    write(name, bytes) {
      const path = join(dir, `${n++}-${name}`);
      writeFileSync(path, bytes);
      return path;
    },
  };
}

/** Files under `dir` (recursively) whose names match `pattern`, up to `maxBytes` each. */
export function filesUnder(dir: string, pattern: RegExp, maxBytes = 64 * 1024): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) return filesUnder(p, pattern, maxBytes);
    return pattern.test(name) && s.size <= maxBytes ? [p] : [];
  });
}
