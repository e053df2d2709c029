import * as path from 'node:path';
import { formatLocation, type Location } from '../errors.js';
import { relativePosix, within, type PathModule } from '../files/workspace.js';
import type { Annotation } from './result.js';

/**
 * The annotation fields for a location: `file`/`line`/`column` for a file inside the workspace
 * (relative to it, with forward slashes, as the runner expects on every platform), otherwise `at`
 * (printed in front of the message), so the location is shown exactly once. `p` is this
 * platform's path functions (tests give `path.win32`).
 *
 * @example
 * annotationLocation('D:\\a\\r\\r', { file: 'reports\\m.json', line: 3 }, path.win32)
 * // { file: 'reports/m.json', line: 3, column: undefined }
 */
export function annotationLocation(
  workspace: string,
  loc: Location,
  p: PathModule = path,
): Pick<Annotation, 'file' | 'line' | 'column' | 'at'> {
  if (loc.file) {
    const abs = p.resolve(workspace, loc.file);
    if (within(workspace, abs, p) && p.relative(workspace, abs) !== '') {
      return { file: relativePosix(workspace, abs, p), line: loc.line, column: loc.column };
    }
  }
  const at = formatLocation(loc);
  return at ? { at } : {};
}
