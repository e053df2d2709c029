/**
 * Expanding the `metrics` input into file paths: one path per line (trimmed, blank lines ignored),
 * each a plain path or a glob (`reports/**\/*.json`). tinyglobby is loaded only when a line has glob
 * characters, to keep start-up fast. Paths stay as given (relative to `cwd` for globs), deduplicated
 * in first-seen order; the matches of one glob are sorted (as tinyglobby gives them: relative, with
 * forward slashes, on every platform).
 */
import { stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
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
      const start = globStart(globPattern(line), cwd);
      const matches = await glob(start.pattern, {
        cwd: start.cwd,
        absolute: isAbsolute(line),
        expandDirectories: false,
        onlyFiles: true,
      });
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

/** Characters after which a backslash on Windows may be a separator or an escape (all legal in file names). */
const ESCAPABLE = '()[]{}!+@';

/**
 * A glob line as tinyglobby reads it. Patterns use forward slashes (a backslash escapes the next
 * character); on Windows, where no file name holds a backslash, a backslash is a separator, so
 * `reports\*.json` and `C:\out\*.json` mean what they say. A backslash before a character that
 * a file name may hold and a pattern may escape (`reports\[draft]\*.json`: the folder `[draft]`,
 * or `d`, `r`, …?) is refused, naming both readings, rather than guessed. On POSIX the line is kept.
 *
 * @example
 * globPattern('reports\\*.json', path.win32) // 'reports/*.json'
 * globPattern('reports/\\[draft\\]/*.json', path.posix) // unchanged: escaped brackets
 * globPattern('reports\\[draft]\\*.json', path.win32) // throws UserError: separator or escape?
 */
export function globPattern(line: string, p: Pick<typeof nodePath, 'sep'> = nodePath): string {
  if (p.sep !== '\\') return line;
  const ambiguous = [...line.matchAll(/\\(.)/g)].find((m) => ESCAPABLE.includes(m[1]));
  if (ambiguous) {
    const c = ambiguous[1];
    throw new UserError(
      `the pattern "${line}" has a backslash before '${c}': on Windows it may be a folder separator ` +
        `("${line.replace(/\\/g, '/')}") or make '${c}' literal; write '/' between folders (and '?' for a literal '${c}')`,
    );
  }
  return line.replace(/\\/g, '/');
}

/**
 * Where the search starts for a pattern (with forward slashes, from globPattern): an absolute
 * pattern's folders before the first one that may hold a glob character or an escape become the start
 * folder and the rest the pattern (tinyglobby relates an absolute pattern to `cwd`, which cannot
 * work across two Windows drives); a relative pattern starts at `cwd`.
 *
 * @example
 * globStart('C:/out/**\/*.json', 'D:\\a\\r', path.win32) // { cwd: 'C:/out', pattern: '**\/*.json' }
 * globStart('reports/*.json', '/w', path.posix) // { cwd: '/w', pattern: 'reports/*.json' }
 */
export function globStart(
  pattern: string,
  cwd: string,
  p: Pick<typeof nodePath, 'isAbsolute'> = nodePath,
): { cwd: string; pattern: string } {
  if (!p.isAbsolute(pattern)) return { cwd, pattern };
  const parts = pattern.split('/');
  // Any character a pattern may give a meaning (extglobs too) or an escape: a static folder mistaken
  // for one only starts the search higher up.
  const first = parts.findIndex((part) => /[*?[\]{}()!+@|\\]/.test(part));
  if (first <= 0) return { cwd, pattern };
  const base = parts.slice(0, first).join('/');
  // The root itself: `/`, `C:/`, `//server/share/`.
  return {
    cwd: base === '' || base.endsWith(':') || /^\/\/[^/]+\/[^/]+$/.test(base) ? `${base}/` : base,
    pattern: parts.slice(first).join('/'),
  };
}
