/**
 * The model card uploaded with the model files: version, metrics table, data summary (when a
 * validate or drift step of the same job left its report at the default path), lineage.
 */
import { lstat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { debug, reason } from '../debug.js';
import { readTextFile } from '../files/read-text.js';
import { escapeCell } from '../report/escape.js';
import { formatNumber } from '../report/format.js';
import { MAX_CELL_CHARS, truncate } from '../report/limits.js';
import { defaultReportPath } from '../local-dir.js';

/** A data report larger than this is not summarized on the card. */
const MAX_DATA_REPORT_BYTES = 16 * 1024 * 1024;

export interface CardMetric {
  name: string;
  value: number;
  rule?: string;
  champion?: number | null;
}

export interface DataReport {
  stage: 'validate' | 'drift';
  /** Top-level facts of the report, already as text. */
  facts: [string, string][];
}

export interface ModelCard {
  model: string;
  version: string;
  stage?: string;
  previousVersion?: string;
  commit: string;
  timestamp: string;
  repository?: string;
  runUrl?: string;
  modelFiles: string[];
  modelHash: string;
  metricsFiles: string[];
  metrics: CardMetric[];
  data: DataReport[];
}

/** One untrusted piece of the card: cut (limits.ts) and escaped, as a summary cell. */
function cell(text: string): string {
  return escapeCell(truncate(text, MAX_CELL_CHARS));
}

/** Markdown of the card. Metric names and file names are untrusted: every cell is escaped. */
export function renderModelCard(c: ModelCard): string {
  const out = [`# Model card: ${cell(c.model)} ${c.version}`, ''];
  out.push(`- **Version:** ${c.version}${c.stage ? ` (promoted to \`${c.stage}\`)` : ''}`);
  out.push(`- **Registered:** ${c.timestamp}`);
  out.push(`- **Model files:** sha256 \`${c.modelHash}\``, '');
  out.push('## Metrics', '', '| Metric | Value | Rule | Champion |', '|---|---|---|---|');
  for (const m of c.metrics) {
    const champion = m.champion === undefined || m.champion === null ? '—' : formatNumber(m.champion);
    out.push(`| ${cell(m.name)} | ${formatNumber(m.value)} | ${cell(m.rule ?? '')} | ${champion} |`);
  }
  out.push('');
  if (c.data.length) {
    out.push('## Data', '');
    for (const r of c.data) {
      out.push(
        `### ${r.stage} report`,
        '',
        '| | |',
        '|---|---|',
        ...r.facts.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`),
        '',
      );
    }
  }
  out.push('## Lineage', '');
  out.push(`- **Commit:** \`${c.commit}\`${c.repository ? ` in ${cell(c.repository)}` : ''}`);
  if (c.runUrl) out.push(`- **Workflow run:** ${c.runUrl}`);
  out.push(`- **Previous version in stage:** ${c.previousVersion ?? 'none'}`);
  out.push(`- **Metrics read from:** ${c.metricsFiles.map((f) => cell(f)).join(', ')}`);
  out.push(`- **Files:** ${c.modelFiles.map((f) => cell(f)).join(', ')}`);
  return out.join('\n') + '\n';
}

/**
 * Reports a validate or drift step of the same job wrote at its default report path
 * (`$RUNNER_TEMP/ml-quality-gate-<stage>.json`, or `.ml-quality-gate/<stage>-report.json` off a runner).
 * Off a runner that path is in the checkout: a report the repository tracks came with the branch,
 * not from this job, and is left out (`isTracked` says which).
 */
export async function readDataReports(
  env: NodeJS.ProcessEnv,
  cwd: string,
  isTracked: (file: string) => Promise<boolean>,
): Promise<DataReport[]> {
  const reports: DataReport[] = [];
  for (const stage of ['validate', 'drift'] as const) {
    const file = resolve(cwd, defaultReportPath(stage, env));
    // No report is the usual answer (no such step ran), not a failure.
    if (!(await lstat(file).catch(() => undefined))) continue;
    if (!env.RUNNER_TEMP && (await isTracked(file))) continue;
    const facts = await reportFacts(file, stage);
    if (facts.length) reports.push({ stage, facts });
  }
  return reports;
}

/**
 * Best effort, with every check of a text input: a FIFO, a link out of the workspace, an oversized
 * or unparsable report is left off the card, said at debug level.
 */
async function reportFacts(file: string, stage: DataReport['stage']): Promise<[string, string][]> {
  try {
    const text = await readTextFile(file, { what: `${stage} report`, maxBytes: MAX_DATA_REPORT_BYTES });
    return text ? summarizeReport(JSON.parse(text)) : [];
  } catch (e) {
    debug(`the ${stage} report ${file} is left off the model card: ${reason(e)}`);
    return [];
  }
}

/** The report's top-level numbers, booleans, strings and short lists; nested detail is left out. */
export function summarizeReport(report: unknown): [string, string][] {
  if (!report || typeof report !== 'object' || Array.isArray(report)) return [];
  const facts: [string, string][] = [];
  for (const [key, value] of Object.entries(report)) {
    if (typeof value === 'number') facts.push([key, formatNumber(value)]);
    else if (typeof value === 'boolean' || (typeof value === 'string' && value.length <= 200))
      facts.push([key, String(value)]);
    else if (
      Array.isArray(value) &&
      value.length <= 20 &&
      value.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      facts.push([key, value.length ? value.join(', ') : '(none)']);
    } else if (Array.isArray(value)) facts.push([key, `${value.length} entries`]);
  }
  return facts.slice(0, 30);
}
