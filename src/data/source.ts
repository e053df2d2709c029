/**
 * Reads a data file block by block (gunzipped on the fly for `.gz`) into one reusable buffer, so
 * that a reader never holds the whole text and makes no garbage per block. Each block handed to
 * the reader ends just after a line feed; what the reader leaves unconsumed (a record cut by the
 * block end) is moved to the front and completed by the next read.
 *
 * Bounded and checked (limits.ts): a record longer than MAX_RECORD_BYTES, a gzip stream expanding
 * more than MAX_GZIP_RATIO times, and text that is not UTF-8 (NUL bytes, UTF-16, invalid bytes)
 * are refused with the line. pandas refuses invalid UTF-8 as well (UnicodeDecodeError); a NUL
 * byte it reads inconsistently (its C engine cuts the cell there, its Python engine keeps it).
 */
import { isUtf8 } from 'node:buffer';
import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { UserError } from '../errors.js';
import { fileError, formatBytes, refuseWideText } from '../files/read-text.js';
import { realPathInWorkspace } from '../files/workspace.js';
import { GZIP_MIN_BUDGET, MAX_GZIP_RATIO, MAX_RECORD_BYTES } from './limits.js';

const BLOCK = 1 << 20;
const LF = 0x0a;

/**
 * Called with `buf[0..end)` holding whole lines (`buf[end - 1]` is a line feed; at the end of the
 * file one is added if missing); returns how many bytes it consumed. `progress` is the fraction of
 * the file on disk read so far, this block included, for size estimates; `offset` the
 * (decompressed) file's offset of `buf[0]`.
 */
export type BlockHandler = (buf: Buffer, end: number, final: boolean, progress: number, offset: number) => number;

/**
 * Part of an uncompressed file to read (a worker's share of it, src/workers/split.ts): from byte
 * `start` (a line start) until the handler has consumed up to `stop` or past it; to the end of the
 * file when it never does. `maxRecordBytes` lowers the record bound (see readBlocks).
 */
export interface BlockRange {
  start: number;
  stop: number;
  maxRecordBytes?: number;
}

/**
 * Throws a UserError when `file` is missing, not a regular file, empty, or a symbolic link from the
 * workspace to outside it; returns its size.
 */
export async function checkFile(file: string): Promise<number> {
  const real = await realPathInWorkspace(file, { what: 'data file', cwd: process.cwd() });
  const s = await stat(real).catch((e: NodeJS.ErrnoException) => {
    throw fileError(e, file, 'data file');
  });
  if (s.isDirectory()) throw new UserError(`data file ${file} is a directory, not a file`, file);
  if (!s.isFile()) throw new UserError(`data file ${file} is not a regular file (a FIFO, socket or device)`, file);
  const size = s.size;
  if (size === 0) throw new UserError(`the file is empty`, file);
  return size;
}

/**
 * Calls `handle` with the file's lines, block by block (of `range` only, when given). `tooLong`
 * makes the error for a record over MAX_RECORD_BYTES (the reader knows its line): thrown when the
 * bytes of the one incomplete record read so far exceed the bound, so never for a shorter record.
 */
export async function readBlocks(
  file: string,
  gzip: boolean,
  handle: BlockHandler,
  tooLong: () => UserError,
  range?: BlockRange,
): Promise<void> {
  const size = await checkFile(file);
  if (range && gzip) throw new RangeError('a gzip stream cannot be read from an offset');
  const start = range?.start ?? 0;
  const maxRecord = range?.maxRecordBytes ?? MAX_RECORD_BYTES;
  const source = gzip ? gunzipSource(file, size) : await plainSource(file, start);
  try {
    let buf = Buffer.allocUnsafe(BLOCK * 2);
    let len = 0;
    /** Offset in the file of buf[0]; buf[0..checked) is known to be UTF-8 text. */
    let base = start;
    let checked = 0;
    for (;;) {
      if (range && base >= range.stop) return;
      if (len > buf.length / 2) {
        // a long record: make room
        if (len > maxRecord) throw tooLong();
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      }
      const n = await source.read(buf, len);
      if (n === 0) break;
      len += n;
      const end = buf.subarray(0, len).lastIndexOf(LF) + 1;
      if (end === 0) continue;
      if (checked < end) await checkText(buf, checked, end, base, file, gzip);
      const used = handle(buf, end, false, size > 0 ? Math.min(source.position() / size, 1) : 1, base);
      buf.copy(buf, 0, used, len);
      len -= used;
      base += used;
      checked = end - used;
    }
    if (len > 0 && buf[len - 1] !== LF) {
      if (len === buf.length) buf = Buffer.concat([buf, Buffer.alloc(1)]);
      buf[len++] = LF;
    }
    if (checked < len) await checkText(buf, checked, len, base, file, gzip);
    handle(buf, len, true, 1, base);
  } finally {
    await source.close();
  }
}

/**
 * Refuses `buf[from..to)` (whole lines; `base` is buf[0]'s offset in the file) unless it is UTF-8
 * text without NUL bytes. The checks are native and run once per byte; only a failure costs more
 * (the file is read again up to the bad byte to name its line).
 */
async function checkText(buf: Buffer, from: number, to: number, base: number, file: string, gzip: boolean) {
  const part = buf.subarray(from, to);
  const nul = part.indexOf(0);
  if (nul < 0 && isUtf8(part)) return;
  // A data file in UTF-16 reads as one garbled column: refused with its own message.
  if (base + from === 0) refuseWideText(part, file);
  // The first bad line: NUL or invalid UTF-8, whichever comes first.
  for (let lineStart = 0; lineStart < part.length;) {
    const lf = part.indexOf(LF, lineStart);
    const lineEnd = lf < 0 ? part.length : lf;
    const line = part.subarray(lineStart, lineEnd);
    const zero = line.indexOf(0);
    if (zero >= 0 || !isUtf8(line)) {
      const at = await lineAtOffset(file, gzip, base + from + lineStart);
      throw new UserError(
        zero >= 0
          ? `the file holds binary data (a NUL byte at offset ${base + from + lineStart + zero}), not text`
          : `the file is not valid UTF-8 text; save it as UTF-8`,
        file,
        at,
      );
    }
    lineStart = lineEnd + 1;
  }
}

/** The 1-based line holding byte `offset` of the (decompressed) file: reads the file again up to it. */
async function lineAtOffset(file: string, gzip: boolean, offset: number): Promise<number> {
  const source = gzip ? gunzipSource(file, Infinity) : await plainSource(file);
  const buf = Buffer.allocUnsafe(BLOCK);
  let line = 1;
  try {
    for (let seen = 0; seen < offset;) {
      const n = await source.read(buf, 0);
      if (n === 0) break;
      const upTo = Math.min(n, offset - seen);
      for (let i = buf.indexOf(LF); i >= 0 && i < upTo; i = buf.indexOf(LF, i + 1)) line++;
      seen += n;
    }
  } finally {
    await source.close();
  }
  return line;
}

interface Source {
  /** Reads into `buf` from `offset`; 0 at the end of the file. */
  read(buf: Buffer, offset: number): Promise<number>;
  /** Bytes of the file on disk read so far. */
  position(): number;
  close(): Promise<void>;
}

/** `file` read from byte `start` on. */
async function plainSource(file: string, start = 0): Promise<Source> {
  const fh = await open(file, 'r');
  let pos = start;
  return {
    async read(buf, offset) {
      const { bytesRead } = await fh.read(buf, offset, Math.min(BLOCK, buf.length - offset), pos);
      pos += bytesRead;
      return bytesRead;
    },
    position: () => pos,
    close: () => fh.close(),
  };
}

/** Gunzips `file` (of `size` bytes on disk), refusing to expand it past the budget of MAX_GZIP_RATIO. */
function gunzipSource(file: string, size: number): Source {
  const budget = Math.max(GZIP_MIN_BUDGET, MAX_GZIP_RATIO * size);
  let total = 0;
  const raw = createReadStream(file, { highWaterMark: BLOCK });
  const gunzip = raw.pipe(createGunzip({ chunkSize: BLOCK / 4 }));
  raw.on('error', (e) => gunzip.destroy(e));
  const chunks = gunzip[Symbol.asyncIterator]();
  let pending: Buffer | null = null;
  return {
    async read(buf, offset) {
      if (!pending || pending.length === 0) {
        let r: IteratorResult<Buffer>;
        try {
          r = await chunks.next();
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          throw new UserError(
            `${err.code?.startsWith('Z_') ? 'not a valid gzip file' : 'cannot read'} (${err.message})`,
            file,
          );
        }
        if (r.done) return 0;
        pending = r.value;
        total += r.value.length;
        if (total > budget) {
          throw new UserError(
            `the gzip file expands to more than ${formatBytes(budget)} (the limit for compressed data: ` +
              `${MAX_GZIP_RATIO} times its size, at least ${formatBytes(GZIP_MIN_BUDGET)}); decompress it first`,
            file,
          );
        }
      }
      const n = pending.copy(buf, offset, 0, Math.min(pending.length, buf.length - offset));
      pending = pending.subarray(n);
      return n;
    },
    // Compressed bytes read (a little ahead of what was handed out, so estimates come out low).
    position: () => raw.bytesRead,
    close: async () => {
      raw.destroy();
      gunzip.destroy();
    },
  };
}
