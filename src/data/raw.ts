import type { ColumnBuilder } from './builder.js';
import type { CellSink } from './sink.js';

/** What a format reader hands back to read.ts (or visit.ts) before the columns are finished. */
export interface RawTable<S extends CellSink = ColumnBuilder> {
  names: string[];
  builders: S[];
  rowCount: number;
  /** See Table.lineAnchors. */
  anchors: Int32Array;
}
