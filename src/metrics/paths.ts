/**
 * Expanding the `metrics` input into file paths: one path per line (trimmed, blank lines ignored),
 * each a plain path or a glob (`reports/**\/*.json`). tinyglobby is loaded only when a line has glob
 * characters, to keep start-up fast. Paths stay as given (relative to `cwd` for globs), deduplicated
 * in first-seen order; the matches of one glob are sorted.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { fileError } from '../files/file-errors.js';

const GLOB = /[*?[\]{}]/;

export async function resolveMetricPaths(spec: string, cwd = process.cwd()): Promise<string[]> {
  const lines = spec
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) throw new UserError('no metrics file given');
  const found = new Set<string>();
  for (const line of lines) {
    if (GLOB.test(line)) {
      const { glob } = await import('tinyglobby');
      const matches = await glob(line, { cwd, absolute: isAbsolute(line), expandDirectories: false, onlyFiles: true });
      if (matches.length === 0) throw new UserError(`no file matches the pattern "${line}"`);
      for (const m of matches.sort()) found.add(m);
    } else {
      await stat(resolve(cwd, line)).catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'ENOENT' ? new UserError(`file not found: ${line}`, line) : fileError(e, line, 'file');
      });
      found.add(line);
    }
  }
  return [...found];
}
