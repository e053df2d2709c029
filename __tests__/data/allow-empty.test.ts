import { readTable } from '../../src/data/read.js';
import { UserError } from '../../src/errors.js';
import { fixture } from './helpers.js';

describe('readTable with allowEmpty (the validate stage)', () => {
  test('a header-only file is a table of zero rows with the header columns', async () => {
    const t = await readTable(fixture('header_only.csv'), { allowEmpty: true });
    expect(t.rowCount).toBe(0);
    expect(t.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
  });

  test('without it, the same file is refused; an empty file is refused either way', async () => {
    await expect(readTable(fixture('header_only.csv'))).rejects.toThrow('the file has a header but no data rows');
    await expect(readTable(fixture('empty.csv'), { allowEmpty: true })).rejects.toThrow(UserError);
  });
});
