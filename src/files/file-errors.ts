/** The messages for a file the user named that cannot be read or written: one per cause. */
import { OperationalError, UserError } from '../errors.js';

/** The message for a failed stat/read of a file the user named. */
export function fileError(e: NodeJS.ErrnoException, path: string, what: string): UserError {
  switch (e.code) {
    case 'ENOENT':
      return new UserError(`${what} not found: ${path}`);
    case 'ENOTDIR':
      return new UserError(`${what} not found: ${path} (a part of the path is a file, not a folder)`);
    case 'ELOOP':
      return new UserError(`${what} ${path} is a symbolic link that loops (it points back to itself)`);
    case 'EACCES':
    case 'EPERM':
      return new UserError(`${what} ${path} cannot be read: permission denied`);
    case 'EISDIR':
      return new UserError(`${what} ${path} is a directory, not a file`);
    case 'ENAMETOOLONG':
      return new UserError(`${what} path is too long: ${path.slice(0, 200)}…`);
    default:
      return new UserError(`${what} ${path} cannot be read (${e.code ?? e.message})`);
  }
}

/**
 * The error for a failed write of an output file the user named: a UserError when the path is at
 * fault (permission, read-only file system, a file in the way), else an OperationalError (a full disk).
 */
export function writeError(e: NodeJS.ErrnoException, path: string, what: string): UserError | OperationalError {
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return new UserError(`${what} ${path} cannot be written: permission denied`);
    case 'EROFS':
      return new UserError(`${what} ${path} cannot be written: the file system is read-only`);
    case 'EISDIR':
      return new UserError(`${what} ${path} is a folder; give the path of a file`);
    case 'ENOTDIR':
      return new UserError(`${what} ${path} cannot be written: a part of the path is a file, not a folder`);
    case 'ELOOP':
      return new UserError(`${what} ${path} is a symbolic link that loops (it points back to itself)`);
    case 'ENAMETOOLONG':
      return new UserError(`${what} path is too long: ${path.slice(0, 200)}…`);
    default:
      return new OperationalError(`${what} ${path} cannot be written (${e.code ?? e.message})`);
  }
}
