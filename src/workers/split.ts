/**
 * One CSV/TSV file profiled on several cores: cut into parts at line starts, one part per worker
 * (src/profile/chunk.ts profiles the records that start in a part), the parts' profiles merged.
 *
 * A line start is a record start only outside quoted fields, and where the quotes are is known only
 * by parsing from the file's start. So the cuts are speculative and checked after the fact (as in
 * Ge et al., "Speculative distributed CSV data parsing", SIGMOD 2019): part 0 starts after the
 * header, a true record start; a part parses its records past its cut to the end of its last one,
 * and reports where that is; part i + 1 is right iff it started exactly there (by induction it then
 * parsed the same records as one pass would). A part that started elsewhere (a cut inside a quoted
 * line break) is parsed again from the right place. Nothing is guessed: the result is that of one
 * pass, or the file is profiled again in one pass (src/profile/build.ts) —
 *  - when a part that started in the right place was refused (an error), so that the error, its
 *    message and its line are the single pass's own;
 *  - when a record is longer than SPLIT_MAX_RECORD_BYTES (half the limit, so that a part never
 *    accepts a record a single pass would refuse);
 *  - when the file has no data rows, or a re-read part disagrees with the first read.
 * Gzip input cannot be cut (no offsets in a stream), nor JSON Lines (its cell budget counts rows
 * and keys over the whole file) or Parquet: those are profiled whole.
 */
import { open } from 'node:fs/promises';
import { readDelimitedHeader } from '../data/csv.js';
import { detectFormat } from '../data/format.js';
import { MAX_RECORD_BYTES } from '../data/limits.js';
import { checkFile } from '../data/source.js';
import type { ReadOptions } from '../data/types.js';
import { UserError } from '../errors.js';
import { mergeChunks, type ChunkJob, type ChunkProfile } from '../profile/chunk.js';
import type { ProfileParams } from '../profile/params.js';
import type { Profile } from '../profile/profile.js';

/** Files smaller than this are profiled by one thread: starting workers costs more than it saves. */
export const SPLIT_MIN_BYTES = 8 * 1024 * 1024;

/** Longest record a part accepts; a longer one sends the file to a single pass. */
export const SPLIT_MAX_RECORD_BYTES = MAX_RECORD_BYTES / 2;

/** How far past a cut to look for a line feed; a cut without one in this window is dropped. */
const LOOK_AHEAD = 64 * 1024;

export interface SplitPlan {
  file: string;
  delimiter: ',' | '\t';
  names: string[];
  /** Byte ranges `[start, stop)`, in file order, each starting at a line start. */
  ranges: { start: number; stop: number }[];
}

/**
 * Where to cut `file` into at most `parts` parts, or undefined when it is profiled whole (not a
 * plain CSV/TSV file, under `minBytes`, or unreadable: the single pass then reports why).
 */
export async function planSplit(
  file: string,
  opts: ReadOptions,
  parts: number,
  minBytes = SPLIT_MIN_BYTES,
): Promise<SplitPlan | undefined> {
  if (parts < 2) return undefined;
  try {
    const { format, gzip } = detectFormat(file, opts);
    if (gzip || (format !== 'csv' && format !== 'tsv')) return undefined;
    const size = await checkFile(file);
    if (size < minBytes) return undefined;
    const delimiter = format === 'tsv' ? '\t' : ',';
    const header = await readDelimitedHeader(file, delimiter);
    const cuts = [header.end, ...(await lineStarts(file, header.end, size, parts)), size];
    const ranges = cuts.slice(1).map((stop, i) => ({ start: cuts[i], stop }));
    return { file, delimiter, names: header.names, ranges };
  } catch (e) {
    if (e instanceof UserError) return undefined;
    throw e;
  }
}

/**
 * The first line start at or after each of `parts − 1` evenly spaced offsets of `[from, size)`,
 * increasing, strictly inside it (a cut with no line feed within LOOK_AHEAD is dropped).
 */
async function lineStarts(file: string, from: number, size: number, parts: number): Promise<number[]> {
  const fh = await open(file, 'r');
  const buf = Buffer.allocUnsafe(LOOK_AHEAD);
  const cuts: number[] = [];
  try {
    for (let k = 1; k < parts; k++) {
      const at = from + Math.floor((k * (size - from)) / parts) - 1;
      if (at < from) continue;
      const { bytesRead } = await fh.read(buf, 0, LOOK_AHEAD, at);
      const lf = buf.subarray(0, bytesRead).indexOf(0x0a);
      const cut = at + lf + 1;
      if (lf >= 0 && cut > (cuts.at(-1) ?? from) && cut < size) cuts.push(cut);
    }
  } finally {
    await fh.close();
  }
  return cuts;
}

/** The job of the part `[start, stop)` of a planned file, `text` columns read as text. */
export function partJob(plan: SplitPlan, start: number, stop: number, text: string[], params: ProfileParams): ChunkJob {
  const { file, delimiter, names } = plan;
  return { file, delimiter, names, textColumns: text, params, start, stop, maxRecordBytes: SPLIT_MAX_RECORD_BYTES };
}

/** Runs parts' jobs (in worker threads, or in this one), answering in the order given. */
export type ChunkRunner = (jobs: ChunkJob[]) => Promise<ChunkProfile[]>;

/**
 * The profile of a split file, from the parts' first results (in plan order); undefined when the
 * file must be profiled in one pass instead (see the module comment).
 */
export async function finishSplit(
  plan: SplitPlan,
  first: ChunkProfile[],
  textColumns: string[],
  params: ProfileParams,
  run: ChunkRunner,
): Promise<Profile | undefined> {
  const job = (start: number, stop: number, text: string[]) => partJob(plan, start, stop, text, params);
  // 1. Check each part's start against where the previous part ended; parse again from there.
  const parts: ChunkProfile[] = [];
  let expected = plan.ranges[0].start;
  for (let p of first) {
    if (p.start !== expected) {
      p =
        expected >= p.stop
          ? { start: expected, stop: p.stop, end: expected, rows: 0, columns: [] }
          : (await run([job(expected, p.stop, textColumns)]))[0];
    }
    if (p.failed !== undefined) return undefined;
    parts.push(p);
    expected = p.end;
  }
  // 2. Merge; columns that some part counted as numbers but the whole file makes text are read
  //    again as text (the parts' boundaries are now known to be right).
  let merged = mergeChunks(plan.file, plan.names, nonEmpty(parts), params);
  if ('reread' in merged) {
    const text = [...new Set([...textColumns, ...merged.reread])];
    const again = await run(parts.map((p) => job(p.start, p.stop, text)));
    if (again.some((p, i) => p.failed !== undefined || p.end !== parts[i].end || p.rows !== parts[i].rows))
      return undefined;
    merged = mergeChunks(plan.file, plan.names, nonEmpty(again), params);
  }
  if (!('profile' in merged) || merged.profile.rows === 0) return undefined;
  return merged.profile;
}

function nonEmpty(parts: ChunkProfile[]): ChunkProfile[] {
  return parts.filter((p) => p.rows > 0);
}
