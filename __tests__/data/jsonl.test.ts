import { fileLine, readTable } from '../../src/data/read.js';
import { cat, fixture, num, texts } from './helpers.js';

describe('JSON Lines reader', () => {
  test('keys missing from some rows, null, blank line, CRLF, no final newline', async () => {
    const t = await readTable(fixture('rows.jsonl'));
    expect(t.format).toBe('jsonl');
    expect(t.rowCount).toBe(4);
    expect(t.columns.map((c) => `${c.name}:${c.kind}`)).toEqual(['a:numeric', 'b:categorical', 'c:categorical']);
    const a = num(t, 'a');
    expect(Array.from(a.values)).toEqual([1, 2.5, NaN, 4]);
    expect(a.missing).toBe(1);
    expect(texts(cat(t, 'b'))).toEqual(['x', null, 'y', 'x']);
    const c = cat(t, 'c');
    expect(texts(c)).toEqual([null, 'true', null, 'false']);
    expect(c.boolean).toBe(true);
    expect([0, 1, 2, 3].map((i) => fileLine(t, i))).toEqual([1, 3, 4, 5]);
  });

  test('gzip-compressed JSON Lines', async () => {
    const t = await readTable(fixture('small.jsonl.gz'));
    expect(t.format).toBe('jsonl');
    expect(Array.from(num(t, 'x').values)).toEqual([1, 2, 3]);
    expect(texts(cat(t, 'label'))).toEqual(['a', 'b', null]);
  });
});
