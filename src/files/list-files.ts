/**
 * The regular files under paths the user named (files or folders): what promote hashes and
 * uploads. A FIFO, socket or device is refused (reading one blocks or never ends), and so is any
 * symbolic link that leads out of the workspace (src/files/workspace.ts) or to a folder (a link
 * to a folder can loop; name the folder itself).
 */
import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { fileError } from './file-errors.js';
import { realPathInWorkspace, relativePosix, within, workspaceRoot } from './workspace.js';

export interface ListedFile {
  /** Absolute path as walked (through the link, for a link): what an upload names. */
  abs: string;
  /** Path relative to the root, with `/`. */
  rel: string;
  size: number;
  /** For a symbolic link found inside a folder: its target as written (git stores a link so). */
  link?: string;
}

export interface ListOptions {
  /** Where relative paths are, and what `rel` is relative to; default: the workspace. */
  root?: string;
  /** What the files are, for messages: `model file`. */
  what: string;
  /** Default: workspaceRoot(). */
  workspace?: string;
}

/**
 * Every regular file under `paths`, sorted by `rel`, each once. A path named here is followed when
 * it is a link (the workflow named it); links inside folders are listed with their target text.
 *
 * @example
 * await listFiles(['model'], { what: 'model file' })
 * // [{ abs: '/w/model/weights.bin', rel: 'model/weights.bin', size: 1024 }, ...]
 */
export async function listFiles(paths: string[], opts: ListOptions): Promise<ListedFile[]> {
  const workspace = opts.workspace ?? workspaceRoot();
  const root = resolve(opts.root ?? workspace);
  const found = new Map<string, ListedFile>();
  const add = (file: ListedFile) => found.set(file.rel, file);
  for (const p of paths) {
    const abs = resolve(root, p);
    const real = await realPathInWorkspace(p, { what: opts.what, cwd: root, workspace });
    // Inside a folder named outside the workspace, entries stay inside that folder.
    const boundary = within(workspace, abs) ? undefined : real;
    const info = await stat(real);
    if (info.isDirectory()) await walk(abs, { ...opts, workspace, root, boundary }, add);
    else add(await regularFile(abs, p, info, root, opts.what));
  }
  return [...found.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

interface WalkOptions {
  what: string;
  workspace: string;
  root: string;
  boundary?: string;
}

/** Walks `dir` with an explicit stack (no recursion limit), entries in name order. */
async function walk(dir: string, opts: WalkOptions, add: (f: ListedFile) => void): Promise<void> {
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    const entries = await readdir(current).catch((e: NodeJS.ErrnoException) => {
      throw fileError(e, relativePosix(opts.root, current), opts.what);
    });
    for (const name of entries.sort().reverse()) {
      const full = join(current, name);
      const shown = relativePosix(opts.root, full);
      const entry = await lstat(full);
      if (entry.isDirectory()) {
        stack.push(full);
      } else if (entry.isSymbolicLink()) {
        const real = await realPathInWorkspace(shown, { ...opts, cwd: opts.root });
        const target = await stat(real);
        if (target.isDirectory()) {
          throw new UserError(
            `${opts.what} ${shown} is a symbolic link to a folder; name that folder in the input instead`,
            shown,
          );
        }
        add({ ...(await regularFile(full, shown, target, opts.root, opts.what)), link: await readlink(full) });
      } else {
        add(await regularFile(full, shown, entry, opts.root, opts.what));
      }
    }
  }
}

async function regularFile(
  abs: string,
  shown: string,
  info: { isFile(): boolean; size: number },
  root: string,
  what: string,
): Promise<ListedFile> {
  if (!info.isFile()) {
    throw new UserError(
      `${what} ${shown} is not a regular file (a FIFO, socket or device): only files are uploaded`,
      shown,
    );
  }
  return { abs, rel: relativePosix(root, abs), size: info.size };
}
