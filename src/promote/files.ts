/** The files to upload with a version: folders walked, every path checked to be inside the workspace. */
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { listFiles } from '../files/list-files.js';
import { within } from '../files/workspace.js';

export { relativePosix } from '../files/workspace.js';

/**
 * Absolute paths of the regular files under `paths` (files or folders, relative to `root`, which
 * is the workspace), sorted, unique. Refused: a path outside `root` (an upload names files relative
 * to it), a symbolic link leading out of the workspace, a FIFO or device (src/files/list-files.ts).
 */
export async function expandFiles(paths: string[], root: string, what = 'model file'): Promise<string[]> {
  for (const p of paths) {
    if (!isInside(root, resolve(root, p)))
      throw new UserError(`${what} ${p} is outside the workspace ${root}: it cannot be uploaded`, p);
  }
  return (await listFiles(paths, { root, what, workspace: root })).map((f) => f.abs);
}

/** Whether `abs` is inside `root` (not `root` itself), as written. */
export function isInside(root: string, abs: string): boolean {
  return resolve(abs) !== resolve(root) && within(resolve(root), abs);
}
