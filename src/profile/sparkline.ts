import { categorySparklines, renderSparklines, sparkEdges } from '../drift/sparkline.js';
import type { ColumnSummary } from './profile.js';
import { binCounts, numericView } from './view.js';

/**
 * The drift summary's sparklines (src/drift/sparkline.ts) from profiles: the same bins over both
 * sides' range (counts from the sketches), or the most frequent categories.
 */
export function profileSparklines(ref: ColumnSummary, cur: ColumnSummary): [string, string] {
  if (ref.kind === 'numeric' && cur.kind === 'numeric') {
    if (ref.count === 0 || cur.count === 0) return ['', ''];
    const edges = sparkEdges(Math.min(ref.moments.min, cur.moments.min), Math.max(ref.moments.max, cur.moments.max));
    return renderSparklines(binCounts(numericView(ref), edges), binCounts(numericView(cur), edges));
  }
  if (ref.kind === 'categorical' && cur.kind === 'categorical')
    return categorySparklines(ref.counts.counts, cur.counts.counts);
  return ['', ''];
}
