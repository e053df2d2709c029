/**
 * The workspace: the checkout the action runs in (GITHUB_WORKSPACE, which the runner also makes the
 * working directory). Every relative path is resolved against it, here, in one place.
 *
 * What is trusted: a path the workflow names in an input, wherever it points
 * (`${{ runner.temp }}/metrics.json`): the workflow is the repository's configuration. What is not:
 * the checkout's content, which a pull request controls. So a path that names a place inside the
 * workspace must stay inside it once symbolic links are resolved; a committed link to
 * `~/.git-credentials` is refused before anything reads, hashes or uploads it.
 */
import { debug, reason } from '../debug.js';
import { lstat, realpath, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { dirname, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { fileError, writeError } from './file-errors.js';

/**
 * The workspace folder: GITHUB_WORKSPACE, else the working directory (the CLI, tests).
 *
 * @example
 * workspaceRoot({ GITHUB_WORKSPACE: '/home/runner/work/r/r' }) // '/home/runner/work/r/r'
 */
export function workspaceRoot(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.GITHUB_WORKSPACE || process.cwd());
}

/**
 * The path functions of one platform: `node:path` (this machine's), or `path.win32`/`path.posix`
 * given by tests of the other platform's paths.
 */
export type PathModule = Pick<typeof nodePath, 'isAbsolute' | 'relative' | 'resolve' | 'sep'>;

/**
 * Whether absolute path `abs` is `root` itself or inside it (compared as written, no links
 * resolved; on Windows without regard to case, and never across drives).
 *
 * @example
 * within('/w', '/w/a/b') // true
 * within('/w', '/w2/a') // false
 * within('C:\\w', 'c:\\W\\a', path.win32) // true
 */
export function within(root: string, abs: string, p: PathModule = nodePath): boolean {
  const rel = p.relative(root, abs);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${p.sep}`) && !p.isAbsolute(rel));
}

/**
 * `file` (absolute, or relative to `root`) relative to `root` with forward slashes: how annotations,
 * model cards and tag messages name a file on every platform.
 *
 * @example
 * relativePosix('/w', '/w/reports/m.json') // 'reports/m.json'
 * relativePosix('C:\\w', 'reports\\m.json', path.win32) // 'reports/m.json'
 */
export function relativePosix(root: string, file: string, p: PathModule = nodePath): string {
  return toPosix(p.relative(p.resolve(root), p.resolve(root, file)), p);
}

/**
 * A path as written with forward slashes: the platform's separator replaced (nothing changes on
 * POSIX, where a backslash is part of a name).
 *
 * @example
 * toPosix('reports\\m.json', path.win32) // 'reports/m.json'
 */
export function toPosix(file: string, p: Pick<PathModule, 'sep'> = nodePath): string {
  return p.sep === '/' ? file : file.split(p.sep).join('/');
}

export interface ContainOptions {
  /** What the file is, for messages: `metrics file`. */
  what: string;
  /** Where a relative path is; default: the workspace. */
  cwd?: string;
  /** Default: workspaceRoot(). */
  workspace?: string;
  /**
   * The real folder the path must stay in, when not the workspace: the entries of a folder the
   * workflow named outside the workspace must stay in that folder.
   */
  boundary?: string;
}

/**
 * The real path of `path`, after checking that it does not leave the workspace through a symbolic
 * link (see the file comment). Missing files, link loops and the like are UserErrors (fileError).
 *
 * @example
 * await realPathInWorkspace('model.pkl', { what: 'model file' }) // '/home/runner/work/r/r/model.pkl'
 * await realPathInWorkspace('creds', { what: 'model file' }) // UserError when creds → ~/.git-credentials
 */
export async function realPathInWorkspace(path: string, opts: ContainOptions): Promise<string> {
  const workspace = opts.workspace ?? workspaceRoot();
  const abs = resolve(opts.cwd ?? workspace, path);
  const real = await realpath(abs).catch((e: NodeJS.ErrnoException) => {
    throw fileError(e, path, opts.what);
  });
  const boundary = opts.boundary ?? (await boundaryOf(abs, workspace));
  if (boundary !== undefined && !within(boundary, real)) throw outside(path, opts.what);
  return real;
}

/**
 * Checks that `path` can be written as an output file (a report, a profile): not a folder, not
 * under a file, not a FIFO or device (writing one could block), and not through a symbolic link
 * that leads out of the workspace (a committed `.ml-quality-gate` → `~`). Returns the absolute path.
 * Nothing is created.
 *
 * @example
 * await checkOutputPath('out/report.json', { what: 'report-path' }) // '/home/runner/work/r/r/out/report.json'
 */
export async function checkOutputPath(path: string, opts: ContainOptions): Promise<string> {
  const workspace = opts.workspace ?? workspaceRoot();
  const abs = resolve(opts.cwd ?? workspace, path);
  const boundary = opts.boundary ?? (await boundaryOf(abs, workspace));
  // The deepest part of the path that exists: the file itself, or the folder it would go in.
  let existing = abs;
  for (;;) {
    const info = await lstat(existing).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
      throw writeError(e, path, opts.what);
    });
    if (info) break;
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  const real = await realpath(existing).catch((e: NodeJS.ErrnoException) => {
    // A symbolic link to nothing: writing would create its target, wherever that is.
    if (e.code === 'ENOENT') throw new UserError(`${opts.what} ${path} is a symbolic link to a missing file`);
    throw writeError(e, path, opts.what);
  });
  if (boundary !== undefined && !within(boundary, real)) throw outside(path, opts.what);
  const info = await stat(real);
  if (existing === abs) {
    if (info.isDirectory()) throw new UserError(`${opts.what} ${path} is a folder; give the path of a file`);
    if (!info.isFile()) throw new UserError(`${opts.what} ${path} is not a regular file (a FIFO, socket or device)`);
  } else if (!info.isDirectory()) {
    throw new UserError(
      `${opts.what} ${path} cannot be written: ${relative(workspace, existing) || existing} is a file, not a folder`,
    );
  }
  return abs;
}

/** The workspace's real path when `abs` names a place inside it; undefined for a place outside. */
async function boundaryOf(abs: string, workspace: string): Promise<string | undefined> {
  const real = await realpath(workspace).catch((e) => {
    debug(`the workspace ${workspace} has no real path (compared as written): ${reason(e)}`);
    return workspace;
  });
  return within(workspace, abs) || within(real, abs) ? real : undefined;
}

function outside(path: string, what: string): UserError {
  return new UserError(
    `${what} ${path} leads outside the workspace through a symbolic link; files outside the workspace are not read or written`,
    path,
  );
}
