/**
 * Property tests for every metrics reader (fast-check). A random model (metric names and values, a
 * history of values for the formats that log one) is written the way each tool writes it, then:
 *
 * 1. read back, every name a rule would use gives the value written (the last one for histories);
 * 2. with a rule the file fails (`>= ` a bound above every value of one metric), no mutation of the
 *    file (truncation, the metric written twice with a passing value, a non-finite value, binary
 *    bytes) makes the gate pass: it fails or refuses the file, and never crashes.
 *
 * Values are decimals as Python and JavaScript print them (no exponent), so that a truncated number
 * is never larger in magnitude than the one written.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { checkRules } from '../../src/gate/check.js';
import { lookupMetric } from '../../src/metrics/lookup.js';
import { readMetricsFile } from '../../src/metrics/read.js';
import { parseRules } from '../../src/rules/parse.js';

/** Runs per property and writer; 18 writers × 2 properties × RUNS in all. */
const RUNS = 60;

// ---------------------------------------------------------------------------------------------
// The model and its arbitraries

interface Entry {
  /** Key in the file (a column, a JSON key, a metric file name). */
  key: string;
  /** Values in logging order; formats without a history write only the last. */
  values: number[];
}
interface Model {
  entries: Entry[];
  /** Index of the metric the failing rule names. */
  target: number;
}

/** A decimal such as 0.8731 or -12.5 or 301: what `repr` and `String` print without an exponent. */
const decimal = fc
  .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([i, k]) => (i === 0 ? 0 : i / 10 ** k));

const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).map((k) => `m_${k}`);

function model(maxHistory: number): fc.Arbitrary<Model> {
  return fc
    .uniqueArray(fc.record({ key, values: fc.array(decimal, { minLength: 1, maxLength: maxHistory }) }), {
      minLength: 1,
      maxLength: 6,
      selector: (e) => e.key,
    })
    .chain((entries) => fc.record({ entries: fc.constant(entries), target: fc.nat({ max: entries.length - 1 }) }));
}

const last = (e: Entry) => e.values[e.values.length - 1];

/** How the target metric is written: as is, twice (the second time passing), or as a non-finite token. */
type Mutation = { kind: 'none' } | { kind: 'duplicate'; pass: number } | { kind: 'token'; token: string };
const NONE: Mutation = { kind: 'none' };

interface Writer {
  name: string;
  /** Longest history written (1: no history). */
  history: number;
  /** Non-finite spellings of this format. */
  tokens: string[];
  /** Files to write (relative paths) and the path to read. */
  write(m: Model, mut: Mutation): { files: Record<string, string>; read: string };
  /** The name a rule uses for entry `e` (index `i`). */
  ruleName(m: Model, i: number): string;
}

/** The target's value as written, or its mutation. */
function valueText(
  m: Model,
  i: number,
  v: number,
  mut: Mutation,
  isLast: boolean,
  fmt: (v: number) => string = String,
): string {
  if (i === m.target && isLast && mut.kind === 'token') return mut.token;
  return fmt(v);
}

// ---------------------------------------------------------------------------------------------
// Trees (JSON and YAML), written by hand so a mutation can sit exactly where a tool would put it

type Tree = { [k: string]: Tree | number };

/** Groups the entries under `g_<n>` objects: names are `g_1.m_x` paths, or top-level keys. */
function groupedTree(m: Model): { tree: Tree; paths: string[][] } {
  const tree: Tree = {};
  const paths = m.entries.map((e, i) => (i % 3 === 2 ? [`g_${i % 2}`, e.key] : [e.key]));
  paths.forEach((p, i) => {
    let node = tree;
    for (const k of p.slice(0, -1)) node = (node[k] ??= {}) as Tree;
    node[p.at(-1)!] = last(m.entries[i]);
  });
  return { tree, paths };
}

function renderJson(tree: Tree, target: string[], mut: Mutation, indent = 2, at: string[] = []): string {
  const pad = ' '.repeat(indent * (at.length + 1));
  const lines: string[] = [];
  for (const [k, v] of Object.entries(tree)) {
    const path = [...at, k];
    const isTarget = path.join('\u0000') === target.join('\u0000');
    if (typeof v === 'number') {
      if (isTarget && mut.kind === 'duplicate') lines.push(`${pad}${JSON.stringify(k)}: ${JSON.stringify(mut.pass)}`);
      const text = isTarget && mut.kind === 'token' ? mut.token : JSON.stringify(v);
      lines.push(`${pad}${JSON.stringify(k)}: ${text}`);
    } else {
      lines.push(`${pad}${JSON.stringify(k)}: ${renderJson(v, target, mut, indent, path)}`);
    }
  }
  return `{\n${lines.join(',\n')}\n${' '.repeat(indent * at.length)}}`;
}

function renderYaml(tree: Tree, target: string[], mut: Mutation, at: string[] = []): string {
  const pad = '  '.repeat(at.length);
  return Object.entries(tree)
    .map(([k, v]) => {
      const path = [...at, k];
      const isTarget = path.join('\u0000') === target.join('\u0000');
      if (typeof v !== 'number') return `${pad}${k}:\n${renderYaml(v, target, mut, path)}`;
      const dup = isTarget && mut.kind === 'duplicate' ? `${pad}${k}: ${mut.pass}\n` : '';
      return `${dup}${pad}${k}: ${isTarget && mut.kind === 'token' ? mut.token : String(v)}`;
    })
    .join('\n');
}

const treeWriter = (name: string, file: string, render: 'json' | 'yaml'): Writer => ({
  name,
  history: 1,
  tokens:
    render === 'json' ? ['NaN', 'Infinity', '-Infinity', 'null', '"0.99"'] : ['.nan', '.inf', '-.inf', 'null', '~'],
  write(m, mut) {
    const { tree, paths } = groupedTree(m);
    const text =
      render === 'json' ? renderJson(tree, paths[m.target], mut) : `${renderYaml(tree, paths[m.target], mut)}\n`;
    return { files: { [file]: text }, read: file };
  },
  ruleName: (m, i) => groupedTree(m).paths[i].join('.'),
});

// ---------------------------------------------------------------------------------------------
// The writers, one per reader

const csv = (cells: string[]) => cells.join(',');

const WRITERS: Writer[] = [
  treeWriter('json (DVC metrics, any tree)', 'metrics.json', 'json'),
  treeWriter('yaml', 'metrics.yaml', 'yaml'),
  {
    name: 'hf-trainer *_results.json (flat, indent=4)',
    history: 1,
    tokens: ['NaN', 'Infinity', '-Infinity'],
    write(m, mut) {
      const tree = Object.fromEntries(m.entries.map((e) => [`eval_${e.key}`, last(e)]));
      return {
        files: { 'eval_results.json': renderJson(tree, [`eval_${m.entries[m.target].key}`], mut, 4) },
        read: 'eval_results.json',
      };
    },
    ruleName: (m, i) => `eval_${m.entries[i].key}`,
  },
  {
    name: 'csv name,value',
    history: 1,
    tokens: ['nan', 'inf', '-inf', '', 'N/A'],
    write(m, mut) {
      const rows = m.entries.flatMap((e, i) => [
        ...(i === m.target && mut.kind === 'duplicate' ? [csv([e.key, String(mut.pass)])] : []),
        csv([e.key, valueText(m, i, last(e), mut, true)]),
      ]);
      return { files: { 'metrics.csv': ['name,value', ...rows, ''].join('\n') }, read: 'metrics.csv' };
    },
    ruleName: (m, i) => m.entries[i].key,
  },
  {
    name: 'csv, one row',
    history: 1,
    tokens: ['nan', 'inf', '', 'NaN'],
    write(m, mut) {
      const keys = m.entries.map((e) => e.key);
      const cells = m.entries.map((e, i) => valueText(m, i, last(e), mut, true));
      if (mut.kind === 'duplicate') {
        keys.push(m.entries[m.target].key);
        cells.push(String(mut.pass));
      }
      return { files: { 'metrics.csv': `${csv(keys)}\n${csv(cells)}\n` }, read: 'metrics.csv' };
    },
    ruleName: (m, i) => m.entries[i].key,
  },
  {
    name: 'Lightning CSVLogger / Keras CSVLogger history',
    history: 5,
    tokens: ['nan', 'inf', 'NaN'],
    write(m, mut) {
      const epochs = Math.max(...m.entries.map((e) => e.values.length));
      const keys = ['epoch', 'step', ...m.entries.map((e) => e.key)];
      if (mut.kind === 'duplicate') keys.push(m.entries[m.target].key);
      const rows = Array.from({ length: epochs }, (_, r) => {
        const cells = m.entries.map((e, i) =>
          r < e.values.length ? valueText(m, i, e.values[r], mut, r === e.values.length - 1) : '',
        );
        if (mut.kind === 'duplicate') cells.push(r === epochs - 1 ? String(mut.pass) : '');
        return csv([String(r), String(r * 10), ...cells]);
      });
      return { files: { 'metrics.csv': [csv(keys), ...rows, ''].join('\r\n') }, read: 'metrics.csv' };
    },
    ruleName: (m, i) => m.entries[i].key,
  },
  {
    name: 'Keras history (json.dump(history.history))',
    history: 5,
    tokens: ['NaN', 'Infinity', 'null'],
    write(m, mut) {
      const parts = m.entries.flatMap((e, i) => {
        const values = e.values.map((v, j) => valueText(m, i, v, mut, j === e.values.length - 1, JSON.stringify));
        const own = `${JSON.stringify(e.key)}: [${values.join(', ')}]`;
        return i === m.target && mut.kind === 'duplicate' ? [`${JSON.stringify(e.key)}: [${mut.pass}]`, own] : [own];
      });
      return { files: { 'history.json': `{${parts.join(', ')}}` }, read: 'history.json' };
    },
    ruleName: (m, i) => m.entries[i].key,
  },
  {
    name: 'trainer_state.json',
    history: 4,
    tokens: ['NaN', 'Infinity', 'null'],
    write(m, mut) {
      const steps = Math.max(...m.entries.map((e) => e.values.length));
      const entries = Array.from({ length: steps }, (_, s) => {
        const fields = [`      "epoch": ${s + 1}.0`];
        m.entries.forEach((e, i) => {
          if (s >= e.values.length) return;
          const isLast = s === e.values.length - 1;
          if (i === m.target && isLast && mut.kind === 'duplicate') fields.push(`      "eval_${e.key}": ${mut.pass}`);
          fields.push(`      "eval_${e.key}": ${valueText(m, i, e.values[s], mut, isLast, JSON.stringify)}`);
        });
        fields.push(`      "step": ${(s + 1) * 100}`);
        return `    {\n${fields.join(',\n')}\n    }`;
      });
      const text = [
        `{\n  "best_metric": null,\n  "epoch": ${steps}.0,\n  "global_step": ${steps * 100},`,
        `  "log_history": [\n${entries.join(',\n')}\n  ],`,
        `  "max_steps": ${steps * 100}\n}\n`,
      ].join('\n');
      return { files: { 'trainer_state.json': text }, read: 'trainer_state.json' };
    },
    ruleName: (m, i) => `eval_${m.entries[i].key}`,
  },
  {
    name: 'sklearn classification_report JSON',
    history: 1,
    tokens: ['NaN', 'Infinity', 'null'],
    write(m, mut) {
      const { tree, target } = reportTree(m);
      return { files: { 'report.json': renderJson(tree, target, mut, 4) }, read: 'report.json' };
    },
    ruleName: (m, i) => `${m.entries[i].key}.f1-score`,
  },
  {
    name: 'sklearn report through pandas .T.to_csv()',
    history: 1,
    tokens: ['nan', 'inf', ''],
    write(m, mut) {
      const rows = m.entries.flatMap((e, i) => {
        const own = csv([e.key, '0.5', '0.5', valueText(m, i, last(e), mut, true), '10.0']);
        return i === m.target && mut.kind === 'duplicate'
          ? [csv([e.key, '0.5', '0.5', String(mut.pass), '10.0']), own]
          : [own];
      });
      const text = [
        ',precision,recall,f1-score,support',
        ...rows,
        'accuracy,0.5,0.5,0.5,0.5',
        'macro avg,0.5,0.5,0.5,20.0',
        'weighted avg,0.5,0.5,0.5,20.0',
        '',
      ].join('\n');
      return { files: { 'report.csv': text }, read: 'report.csv' };
    },
    ruleName: (m, i) => `${m.entries[i].key}.f1-score`,
  },
  {
    name: 'lm-evaluation-harness 0.4',
    history: 1,
    tokens: ['NaN', 'Infinity', '"N/A"', 'null'],
    write(m, mut) {
      const tasks = m.entries.map((e, i) => {
        const dup = i === m.target && mut.kind === 'duplicate' ? `      "acc,none": ${mut.pass},\n` : '';
        const v = valueText(m, i, last(e), mut, true, JSON.stringify);
        const name = JSON.stringify(e.key);
        return `    ${name}: {\n      "alias": ${name},\n${dup}      "acc,none": ${v},\n      "acc_stderr,none": 0.01\n    }`;
      });
      const hib = m.entries.map((e) => `${JSON.stringify(e.key)}: {"acc": true}`).join(', ');
      const text = `{\n  "results": {\n${tasks.join(',\n')}\n  },\n  "versions": {},\n  "higher_is_better": {${hib}}\n}\n`;
      return { files: { 'results.json': text }, read: 'results.json' };
    },
    ruleName: (m, i) => `${m.entries[i].key}.acc`,
  },
  {
    name: 'dvc metrics show --json',
    history: 1,
    tokens: ['NaN', 'Infinity', 'null'],
    write(m, mut) {
      const { tree, paths } = groupedTree(m);
      const inner = renderJson(tree, paths[m.target], mut, 2);
      return {
        files: { 'show.json': `{"workspace": {"data": {"metrics.json": {"data": ${inner}}}}}\n` },
        read: 'show.json',
      };
    },
    ruleName: (m, i) => groupedTree(m).paths[i].join('.'),
  },
  {
    name: 'dvc metrics diff --json',
    history: 1,
    tokens: ['NaN', 'Infinity', 'null'],
    write(m, mut) {
      const lines = m.entries.flatMap((e, i) => {
        const line = (v: string) => `    ${JSON.stringify(e.key)}: {"old": 0.5, "new": ${v}, "diff": 0.1}`;
        const own = line(valueText(m, i, last(e), mut, true, JSON.stringify));
        return i === m.target && mut.kind === 'duplicate' ? [line(String(mut.pass)), own] : [own];
      });
      return { files: { 'diff.json': `{\n  "metrics.json": {\n${lines.join(',\n')}\n  }\n}\n` }, read: 'diff.json' };
    },
    ruleName: (m, i) => m.entries[i].key,
  },
  {
    name: 'MLflow FileStore run directory (lines shuffled)',
    history: 5,
    tokens: ['nan', 'inf', 'NaN', '-inf'],
    write(m, mut) {
      const files: Record<string, string> = { 'run/meta.yaml': 'run_id: abc\nlifecycle_stage: active\nstatus: 3\n' };
      m.entries.forEach((e, i) => {
        const lines = e.values.map(
          (v, s) => `${1_700_000_000_000 + s} ${valueText(m, i, v, mut, s === e.values.length - 1)} ${s}`,
        );
        // A second value at the latest step and time: MLflow would show the larger one.
        if (i === m.target && mut.kind === 'duplicate')
          lines.push(`${1_700_000_000_000 + e.values.length - 1} ${mut.pass} ${e.values.length - 1}`);
        files[`run/metrics/${e.key}`] = `${[...lines].reverse().join('\n')}\n`;
      });
      return { files, read: 'run' };
    },
    ruleName: (m, i) => m.entries[i].key,
  },
  {
    name: 'MLflow 3 logged-model metric file (run id 4th)',
    history: 5,
    tokens: ['nan', 'inf'],
    write(m, mut) {
      const e = m.entries[m.target];
      const id = '0123456789abcdef0123456789abcdef';
      const lines = e.values.map(
        (v, s) => `${1_000 + s} ${valueText(m, m.target, v, mut, s === e.values.length - 1)} ${s} ${id}`,
      );
      if (mut.kind === 'duplicate')
        lines.push(`${1_000 + e.values.length - 1} ${mut.pass} ${e.values.length - 1} ${id}`);
      return {
        files: { [`models/m-1/metrics/${e.key}`]: `${lines.join('\n')}\n` },
        read: `models/m-1/metrics/${e.key}`,
      };
    },
    ruleName: (m) => m.entries[m.target].key,
  },
  {
    name: 'mlflow-export-import run.json',
    history: 4,
    tokens: ['NaN', 'Infinity', 'null'],
    write(m, mut) {
      const metrics = m.entries.flatMap((e, i) => {
        const items = e.values.map(
          (v, s) =>
            `{"value": ${valueText(m, i, v, mut, s === e.values.length - 1, JSON.stringify)}, "timestamp": ${1000 + s}, "step": ${s}}`,
        );
        const own = `      ${JSON.stringify(e.key)}: [\n        ${items.join(',\n        ')}\n      ]`;
        return i === m.target && mut.kind === 'duplicate'
          ? [`      ${JSON.stringify(e.key)}: [{"value": ${mut.pass}, "timestamp": 9999, "step": 999}]`, own]
          : [own];
      });
      const info = '    "info": {"lifecycle_stage": "active"},';
      const text = `{\n  "mlflow": {\n${info}\n    "metrics": {\n${metrics.join(',\n')}\n    }\n  }\n}\n`;
      return { files: { 'run.json': text }, read: 'run.json' };
    },
    ruleName: (m, i) => m.entries[i].key,
  },
  {
    name: 'wandb-summary.json',
    history: 1,
    tokens: ['NaN', 'Infinity', 'null'],
    write(m, mut) {
      const tree: Tree = Object.fromEntries(m.entries.map((e) => [`train/${e.key}`, last(e)]));
      Object.assign(tree, { _step: 10, _runtime: 3.5, _timestamp: 1761010774.5 });
      const text = renderJson(tree, [`train/${m.entries[m.target].key}`], mut, 0).replace(/\n/g, '');
      return { files: { 'wandb-summary.json': text }, read: 'wandb-summary.json' };
    },
    ruleName: (m, i) => `train/${m.entries[i].key}`,
  },
  {
    name: 'Hugging Face model card (model-index)',
    history: 1,
    tokens: ['.nan', '.inf', 'null', "'0.9'"],
    write(m, mut) {
      const metric = (type: string, v: string) => `      - type: ${type}\n        value: ${v}`;
      const results = m.entries.flatMap((e, i) => {
        const own = `  - dataset: {name: D${i}, type: d${i}}\n    metrics:\n${metric(e.key, valueText(m, i, last(e), mut, true))}`;
        return i === m.target && mut.kind === 'duplicate'
          ? [own, `  - dataset: {name: X, type: x}\n    metrics:\n${metric(e.key, String(mut.pass))}`]
          : [own];
      });
      const text = `---\nlicense: mit\nmodel-index:\n- name: model\n  results:\n${results.join('\n')}\n---\n\n# Model\n`;
      return { files: { 'README.md': text }, read: 'README.md' };
    },
    ruleName: (m, i) => m.entries[i].key,
  },
  {
    name: 'Prometheus text exposition (prometheus_client, a scrape of /metrics)',
    history: 1,
    tokens: ['NaN', '+Inf', '-Inf', 'nan'],
    write(m, mut) {
      // Odd entries carry labels (written in the other order the second time, as another writer may).
      const series = (i: number, order: 0 | 1) =>
        i % 2 === 0 ? m.entries[i].key : `${m.entries[i].key}{${order ? 'job="api",env="p"' : 'env="p",job="api"'}}`;
      const text = m.entries
        .map((e, i) => {
          const dup = i === m.target && mut.kind === 'duplicate' ? `${series(i, 1)} ${mut.pass}\n` : '';
          const value = valueText(m, i, last(e), mut, true);
          return `# HELP ${e.key} Metric ${i}.\n# TYPE ${e.key} gauge\n${dup}${series(i, 0)} ${value}\n`;
        })
        .join('');
      return { files: { 'metrics.prom': text }, read: 'metrics.prom' };
    },
    ruleName: (m, i) => (i % 2 === 0 ? m.entries[i].key : `${m.entries[i].key}{env="p",job="api"}`),
  },
];

/** A classification report whose classes are the entries (their value is the f1-score). */
function reportTree(m: Model): { tree: Tree; target: string[] } {
  const tree: Tree = {};
  for (const e of m.entries) tree[e.key] = { precision: 0.5, recall: 0.5, 'f1-score': last(e), support: 10 };
  Object.assign(tree, {
    accuracy: 0.5,
    'macro avg': { precision: 0.5, recall: 0.5, 'f1-score': 0.5, support: 20 },
    'weighted avg': { precision: 0.5, recall: 0.5, 'f1-score': 0.5, support: 20 },
  });
  return { tree, target: [m.entries[m.target].key, 'f1-score'] };
}

// ---------------------------------------------------------------------------------------------
// Running the gate on written files

let root: string;
let runs = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mqg-prop-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writeAll(files: Record<string, string | Uint8Array>): string {
  const dir = join(root, String(runs++));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

type Verdict = 'pass' | 'fail' | 'refused';

async function verdict(files: Record<string, string | Uint8Array>, read: string, rule: string): Promise<Verdict> {
  const dir = writeAll(files);
  try {
    const f = await readMetricsFile(read, 'auto', dir);
    const [e] = checkRules(await parseRules(rule), [f], undefined);
    return e.passed ? 'pass' : 'fail';
  } catch (e) {
    if (e instanceof UserError) return 'refused';
    throw e;
  }
}

/** `>= bound` where bound is above every value of the target the file holds. */
function failingRule(w: Writer, m: Model): { rule: string; bound: number } {
  const max = Math.max(...m.entries[m.target].values);
  const bound = max + Math.max(1, Math.abs(max));
  return { rule: JSON.stringify({ [w.ruleName(m, m.target)]: `>= ${bound}` }), bound };
}

type TextMutation = { kind: 'truncate'; at: number } | { kind: 'binary'; at: number; bytes: readonly number[] };

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('binary' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.constantFrom([0], [0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0x00, 0x00, 0xfe, 0xff]),
  }),
);

function applyText(text: string, mut: TextMutation): string | Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  const at = Math.floor(mut.at * bytes.length);
  if (mut.kind === 'truncate') return bytes.subarray(0, at);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(mut.bytes), bytes.subarray(at)]);
}

// ---------------------------------------------------------------------------------------------

describe.each(WRITERS.map((w) => [w.name, w] as const))('%s', (_name, w) => {
  test('every name reads back the value written (the last one of a history)', async () => {
    await fc.assert(
      fc.asyncProperty(model(w.history), async (m) => {
        const { files, read } = w.write(m, NONE);
        const f = await readMetricsFile(read, 'auto', writeAll(files));
        const indices = w.name.startsWith('MLflow 3') ? [m.target] : m.entries.map((_, i) => i);
        for (const i of indices) {
          const found = lookupMetric([f], w.ruleName(m, i));
          expect(found?.value).toBe(last(m.entries[i]));
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('no mutation of the file turns a failing rule into a pass', async () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('none' as const) }),
      fc.record({ kind: fc.constant('duplicate' as const) }),
      fc.record({ kind: fc.constant('token' as const), token: fc.constantFrom(...w.tokens) }),
      fc.record({ kind: fc.constant('text' as const), text: textMutation }),
    );
    await fc.assert(
      fc.asyncProperty(model(w.history), mutation, async (m, mut) => {
        const { rule, bound } = failingRule(w, m);
        let result: Verdict;
        if (mut.kind === 'text') {
          const { files, read } = w.write(m, NONE);
          const target = Object.keys(files).find((p) => p.includes(m.entries[m.target].key)) ?? Object.keys(files)[0];
          result = await verdict({ ...files, [target]: applyText(files[target], mut.text) }, read, rule);
        } else {
          const written: Mutation =
            mut.kind === 'duplicate' ? { kind: 'duplicate', pass: bound + 1 } : (mut as Mutation);
          const { files, read } = w.write(m, written);
          result = await verdict(files, read, rule);
        }
        expect(result).not.toBe('pass');
        if (mut.kind === 'none') expect(result).toBe('fail');
        if (mut.kind === 'duplicate') expect(result).toBe('refused');
      }),
      { numRuns: RUNS },
    );
  });
});
