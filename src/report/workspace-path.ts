import * as path from 'node:path';
import { formatLocation, type Location } from '../errors.js';
import type { Annotation } from './result.js';

/** Annotation paths are relative to the workspace, with forward slashes, as the runner expects. */
export function workspacePath(workspace: string, file: string): string {
  return path.relative(workspace, path.resolve(workspace, file)).split(path.sep).join('/');
}

/**
 * The annotation fields for a location: `file`/`line`/`column` for a file inside the workspace,
 * otherwise `at` (printed in front of the message), so the location is shown exactly once.
 */
export function annotationLocation(
  workspace: string,
  loc: Location,
): Pick<Annotation, 'file' | 'line' | 'column' | 'at'> {
  if (loc.file) {
    const rel = workspacePath(workspace, loc.file);
    if (rel !== '' && !rel.startsWith('../') && rel !== '..' && !path.isAbsolute(rel)) {
      return { file: rel, line: loc.line, column: loc.column };
    }
  }
  const at = formatLocation(loc);
  return at ? { at } : {};
}
