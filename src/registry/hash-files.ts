/**
 * Content hash of model files, recorded in the version tag's message so a version can be checked
 * against the files it was registered with. sha256 over, for each file in sorted order of its
 * relative POSIX path: `path NUL size NUL content`. Directories are walked; a symlink is hashed as
 * its target path, as git stores it. Files are streamed, never read whole.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';

interface Entry {
  rel: string;
  abs: string;
  symlink: boolean;
  size: number;
}

/** Hex sha256 of the files and directories in `paths`, named relative to `rootDir`. */
export async function hashFiles(paths: string[], rootDir: string = process.cwd()): Promise<string> {
  if (!paths.length) throw new UserError('no model files to hash');
  const entries = new Map<string, Entry>();
  for (const p of paths) await collect(resolve(rootDir, p), rootDir, entries);
  const hash = createHash('sha256');
  for (const e of [...entries.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
    const content = e.symlink ? Buffer.from(await readlink(e.abs)) : undefined;
    hash.update(`${e.rel}\0${content ? content.length : e.size}\0`);
    if (content) hash.update(content);
    else await streamInto(hash, e.abs);
  }
  return hash.digest('hex');
}

async function collect(abs: string, rootDir: string, into: Map<string, Entry>): Promise<void> {
  const st = await lstat(abs).catch(() => undefined);
  if (!st) throw new UserError(`model file not found: ${relative(rootDir, abs) || abs}`);
  if (st.isDirectory()) {
    for (const name of await readdir(abs)) await collect(join(abs, name), rootDir, into);
    return;
  }
  const rel = relative(rootDir, abs).split(sep).join('/');
  into.set(rel, { rel, abs, symlink: st.isSymbolicLink(), size: st.size });
}

function streamInto(hash: Hash, file: string): Promise<void> {
  return new Promise((done, fail) => {
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', done);
  });
}
