import fc from 'fast-check';
import { jest } from '@jest/globals';
import * as core from '@actions/core';
import { addMask } from '../../src/report/mask.js';
import { parseCommands } from '../../scripts/lib/run-action.mjs';

/** What `fn` writes to stdout. */
function stdoutOf(fn: () => void): string {
  const written: string[] = [];
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((s) => written.push(String(s)) > 0);
  try {
    fn();
  } finally {
    out.mockRestore();
  }
  return written.join('');
}

describe('addMask', () => {
  test('writes what @actions/core setSecret writes, for any text (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('%', '\r\n', '%0A', '::x::')),
        (secret) => {
          expect(stdoutOf(() => addMask(secret))).toBe(stdoutOf(() => core.setSecret(secret)));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the runner decodes the data back to the secret', () => {
    const secret = 'p%ss\r\nw0rd::%0A';
    const commands = parseCommands(
      stdoutOf(() => addMask(secret)),
      'stdout',
    );
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({ command: 'add-mask', data: secret });
  });
});
