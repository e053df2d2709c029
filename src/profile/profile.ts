import { CategoricalSummary, type CategoricalJson } from './categorical.js';
import { NumericSummary, type NumericJson } from './numeric.js';
import { DEFAULT_PARAMS, sameParams, type ProfileParams } from './params.js';

export type ColumnSummary = NumericSummary | CategoricalSummary;

/**
 * A profile: the mergeable summary of a dataset, column by column (numeric.ts, categorical.ts).
 * `merge` is associative and commutative: counts, missing, min/max, value and category counts
 * (while exact) merge exactly; mean and variance up to rounding (Chan et al. 1979); the KLL and
 * Misra–Gries summaries within their stated bounds; HyperLogLog registers exactly. A column absent
 * from one profile is missing in all of that profile's rows, as an absent JSON Lines key.
 */
export class Profile {
  rows = 0;
  /** Data files summarised, as given (at most MAX_SOURCES kept). */
  sources: string[] = [];
  readonly columns = new Map<string, ColumnSummary>();

  constructor(readonly params: ProfileParams = DEFAULT_PARAMS) {}

  merge(o: Profile): void {
    if (!sameParams(this.params, o.params)) {
      throw new RangeError(
        `profiles made with different sketch sizes cannot be merged (${describeParams(this.params)} vs ${describeParams(o.params)})`,
      );
    }
    for (const [name, col] of this.columns) if (!o.columns.has(name)) col.missing += o.rows;
    for (const [name, col] of o.columns) {
      const mine = this.columns.get(name);
      const theirs = clone(col, this.params);
      if (!mine) {
        theirs.missing += this.rows;
        this.columns.set(name, theirs);
      } else if (mine.kind === theirs.kind) {
        (mine as NumericSummary).merge(theirs as NumericSummary);
      } else if (theirs.count === 0) {
        mine.missing += theirs.missing;
      } else if (mine.count === 0) {
        theirs.missing += mine.missing;
        this.columns.set(name, theirs);
      } else {
        throw new RangeError(
          `column '${name}' is numerical in one profile and categorical in another; ` +
            "profile every shard with the same 'categorical-columns'",
        );
      }
    }
    this.rows += o.rows;
    this.sources = [...this.sources, ...o.sources].slice(0, MAX_SOURCES);
  }

  toJSON(): ProfileJson {
    return {
      format: PROFILE_FORMAT,
      version: PROFILE_VERSION,
      rows: this.rows,
      sources: this.sources,
      params: {
        kll_k: this.params.kllK,
        hll_p: this.params.hllP,
        category_cap: this.params.categoryCap,
        numeric_distinct_cap: this.params.numericDistinctCap,
      },
      columns: [...this.columns.entries()].map(([name, c]) => c.toJSON(name)),
    };
  }

  /** Parses a profile; throws a RangeError saying what is wrong. */
  static fromJSON(j: unknown): Profile {
    if (typeof j !== 'object' || j === null || (j as ProfileJson).format !== PROFILE_FORMAT) {
      throw new RangeError(`not an ml-quality-gate profile (no "format": "${PROFILE_FORMAT}")`);
    }
    const p = j as ProfileJson;
    if (p.version !== PROFILE_VERSION)
      throw new RangeError(
        `profile format version ${String(p.version)} is not supported (this version reads ${PROFILE_VERSION})`,
      );
    const params: ProfileParams = {
      kllK: p.params?.kll_k,
      hllP: p.params?.hll_p,
      categoryCap: p.params?.category_cap,
      numericDistinctCap: p.params?.numeric_distinct_cap,
    };
    if (!Object.values(params).every((v) => Number.isInteger(v) && v > 0))
      throw new RangeError("'params' must give kll_k, hll_p, category_cap and numeric_distinct_cap");
    if (!(Number.isInteger(p.rows) && p.rows >= 0)) throw new RangeError("'rows' must be a non-negative integer");
    if (!Array.isArray(p.columns)) throw new RangeError("'columns' must be a list");
    const out = new Profile(params);
    out.rows = p.rows;
    out.sources = Array.isArray(p.sources) ? p.sources.filter((s) => typeof s === 'string').slice(0, MAX_SOURCES) : [];
    for (const c of p.columns) {
      const name = c?.name;
      if (typeof name !== 'string') throw new RangeError('a column has no name');
      if (out.columns.has(name)) throw new RangeError(`column '${name}' appears twice`);
      try {
        if (!(
          Number.isInteger(c.count) &&
          c.count >= 0 &&
          Number.isInteger(c.missing) &&
          c.missing >= 0 &&
          c.count + c.missing === p.rows
        )) {
          throw new RangeError(`count + missing must equal the profile's rows (${p.rows})`);
        }
        if (c.kind === 'numeric') out.columns.set(name, NumericSummary.fromJSON(c, params));
        else if (c.kind === 'categorical') out.columns.set(name, CategoricalSummary.fromJSON(c, params));
        else throw new RangeError(`unknown kind '${String((c as { kind: unknown }).kind)}'`);
      } catch (e) {
        throw new RangeError(`column '${name}': ${(e as Error).message}`);
      }
    }
    return out;
  }
}

function clone(c: ColumnSummary, params: ProfileParams): ColumnSummary {
  const name = '';
  return c.kind === 'numeric'
    ? NumericSummary.fromJSON(c.toJSON(name), params)
    : CategoricalSummary.fromJSON(c.toJSON(name), params);
}

function describeParams(p: ProfileParams): string {
  return `KLL k ${p.kllK}, HLL p ${p.hllP}, ${p.categoryCap} categories`;
}

export const PROFILE_FORMAT = 'ml-quality-gate/profile';
export const PROFILE_VERSION = 1;
const MAX_SOURCES = 100;

export interface ProfileJson {
  format: typeof PROFILE_FORMAT;
  /** Bumped on any change a reader of version 1 would misread. */
  version: typeof PROFILE_VERSION;
  rows: number;
  sources: string[];
  params: { kll_k: number; hll_p: number; category_cap: number; numeric_distinct_cap: number };
  columns: (NumericJson | CategoricalJson)[];
}
