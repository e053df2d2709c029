/** The stage result of `profile-out`: what was written, column by column. Prints nothing. */
import { Outputs } from '../constants.js';
import { formatNumber } from '../report/format.js';
import type { StageResult } from '../report/result.js';
import type { ColumnSummary, Profile } from '../profile/profile.js';

export interface WrittenProfile {
  /** The path as given in `profile-out`, and resolved. */
  given: string;
  file: string;
  bytes: number;
  profile: Profile;
  /** The data file and shards merged into it. */
  parts: string[];
}

export function profileOutResult({ given, file, bytes, profile, parts }: WrittenProfile): StageResult {
  const kb = formatNumber(Math.round(bytes / 102.4) / 10);
  const merged = parts.length > 1 ? `, ${parts.length} parts merged` : '';
  const headline = `profile of ${profile.rows} rows × ${profile.columns.size} columns written to ${given} (${kb} kB${merged})`;
  const rows = [...profile.columns.entries()].map(([name, c]) => columnRow(name, c));
  return {
    stage: 'drift',
    ok: true,
    headline,
    outputs: { [Outputs.Profile]: file },
    summary: [
      { kind: 'heading', text: `📦 ${headline}` },
      { kind: 'table', header: ['Column', 'Kind', 'Values', 'Missing', 'Summary', 'Distinct', 'Accuracy'], rows },
    ],
    annotations: [],
    report: {
      stage: 'drift',
      profile: file,
      bytes,
      rows: profile.rows,
      sources: profile.sources,
      parts,
      columns: profile.toJSON().columns.map(({ name, kind, count, missing }) => ({ name, kind, count, missing })),
    },
  };
}

/** One summary row: kind, counts, a short description, distinct estimate and accuracy. */
function columnRow(name: string, c: ColumnSummary): string[] {
  if (c.kind === 'numeric') {
    const m = c.moments;
    const eps = c.kll.rankErrorBound();
    return [
      name,
      'numeric',
      String(c.count),
      String(c.missing),
      m.n
        ? `mean ${formatNumber(m.mean)}, std ${formatNumber(Math.sqrt(m.variance(0)))}, [${formatNumber(m.min)}, ${formatNumber(m.max)}]`
        : '',
      `≈ ${Math.round(c.hll.estimate())}`,
      c.values !== null || !eps ? 'exact value counts' : `KLL rank error ≤ ${formatNumber(eps)}`,
    ];
  }
  const top = c.counts
    .entries()
    .slice(0, 3)
    .map(([k, v]) => `${k} (${v})`)
    .join(', ');
  return [
    name,
    'categorical',
    String(c.count),
    String(c.missing),
    top,
    `≈ ${Math.round(c.hll.estimate())}`,
    c.counts.exact ? 'exact counts' : `counts ≤ ${c.counts.error} low`,
  ];
}
