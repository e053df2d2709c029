/**
 * Content hash of model files, recorded in the version tag's message so a version can be checked
 * against the files it was registered with. sha256 over, for each file in sorted order of its
 * relative POSIX path: `path NUL size NUL content`. Directories are walked; a symlink inside a
 * folder is hashed as its target path, as git stores it; a path named in the input is followed.
 * Only regular files inside the workspace are read (src/files/list-files.ts), streamed, never whole.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { UserError } from '../errors.js';
import { listFiles } from '../files/list-files.js';

/** Hex sha256 of the files and directories in `paths`, named relative to `rootDir`. */
export async function hashFiles(paths: string[], rootDir: string = process.cwd()): Promise<string> {
  if (!paths.length) throw new UserError('no model files to hash');
  const hash = createHash('sha256');
  for (const f of await listFiles(paths, { root: rootDir, what: 'model file', workspace: rootDir })) {
    const link = f.link === undefined ? undefined : Buffer.from(f.link);
    hash.update(`${f.rel}\0${link ? link.length : f.size}\0`);
    if (link) hash.update(link);
    else await streamInto(hash, f.abs);
  }
  return hash.digest('hex');
}

function streamInto(hash: Hash, file: string): Promise<void> {
  return new Promise((done, fail) => {
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', done);
  });
}
