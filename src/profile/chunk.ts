/**
 * Profiles of the parts of one CSV/TSV file (src/workers/split.ts cuts it at line starts and runs
 * one part per worker), and their merge into the profile of the whole file.
 *
 * Typing is a property of the whole column, so a part reports its sinks' typing state (numeric,
 * categorical or mixed, and whether numbers came), not a decision: `columnTyping` replays the
 * single-threaded rule (ProfileSink: numeric until a text cell; categorical when no number came
 * before it, mixed otherwise) over the parts in file order. A column whose cells some part counted
 * as numbers while the whole file makes it text is read again as text, as readTable does for a
 * mixed column; its missing cells and labels then come out as a single pass gives them.
 */
import { readDelimitedRange } from '../data/csv.js';
import { UserError } from '../errors.js';
import type { CategoricalJson } from './categorical.js';
import type { NumericJson } from './numeric.js';
import type { ProfileParams } from './params.js';
import { Profile, PROFILE_FORMAT, PROFILE_VERSION } from './profile.js';
import { ProfileSink } from './sink.js';

/** One part of a file to profile: the records that start in `[start, stop)`. */
export interface ChunkJob {
  file: string;
  delimiter: ',' | '\t';
  /** The header's column names (readDelimitedHeader). */
  names: string[];
  textColumns: string[];
  params: ProfileParams;
  start: number;
  stop: number;
  maxRecordBytes: number;
}

/** A column of a part: its typing state, and its summary unless mixed. */
export type ChunkColumn =
  { mode: 'mixed' } | { mode: 'numeric'; summary: NumericJson } | { mode: 'categorical'; summary: CategoricalJson };

export interface ChunkProfile {
  start: number;
  stop: number;
  /** Where the part's last record ends: the next part is right only if it starts there. */
  end: number;
  rows: number;
  columns: ChunkColumn[];
  /**
   * Set when the part was refused (a UserError): the message, for the log only; the file is then
   * profiled again in one piece, which names the true line (or, if the part started inside a
   * quoted field, finds nothing wrong).
   */
  failed?: string;
}

/** Profiles one part of a file (in a worker thread, or in this one). */
export async function profileChunk(job: ChunkJob): Promise<ChunkProfile> {
  const { start, stop } = job;
  try {
    const part = await readDelimitedRange(
      job.file,
      job.delimiter,
      job.names,
      new Set(job.textColumns),
      (name, text) => new ProfileSink(name, text, job.params),
      { start, stop, maxRecordBytes: job.maxRecordBytes },
    );
    const columns = part.builders.map((s): ChunkColumn => {
      if (s.mode === 'mixed') return { mode: 'mixed' };
      const summary = s.finish();
      return summary.kind === 'numeric'
        ? { mode: 'numeric', summary: summary.toJSON(s.name) }
        : { mode: 'categorical', summary: summary.toJSON(s.name) };
    });
    return { start, stop, end: part.end, rows: part.rowCount, columns };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { start, stop, end: start, rows: 0, columns: [], failed: e.message };
  }
}

/**
 * How the single-threaded reader types a column, from its parts' states in file order: numeric,
 * categorical (every part's cells are labels or missing), or `reread` when some part counted
 * numbers while the whole column is text (mixed, or categorical with numbers in a later part).
 *
 * @example
 * // numbers only in part 1, then text in part 3: mixed, as one pass finds it
 * columnTyping([{ mode: 'numeric', summary: n5 }, { mode: 'numeric', summary: n0 }, { mode: 'categorical', summary: c }])
 * // 'reread'
 */
export function columnTyping(parts: ChunkColumn[]): 'numeric' | 'categorical' | 'reread' {
  const counted = (q: ChunkColumn) => q.mode === 'mixed' || (q.mode === 'numeric' && q.summary.count > 0);
  const first = parts.findIndex((p) => p.mode !== 'numeric');
  if (first < 0) return 'numeric';
  if (parts[first].mode === 'mixed') return 'reread';
  // The file's first text cell is in part `first`: categorical if no number came before it, and
  // then every later cell is a label (which a part that counted numbers did not keep as text).
  return parts.some((q, i) => i !== first && counted(q)) ? 'reread' : 'categorical';
}

/**
 * The profile of the whole file from its parts (in file order, each starting where the previous
 * one ended), or the columns to read again as text first.
 */
export function mergeChunks(
  file: string,
  names: string[],
  parts: ChunkProfile[],
  params: ProfileParams,
): { profile: Profile } | { reread: string[] } {
  const reread = names.filter((_, c) => columnTyping(parts.map((p) => p.columns[c])) === 'reread');
  if (reread.length > 0) return { reread };
  const profile = new Profile(params);
  for (const p of parts) {
    if (p.rows === 0) continue;
    profile.merge(
      Profile.fromJSON({
        format: PROFILE_FORMAT,
        version: PROFILE_VERSION,
        rows: p.rows,
        sources: [],
        params: {
          kll_k: params.kllK,
          hll_p: params.hllP,
          category_cap: params.categoryCap,
          numeric_distinct_cap: params.numericDistinctCap,
        },
        columns: p.columns.map((c) => (c as Exclude<ChunkColumn, { mode: 'mixed' }>).summary),
      }),
    );
  }
  profile.sources = [file];
  return { profile };
}
