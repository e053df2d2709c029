import * as path from 'node:path';

/** Annotation paths are relative to the workspace, with forward slashes, as the runner expects. */
export function workspacePath(workspace: string, file: string): string {
  return path.relative(workspace, path.resolve(file)).split(path.sep).join('/');
}
