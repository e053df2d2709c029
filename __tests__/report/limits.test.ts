import fc from 'fast-check';
import {
  boundAnnotation,
  boundJson,
  capOutput,
  MAX_ANNOTATION_CHARS,
  MAX_CELL_CHARS,
  MAX_REPORT_DEPTH,
  MAX_REPORT_STRING_CHARS,
  MAX_SUMMARY_BYTES,
  truncate,
  truncateBytes,
} from '../../src/report/limits.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { capAnnotations } from '../../src/report/reporter.js';
import type { SummaryBlock } from '../../src/report/result.js';

const bytes = (s: string) => Buffer.byteLength(s);

test('truncate keeps short text and says how much it cut from long text', () => {
  expect(truncate('abc', 3)).toBe('abc');
  expect(truncate('abcdef', 3)).toBe('abc… (truncated, 3 more)');
  // A surrogate pair is never split.
  expect(truncate('a😀b', 2)).toBe('a… (truncated, 3 more)');
});

test('property: truncate keeps a prefix and counts exactly what it left out', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 1, max: 100 }), (text, max) => {
      const out = truncate(text, max);
      if (text.length <= max) return expect(out).toBe(text);
      const m = /^([\s\S]*)… \(truncated, (\d+) more\)$/.exec(out) as RegExpExecArray;
      expect(text.startsWith(m[1])).toBe(true);
      expect(m[1].length + Number(m[2])).toBe(text.length);
      expect(m[1].length).toBeLessThanOrEqual(max);
    }),
    { seed: 11 },
  );
});

test('property: truncateBytes stays within the byte budget, note included, and never breaks a character', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 40, max: 400 }), (text, max) => {
      const out = truncateBytes(text, max);
      expect(bytes(out)).toBeLessThanOrEqual(max);
      expect(out).not.toContain('\uFFFD');
      if (bytes(text) > max) expect(out).toMatch(/… \(truncated, \d+ more\)$/);
    }),
    { seed: 11 },
  );
});

test('capOutput keeps JSON outputs valid JSON, with the leading entries that fit', () => {
  const names = Array.from({ length: 1000 }, (_, i) => `metric_${i}`);
  const array = capOutput(JSON.stringify(names), 2000);
  expect(bytes(array.value)).toBeLessThanOrEqual(2000);
  const kept = JSON.parse(array.value) as string[];
  expect(kept).toEqual(names.slice(0, kept.length));
  expect(array.note).toBe(
    `holds ${kept.length} of 1000 entries (an output is limited to 2.0 kB); the JSON report has the detail`,
  );

  const object = capOutput(JSON.stringify(Object.fromEntries(names.map((n, i) => [n, i / 7]))), 3000);
  expect(bytes(object.value)).toBeLessThanOrEqual(3000);
  expect(Object.keys(JSON.parse(object.value)).length).toBeGreaterThan(10);

  const text = capOutput('x'.repeat(5000), 1000);
  expect(bytes(text.value)).toBeLessThanOrEqual(1000);
  expect(text.value).toMatch(/… \(truncated, \d+ more\)$/);
  expect(capOutput('small')).toEqual({ value: 'small' });
});

test('property: a capped JSON output is valid JSON, within the budget, and a prefix of the entries', () => {
  const entries = fc.oneof(
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 40 }),
    fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 40 }),
  );
  fc.assert(
    fc.property(entries, fc.integer({ min: 2, max: 400 }), (value, max) => {
      const text = JSON.stringify(value);
      const { value: out, note } = capOutput(text, max);
      if (bytes(text) <= max) return expect(out).toBe(text);
      expect(bytes(out)).toBeLessThanOrEqual(max);
      const parsed = JSON.parse(out);
      const [all, kept] = Array.isArray(value)
        ? [value, parsed as unknown[]]
        : [Object.entries(value), Object.entries(parsed as object)];
      expect(JSON.stringify(kept)).toBe(JSON.stringify(all.slice(0, kept.length)));
      expect(note).toBe(
        `holds ${kept.length} of ${all.length} entries (an output is limited to ${max} B); the JSON report has the detail`,
      );
    }),
    { seed: 11, numRuns: 300 },
  );
});

test('boundJson cuts pathological strings, keys and nesting, and leaves ordinary reports as they are', () => {
  const ordinary = { stage: 'gate', entries: [{ name: 'accuracy', value: 0.91, passed: true, rule: '>= 0.9' }] };
  expect(JSON.stringify(boundJson(ordinary))).toBe(JSON.stringify(ordinary));

  const huge = 'n'.repeat(MAX_REPORT_STRING_CHARS + 5000);
  const bounded = boundJson({ [huge]: [huge] }) as Record<string, string[]>;
  const [key] = Object.keys(bounded);
  expect(key).toBe(`${'n'.repeat(MAX_REPORT_STRING_CHARS)}… (truncated, 5000 more)`);
  expect(bounded[key][0]).toBe(key);

  let deep: unknown = 'leaf';
  for (let i = 0; i < 500; i++) deep = [deep];
  expect(JSON.stringify(boundJson(deep)).length).toBeLessThan(MAX_REPORT_DEPTH * 2 + 100);
  expect(JSON.stringify(boundJson(JSON.parse('{"__proto__": {"polluted": 1}}')))).toBe('{"__proto__":{"polluted":1}}');
});

test('boundAnnotation cuts message, title and location', () => {
  const a = boundAnnotation({
    level: 'error',
    message: 'm'.repeat(10_000),
    title: 't'.repeat(1000),
    at: 'x'.repeat(999),
  });
  expect(a.message).toBe(`${'m'.repeat(MAX_ANNOTATION_CHARS)}… (truncated, ${10_000 - MAX_ANNOTATION_CHARS} more)`);
  expect(a.title?.length).toBeLessThan(300);
  expect(a.at?.length).toBeLessThan(300);
});

test('the folded annotation of many long ones stays one annotation long, and counts the rest', () => {
  const many = Array.from({ length: 5000 }, (_, i) => ({
    level: 'error' as const,
    message: `${i} ${'e'.repeat(300)}`,
  }));
  const folded = capAnnotations(many)[9];
  expect(folded.title).toBe('4991 more');
  expect(folded.message.length).toBeLessThanOrEqual(MAX_ANNOTATION_CHARS + 40);
  const shown = folded.message.split('\n').length - 1;
  expect(folded.message).toMatch(new RegExp(`… \\(truncated, ${4991 - shown} more\\)$`));
});

describe('the summary', () => {
  test('a huge cell is cut, visibly', () => {
    const md = renderMarkdown([{ kind: 'table', header: ['column'], rows: [['c'.repeat(3_000_000)]] }]);
    expect(md).toContain(`${'c'.repeat(MAX_CELL_CHARS)}… (truncated, ${3_000_000 - MAX_CELL_CHARS} more)`);
    expect(bytes(md)).toBeLessThan(MAX_CELL_CHARS + 200);
  });

  test('stays under 1 MiB with a note naming what was left out, and closes open sections', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => [`metric_${i}`, 'x'.repeat(40)]);
    const blocks: SummaryBlock[] = [
      { kind: 'heading', text: 'verdict' },
      { kind: 'details', summary: 'all', blocks: [{ kind: 'table', header: ['k', 'v'], rows }] },
      { kind: 'text', text: 'after' },
    ];
    const md = renderMarkdown(blocks);
    expect(bytes(md)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(bytes(md)).toBeLessThanOrEqual(1024 * 1024);
    const shownRows = md.split('\n').filter((l) => l.startsWith('| metric_')).length;
    expect(shownRows).toBeGreaterThan(1000);
    expect(md).toContain(`… (truncated, ${40_000 - shownRows} more table rows and 1 more sections`);
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
    expect(md.startsWith('## verdict\n\n<details><summary>all</summary>\n\n| k | v |')).toBe(true);
  });

  test('property: any summary renders within the budget, and whole when it fits', () => {
    const cell = fc.string({ maxLength: 50 });
    const block: fc.Arbitrary<SummaryBlock> = fc.oneof(
      fc.record({ kind: fc.constant('heading' as const), text: cell }),
      fc.record({ kind: fc.constant('text' as const), text: cell }),
      fc.record({
        kind: fc.constant('table' as const),
        header: fc.array(cell, { minLength: 1, maxLength: 3 }),
        rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { maxLength: 30 }),
      }),
    );
    const blocks = fc.array(
      fc.oneof(
        block,
        fc.record({ kind: fc.constant('details' as const), summary: cell, blocks: fc.array(block, { maxLength: 4 }) }),
      ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(blocks, fc.integer({ min: 1200, max: 6000 }), (bs, max) => {
        const md = renderMarkdown(bs, max);
        expect(bytes(md)).toBeLessThanOrEqual(max);
        const whole = renderMarkdown(bs, 10_000_000);
        if (bytes(whole) <= max - 1024) expect(md).toBe(whole);
        else expect(md).toContain('… (truncated, ');
      }),
      { seed: 11 },
    );
  });
});
