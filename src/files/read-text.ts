/**
 * Reading a text file the user named (metrics, thresholds, expectations, schemas, profiles): one
 * place that turns every way a file can be unreadable into a clear UserError, and that refuses
 * what is not text, so no reader guesses at binary data or another encoding.
 */
import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { fileError } from './file-errors.js';
import { realPathInWorkspace } from './workspace.js';

export { fileError } from './file-errors.js';

/** Default upper bound of a text input: metrics and configuration files are far smaller. */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

export interface ReadTextOptions {
  /** What the file is, for messages: `metrics file`, `thresholds file`. */
  what: string;
  /** Refuse files larger than this (default MAX_TEXT_BYTES). */
  maxBytes?: number;
  /** Where a relative `path` is; messages name `path` as given. Default: the working directory. */
  cwd?: string;
  /** The workspace the file may not leave through a symbolic link (src/files/workspace.ts); default: workspaceRoot(). */
  workspace?: string;
}

/**
 * The text of `path` (relative to `cwd`), decoded as UTF-8 without its BOM.
 * Refused, each with its own message: a missing file, a directory, a FIFO or device (reading one
 * could block forever), a symbolic-link loop, a symbolic link from the workspace to a file outside
 * it, a file over `maxBytes`, and content that is not UTF-8 text (see decodeText).
 *
 * @example
 * await readTextFile('reports/metrics.json', { what: 'metrics file' }) // '{"accuracy": 0.91}\n'
 */
export async function readTextFile(path: string, opts: ReadTextOptions): Promise<string> {
  const maxBytes = opts.maxBytes ?? MAX_TEXT_BYTES;
  const abs = await realPathInWorkspace(path, {
    what: opts.what,
    cwd: opts.cwd ?? process.cwd(),
    workspace: opts.workspace,
  });
  const info = await stat(abs).catch((e: NodeJS.ErrnoException) => {
    throw fileError(e, path, opts.what);
  });
  if (info.isDirectory()) throw new UserError(`${opts.what} ${path} is a directory, not a file`, path);
  if (!info.isFile())
    throw new UserError(`${opts.what} ${path} is not a regular file (a FIFO, socket or device)`, path);
  if (info.size > maxBytes) {
    throw new UserError(`${opts.what} is ${formatBytes(info.size)}; the limit is ${formatBytes(maxBytes)}`, path);
  }
  const bytes = await readFile(abs).catch((e: NodeJS.ErrnoException) => {
    throw fileError(e, path, opts.what);
  });
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) {
    throw new UserError(`${opts.what} is over ${formatBytes(maxBytes)}, the limit`, path);
  }
  return decodeText(bytes, path);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * UTF-8 text without its BOM. Refused: UTF-16/32 (by their BOM, or NUL bytes between ASCII
 * characters), other NUL bytes (binary data), and invalid UTF-8 — each naming the line.
 *
 * @example
 * decodeText(Buffer.from('\uFEFFa: 1'), 'm.yaml') // 'a: 1'
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  refuseWideText(bytes, file);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new UserError(`the file holds binary data (a NUL byte at offset ${nul}), not text`, file, lineAt(bytes, nul));
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new UserError(
      `the file is not valid UTF-8 text (invalid byte at offset ${at}); save it as UTF-8`,
      file,
      lineAt(bytes, at),
    );
  }
}

/**
 * Refuses UTF-16 or UTF-32 text, by its BOM or by NUL bytes between ASCII characters at the start
 * (UTF-16 without a BOM). Readers that stream a file (data files) check their first block with it.
 *
 * @example
 * refuseWideText(Buffer.from('\uFEFFx,y', 'utf16le'), 'd.csv') // throws: the file is UTF-16 text; save it as UTF-8
 */
export function refuseWideText(bytes: Uint8Array, file: string): void {
  const encoding = unicodeBom(bytes);
  if (encoding) throw new UserError(`the file is ${encoding} text; save it as UTF-8`, file, 1);
  const b = bytes;
  if (b.length >= 4 && ((b[0] === 0 && b[2] === 0 && b[1] !== 0) || (b[1] === 0 && b[3] === 0 && b[0] !== 0))) {
    throw new UserError('the file looks like UTF-16 text (NUL bytes between characters); save it as UTF-8', file, 1);
  }
}

function unicodeBom(b: Uint8Array): string | undefined {
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32';
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return 'UTF-32';
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return 'UTF-16';
  return undefined;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return b.length;
}

/** `12.3 MB`, `512 B`, `2.9 GB` (binary multiples). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}
