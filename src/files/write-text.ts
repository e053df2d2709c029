/** Writing a file the user named (the report, a profile, inferred expectations, a model card). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeError } from './file-errors.js';
import { checkOutputPath, type ContainOptions } from './workspace.js';

/**
 * Writes `text` to `path` (creating its folder) after checkOutputPath's checks; every failure is a
 * UserError naming the input (a folder, a path under a file, permission), or an OperationalError
 * (a full disk). Returns the absolute path.
 *
 * @example
 * await writeTextFile('out/report.json', '{}\n', { what: 'report-path' }) // '/w/out/report.json'
 */
export async function writeTextFile(path: string, text: string, opts: ContainOptions): Promise<string> {
  const abs = await checkOutputPath(path, opts);
  try {
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, text);
  } catch (e) {
    throw writeError(e as NodeJS.ErrnoException, path, opts.what);
  }
  return abs;
}
