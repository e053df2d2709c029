/** The model's recent versions with their key metrics and a trend, read from the registry's tags. */
import { metricsOfMessage } from '../registry/baseline.js';
import type { ModelState } from '../registry/registry-state.js';
import type { SummaryBlock } from '../report/result.js';
import { formatNumber } from '../report/format.js';

export const HISTORY_LENGTH = 10;
const BARS = '▁▂▃▄▅▆▇█';

/** One character per value, scaled between the smallest and the largest; '·' where a value is missing. */
export function sparkline(values: (number | undefined)[]): string {
  const known = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (!known.length) return '';
  const min = Math.min(...known);
  const span = Math.max(...known) - min;
  return values
    .map((v) => {
      if (v === undefined || !Number.isFinite(v)) return '·';
      // A flat series sits mid-height rather than on the floor.
      const level = span === 0 ? 3 : Math.round(((v - min) / span) * (BARS.length - 1));
      return BARS[level];
    })
    .join('');
}

/**
 * Summary blocks: the last versions (newest first), the stage holder marked, one column per key
 * metric, then one trend line per metric (oldest to newest).
 */
export function historyBlocks(state: ModelState, keyMetrics: string[], stage: string): SummaryBlock[] {
  const versions = state.versions.slice(-HISTORY_LENGTH);
  if (!versions.length) return [];
  const holder = stage ? state.stages.get(stage)?.current?.version : undefined;
  const metricsOf = versions.map((v) => metricsOfMessage(v.data));
  const keys = keyMetrics.length ? keyMetrics : Object.keys(metricsOf[metricsOf.length - 1]).slice(0, 4);
  const stagesOf = (version: string) =>
    [...state.stages].filter(([, s]) => s.current?.version === version).map(([name]) => name);
  const rows = versions
    .map((v, i) => [
      `${v.version}${v.version === holder ? ' ★' : ''}${v.active ? '' : ' (deregistered)'}`,
      stagesOf(v.version).join(', '),
      v.createdAt.toISOString().slice(0, 10),
      v.commit.slice(0, 7),
      ...keys.map((k) => (k in metricsOf[i] ? formatNumber(metricsOf[i][k]) : '—')),
    ])
    .reverse();
  const trends = keys
    .map((k) => [k, sparkline(metricsOf.map((m) => m[k]))])
    .filter(([, line]) => line.length > 1)
    .map(([k, line]) => [k, line, `${versions[0].version} → ${versions[versions.length - 1].version}`]);
  const blocks: SummaryBlock[] = [
    {
      kind: 'heading',
      level: 3,
      text:
        `History of ${state.model}: last ${versions.length} version${versions.length === 1 ? '' : 's'}` +
        (holder ? ` (★ holds ${stage})` : ''),
    },
    { kind: 'table', header: ['Version', 'Stages', 'Registered', 'Commit', ...keys], rows },
  ];
  if (trends.length) blocks.push({ kind: 'table', header: ['Metric', 'Trend', 'Versions'], rows: trends });
  return blocks;
}
