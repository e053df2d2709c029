/**
 * A CRLF checkout (git's `core.autocrlf=true`, the default of Git for Windows) must read exactly as
 * an LF one: every real file the readers take — metrics files of every format, thresholds, drift
 * configuration, expectations, metrics schemas, data files — is read twice, once as committed (LF)
 * and once with every line ending turned into CRLF, and the results must be the same: the same
 * values, the same line numbers, or the same error at the same line.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readTable } from '../../src/data/read.js';
import { loadDriftConfig } from '../../src/drift/config.js';
import { readMetricsFile } from '../../src/metrics/read.js';
import { resolveMetricPaths } from '../../src/metrics/paths.js';
import { loadRules } from '../../src/rules/parse.js';
import { loadExpectations } from '../../src/validate/parse.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Text files (no NUL byte) under `dir`, relative to ROOT, that have a line ending to change. */
function textFiles(dir: string, pattern = /./): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).sort()) {
    const rel = path.join(dir, name);
    if (!statSync(path.join(ROOT, rel)).isFile() || !pattern.test(name)) continue;
    const bytes = readFileSync(path.join(ROOT, rel));
    if (!bytes.includes(0) && bytes.includes(0x0a) && !bytes.includes(0x0d)) out.push(rel);
  }
  return out;
}

/** The file copied into two fresh folders, LF as committed and CRLF; its path relative to each. */
function twoCopies(rel: string): { lf: string; crlf: string; name: string } {
  const base = mkdtempSync(path.join(tmpdir(), 'mqg-crlf-'));
  const name = path.join('in', path.basename(rel));
  const text = readFileSync(path.join(ROOT, rel), 'utf8');
  for (const [sub, content] of [
    ['lf', text],
    ['crlf', text.replace(/\n/g, '\r\n')],
  ]) {
    mkdirSync(path.join(base, sub, 'in'), { recursive: true });
    writeFileSync(path.join(base, sub, name), content);
  }
  return { lf: path.join(base, 'lf'), crlf: path.join(base, 'crlf'), name };
}

/** What a reader gave, comparable across the two copies: the value, or the error's message and place. */
async function outcome(read: () => Promise<unknown>, dir: string): Promise<unknown> {
  try {
    return JSON.parse(
      JSON.stringify(await read(), (_k, v) => (typeof v === 'string' ? v.split(dir).join('<dir>') : v)),
    );
  } catch (e) {
    const err = e as { message: string; file?: string; line?: number; column?: number };
    return { error: err.message.split(dir).join('<dir>'), line: err.line, column: err.column };
  }
}

async function expectSame(rel: string, read: (file: string, dir: string) => Promise<unknown>): Promise<unknown> {
  const { lf, crlf, name } = twoCopies(rel);
  const a = await outcome(() => read(name, lf), lf);
  const b = await outcome(() => read(name, crlf), crlf);
  expect(b).toEqual(a);
  return a;
}

const METRICS = [
  ...textFiles('__tests__/fixtures/metrics'),
  ...textFiles('__tests__/fixtures/metrics-synthetic'),
  ...textFiles('__tests__/fixtures/gate', /\.(json|ya?ml)$/),
  ...textFiles('__tests__/fixtures/validate', /^metrics-.*\.json$/),
  ...textFiles('examples/reports'),
].filter((f) => !f.endsWith('.md'));

test('there are files of every kind to compare', () => {
  expect(METRICS.length).toBeGreaterThan(60);
});

test.each(METRICS)('metrics file %s reads the same with CRLF line endings', async (rel) => {
  await expectSame(rel, (file, dir) => readMetricsFile(file, 'auto', dir));
});

const RULES = [
  'examples/gate.yml',
  'examples/project/gate.yml',
  'examples/project/gate-vs-prod.yml',
  'examples/project/smoke-gate.yml',
  ...textFiles('__tests__/fixtures/gate', /\.yml$/),
];

test.each(RULES)('thresholds %s read the same with CRLF line endings', async (rel) => {
  await expectSame(rel, (file, dir) => loadRules(path.join(dir, file)));
});

test('inline thresholds and drift configuration with CRLF (a value pasted from a Windows editor)', async () => {
  const rules = 'accuracy: ">= 0.9"\nlatency_ms:\n  max: 120\n  max-increase-pct: 10\n';
  expect(await loadRules(rules.replace(/\n/g, '\r\n'))).toEqual(await loadRules(rules));
  const drift = 'age:\n  method: ks\n  threshold: 0.05\nincome:\n  method: psi\n';
  expect([...(await loadDriftConfig(drift.replace(/\n/g, '\r\n')))]).toEqual([...(await loadDriftConfig(drift))]);
});

const EXPECTATIONS = [
  'examples/validate/expectations.yml',
  'examples/project/expectations.yml',
  ...textFiles('__tests__/fixtures/validate', /\.yml$/),
];

test.each(EXPECTATIONS)('expectations %s read the same with CRLF line endings', async (rel) => {
  await expectSame(rel, (file, dir) => loadExpectations(path.join(dir, file)));
});

const DATA = [
  ...textFiles('examples/project/data', /\.csv$/),
  ...textFiles('__tests__/fixtures/data', /\.(csv|tsv|jsonl)$/),
  ...textFiles('__tests__/fixtures/validate', /\.(csv|jsonl)$/),
  ...textFiles('__tests__/fixtures/drift', /\.csv$/),
];

test.each(DATA)('data file %s reads the same with CRLF line endings', async (rel) => {
  await expectSame(rel, async (file, dir) => {
    const t = await readTable(path.join(dir, file));
    return {
      ...t,
      file: path.basename(t.file),
      columns: t.columns.map((c) => ({ ...c, values: Array.from((c as { values: ArrayLike<unknown> }).values) })),
    };
  });
});

test('a metrics list and a glob given with CRLF lines (an input pasted with Windows line ends)', async () => {
  const { lf } = twoCopies('examples/reports/metrics.json');
  expect(await resolveMetricPaths('in/metrics.json\r\n\r\nin/*.json\r\n', lf)).toEqual(['in/metrics.json']);
});
