/**
 * Reads a data file block by block (gunzipped on the fly for `.gz`) into one reusable buffer, so
 * that a reader never holds the whole text and makes no garbage per block. Each block handed to
 * the reader ends just after a line feed; what the reader leaves unconsumed (a record cut by the
 * block end) is moved to the front and completed by the next read.
 */
import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { UserError } from '../errors.js';
import { fileError, refuseWideText } from '../files/read-text.js';
import { realPathInWorkspace } from '../files/workspace.js';

const BLOCK = 1 << 20;
const LF = 0x0a;

/**
 * Called with `buf[0..end)` holding whole lines (`buf[end - 1]` is a line feed; at the end of the
 * file one is added if missing); returns how many bytes it consumed. `progress` is the fraction of
 * the file on disk behind this block's start, for size estimates.
 */
export type BlockHandler = (buf: Buffer, end: number, final: boolean, progress: number) => number;

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

export async function readBlocks(file: string, gzip: boolean, handle: BlockHandler): Promise<void> {
  const size = await checkFile(file);
  const source = gzip ? gunzipSource(file) : await plainSource(file);
  try {
    let buf = Buffer.allocUnsafe(BLOCK * 2);
    let len = 0;
    let first = true;
    for (;;) {
      if (len > buf.length / 2) {
        // a long record: make room
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      }
      const before = source.position();
      const n = await source.read(buf, len);
      if (n === 0) break;
      // A data file in UTF-16 reads as one garbled column: refused with its own message.
      if (first) refuseWideText(buf.subarray(0, n), file);
      first = false;
      len += n;
      const end = buf.subarray(0, len).lastIndexOf(LF) + 1;
      if (end === 0) continue;
      const used = handle(buf, end, false, before / size);
      buf.copy(buf, 0, used, len);
      len -= used;
    }
    if (len > 0 && buf[len - 1] !== LF) {
      if (len === buf.length) buf = Buffer.concat([buf, Buffer.alloc(1)]);
      buf[len++] = LF;
    }
    handle(buf, len, true, 1);
  } finally {
    await source.close();
  }
}

interface Source {
  /** Reads into `buf` from `offset`; 0 at the end of the file. */
  read(buf: Buffer, offset: number): Promise<number>;
  /** Bytes of the file on disk read so far. */
  position(): number;
  close(): Promise<void>;
}

async function plainSource(file: string): Promise<Source> {
  const fh = await open(file, 'r');
  let pos = 0;
  return {
    async read(buf, offset) {
      const { bytesRead } = await fh.read(buf, offset, Math.min(BLOCK, buf.length - offset), null);
      pos += bytesRead;
      return bytesRead;
    },
    position: () => pos,
    close: () => fh.close(),
  };
}

function gunzipSource(file: string): Source {
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
