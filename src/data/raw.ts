import type { ColumnBuilder } from './builder.js';

/** What a format reader hands back to read.ts before the columns are finished. */
export interface RawTable {
  names: string[];
  builders: ColumnBuilder[];
  rowCount: number;
  /** See Table.lineAnchors. */
  anchors: Int32Array;
}
