import { totalmem } from 'node:os';
import { UserError } from '../../src/errors.js';
import { readMemoryBudget } from '../../src/settings/memory-budget.js';

const read = (value: string) => readMemoryBudget((n) => (n === 'memory-budget' ? value : ''));

describe('memory-budget', () => {
  test.each([
    ['2GB', 2_000_000_000],
    ['512MiB', 512 * 1024 * 1024],
    ['1.5 GiB', 1.5 * 1024 ** 3],
    ['750kb', 750_000],
    ['1024B', 1024],
    ['3TB', 3e12],
  ])('%s is %d bytes', (value, bytes) => {
    expect(read(value)).toEqual({ bytes, label: value });
  });

  test('auto (and not given): half the machine memory', () => {
    const machine = Math.min(totalmem(), process.constrainedMemory?.() || Infinity);
    for (const value of ['', 'auto']) expect(read(value).bytes).toBe(Math.floor(machine / 2));
  });

  test.each([
    ['2', 'needs a unit'],
    ['2048 ', 'needs a unit'],
    ['5 parsecs', "unknown unit 'parsecs'"],
    ['2 Gb ram', "must be 'auto' or a size"],
    ['-1GB', "must be 'auto' or a size"],
    ['1e9B', "must be 'auto' or a size"],
    ['0MB', 'at least 1 byte'],
    ['0.0001B', 'at least 1 byte'],
    ['99999999999TB', 'below 8 PB'],
    ['AUTO', "must be 'auto' or a size"],
  ])('%j is refused at the input: %s', (value, fragment) => {
    let err: unknown;
    try {
      read(value.trim() === value ? value : value.trim());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).input).toBe('memory-budget');
    expect((err as UserError).message).toContain(fragment);
    expect((err as UserError).message).not.toContain("input 'memory-budget'");
  });
});
