/**
 * Tests of file kinds only POSIX systems have — FIFOs (`mkfifo`), devices under `/dev` — run on
 * Linux and macOS and are skipped on Windows, where no such file can be made (the checks they
 * exercise still run there: Windows has no FIFO a checkout could hold). Everything else runs on
 * every hosted runner OS (.github/workflows/ci.yml).
 */
export const IS_WINDOWS = process.platform === 'win32';

/** `test`, or `test.skip` on Windows. */
export const posixOnly: jest.It = IS_WINDOWS ? test.skip : test;
