/** The files to upload with a version: folders walked, every path checked to be inside the workspace. */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';

/** Absolute paths of the files under `paths` (files or folders, relative to `root`), sorted, unique. */
export async function expandFiles(paths: string[], root: string, what = 'model file'): Promise<string[]> {
  const found = new Set<string>();
  for (const p of paths) {
    const abs = resolve(root, p);
    if (!isInside(root, abs))
      throw new UserError(`${what} ${p} is outside the workspace ${root}: it cannot be uploaded`, p);
    const st = await stat(abs).catch(() => undefined);
    if (!st) throw new UserError(`${what} not found: ${p}`, p);
    if (st.isDirectory()) for (const f of await walk(abs)) found.add(f);
    else found.add(abs);
  }
  return [...found].sort();
}

export function isInside(root: string, abs: string): boolean {
  const rel = relative(resolve(root), abs);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** POSIX path relative to root, as the card and the tag message show it. */
export function relativePosix(root: string, abs: string): string {
  return relative(resolve(root), abs).split(sep).join('/');
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
