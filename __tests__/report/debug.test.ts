/**
 * Debug lines of best-effort failures (src/debug.ts) and how each sink writes them: off by default,
 * secrets and URL credentials removed, one line, capped, and inert in the log.
 */
import { jest } from '@jest/globals';
import { debug, installDebug, MAX_DEBUG_CHARS, reason } from '../../src/debug.js';
import { parseCommands } from '../../scripts/lib/run-action.mjs';
import { actionSink } from '../../src/report/action-sink.js';
import { cliSink } from '../../src/report/cli-sink.js';

/** Debug lines written while `fn` runs, through a writer installed with `secrets`. */
function captured(fn: () => void, secrets: string[] = []): string[] {
  const lines: string[] = [];
  const uninstall = installDebug((line) => lines.push(line), secrets);
  try {
    fn();
  } finally {
    uninstall();
  }
  return lines;
}

test('off by default: no writer, nothing written, nothing thrown', () => {
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    debug('git config user.name failed: exit 1');
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
});

test('a line names what failed; secrets, URL credentials and line breaks are removed; it is capped', () => {
  const lines = captured(() => {
    debug(`git fetch failed: fatal: unable to access 'https://x-access-token:ghs_Tok3n@github.com/o/r/'`);
    debug('reply:\n::error::forged\r\nwith s3cr3t-Value inside');
    debug('x'.repeat(MAX_DEBUG_CHARS * 3));
  }, ['s3cr3t-Value']);
  expect(lines[0]).toBe("git fetch failed: fatal: unable to access 'https://github.com/o/r/'");
  expect(lines[1]).toBe('reply: ::error::forged with *** inside');
  expect(lines[2]).toHaveLength(MAX_DEBUG_CHARS);
  for (const line of lines) expect(line).not.toMatch(/[\r\n]|ghs_Tok3n|s3cr3t/);
});

test('uninstalling restores the previous writer; a throwing writer never fails the caller', () => {
  const outer: string[] = [];
  const restore = installDebug((line) => outer.push(line));
  const inner = installDebug(() => {
    throw new Error('broken writer');
  });
  expect(() => debug('one')).not.toThrow();
  inner();
  debug('two');
  restore();
  debug('three');
  expect(outer).toEqual(['two']);
  expect(reason(new Error('EACCES'))).toBe('EACCES');
  expect(reason('plain')).toBe('plain');
});

describe('sinks', () => {
  const saved = process.env.RUNNER_DEBUG;
  afterEach(() => {
    if (saved === undefined) delete process.env.RUNNER_DEBUG;
    else process.env.RUNNER_DEBUG = saved;
  });

  test('the action writes ::debug:: only with the runner step debug on, its text inert', async () => {
    delete process.env.RUNNER_DEBUG;
    expect(actionSink().debug).toBeUndefined();
    process.env.RUNNER_DEBUG = '1';
    const sink = actionSink();
    const written: string[] = [];
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((s) => written.push(String(s)) > 0);
    try {
      // Before @actions/core is loaded the line is kept, then written when it is (in order).
      sink.debug!('report ##[error]forged 100% %0A');
      expect(written).toEqual([]);
      await sink.ready!();
      sink.debug!('second');
    } finally {
      out.mockRestore();
    }
    const commands = parseCommands(written.join(''), 'stdout');
    expect(commands.map((c) => c.command)).toEqual(['debug', 'debug']);
    // The runner decodes the data back: the legacy command is broken, the % signs are as written.
    expect(commands.map((c) => c.data)).toEqual(['report #\u200b#[error]forged 100% %0A', 'second']);
  });

  test('the CLI writes debug lines to stderr only with ML_QUALITY_GATE_DEBUG=1', () => {
    expect(cliSink({}).debug).toBeUndefined();
    const written: string[] = [];
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((s) => written.push(String(s)) > 0);
    try {
      cliSink({ ML_QUALITY_GATE_DEBUG: '1' }).debug!('git config --get user.name failed ##[x]');
    } finally {
      err.mockRestore();
    }
    expect(written).toEqual(['debug: git config --get user.name failed #\u200b#[x]\n']);
  });
});
