/** The promote stage's pure helpers: champion comparison, sparkline, model card, registry spec. */
import { absoluteRules, compareWithChampion } from '../../src/promote/champion.js';
import { historyBlocks, sparkline } from '../../src/promote/history.js';
import { renderModelCard, summarizeReport } from '../../src/promote/model-card.js';
import { metricsOfMessage, parseRegistrySpec } from '../../src/registry/baseline.js';
import { tagCacheKey } from '../../src/registry/tag-cache.js';
import { modelState, type RegistryTag } from '../../src/registry/registry-state.js';
import { parseTag } from '../../src/registry/gto-tags.js';
import type { MetricFile } from '../../src/metrics/types.js';
import { parseRules } from '../../src/rules/parse.js';

const file = (metrics: Record<string, number>, name = 'm.json'): MetricFile => ({
  file: name,
  format: 'json',
  metrics: Object.entries(metrics).map(([n, value]) => ({ name: n, value, file: name })),
  aliases: {},
});

describe('champion vs challenger', () => {
  test('rules without baseline checks: no worse in the metric direction; float noise is not worse', async () => {
    const rules = await parseRules('accuracy: ">= 0.8"\neval_loss: "<= 0.5"\nauc: 0.7\n');
    const champion = [file({ accuracy: 0.91, eval_loss: 0.3, auc: 0.8 })];
    const same = compareWithChampion(rules, [file({ accuracy: 0.93 - 0.02, eval_loss: 0.3, auc: 0.8 })], champion);
    expect(same.every((e) => e.passed)).toBe(true);
    const worse = compareWithChampion(rules, [file({ accuracy: 0.92, eval_loss: 0.31, auc: 0.79 })], champion);
    expect(worse.map((e) => [e.name, e.passed])).toEqual([
      ['accuracy', true],
      ['eval_loss', false],
      ['auc', false],
    ]);
    expect(worse[1]).toMatchObject({
      rule: 'no worse (lower is better)',
      champion: 0.3,
      message: "0.31 is worse than the champion's 0.3 (lower is better)",
    });
  });

  test('baseline checks use the champion as baseline: a small drop within max-drop passes', async () => {
    const rules = await parseRules('f1: { min: 0.5, max-drop: 0.02 }\nlatency_ms: { max-increase-pct: 10 }\n');
    const champion = [file({ f1: 0.9, latency_ms: 100 })];
    const r = compareWithChampion(rules, [file({ f1: 0.885, latency_ms: 111 })], champion);
    expect(r.map((e) => [e.name, e.rule, e.passed])).toEqual([
      ['f1', 'max-drop 0.02', true],
      ['latency_ms', 'max-increase 10 %', false],
    ]);
  });

  test('a gated metric the champion has no value for is a failed comparison, never a pass', async () => {
    const rules = await parseRules('new_metric: { max-drop: 0.01 }\nacc: ">= 0.1"\n');
    const r = compareWithChampion(rules, [file({ new_metric: 0.1, acc: 0.5 })], [file({ acc: 0.5 })]);
    expect(r[0]).toMatchObject({ champion: null, passed: false });
    expect(r[0].message).toContain("the champion has no value for 'new_metric'");
    expect(r[1]).toMatchObject({ champion: 0.5, passed: true });
  });

  test('absoluteRules keeps what needs no baseline', async () => {
    const rules = absoluteRules(await parseRules('f1: { min: 0.5, max-drop: 0.02 }\nx: { max-drop: 1 }\n'));
    expect(rules.map((r) => [r.text, r.checks.length])).toEqual([
      ['>= 0.5', 1],
      ['present (compared with the stage holder)', 0],
    ]);
  });
});

test('sparkline scales between min and max; flat mid-height; gaps as dots', () => {
  expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
  expect(sparkline([0.9, 0.9])).toBe('▄▄');
  expect(sparkline([1, undefined, 3])).toBe('▁·█');
  expect(sparkline([])).toBe('');
});

test('history: last 10 versions newest first, holder starred, trend per key metric', () => {
  const tags: RegistryTag[] = [];
  const at = (i: number) => Date.UTC(2024, 0, i + 1) / 1000;
  for (let i = 0; i < 12; i++) {
    const name = `churn@v0.${i + 1}.0`;
    tags.push({
      name,
      parsed: parseTag(name)!,
      commit: `${i}`.padStart(40, 'c'),
      object: `o${i}`,
      time: at(i),
      message: '',
      data: { metrics: { acc: 0.5 + i / 100 } },
    });
  }
  const stage = 'churn#prod#3';
  tags.push({
    name: stage,
    parsed: parseTag(stage)!,
    commit: tags[10].commit,
    object: 'x',
    time: at(12),
    message: '',
  });
  const blocks = historyBlocks(modelState('churn', tags, new Map()), ['acc'], 'prod');
  expect(blocks[0]).toMatchObject({ text: 'History of churn: last 10 versions (★ holds prod)' });
  const table = blocks[1] as { rows: string[][] };
  expect(table.rows).toHaveLength(10);
  expect(table.rows[0][0]).toBe('v0.12.0');
  expect(table.rows[1].slice(0, 2)).toEqual(['v0.11.0 ★', 'prod']);
  expect(table.rows[9][0]).toBe('v0.3.0');
  expect((blocks[2] as { rows: string[][] }).rows[0]).toEqual(['acc', '▁▂▃▃▄▅▆▆▇█', 'v0.3.0 → v0.12.0']);
});

test('model card: metrics, data facts and lineage, untrusted names escaped', () => {
  const md = renderModelCard({
    model: 'churn',
    version: 'v1.0.0',
    stage: 'prod',
    previousVersion: 'v0.9.0',
    commit: 'abc',
    timestamp: '2024-01-01T00:00:00.000Z',
    runUrl: 'https://github.com/o/r/actions/runs/1',
    modelFiles: ['models/a|b.onnx'],
    modelHash: 'ff',
    metricsFiles: ['m.json'],
    metrics: [{ name: 'acc<script>', value: 0.9, rule: '>= 0.8', champion: 0.85 }],
    data: [
      {
        stage: 'drift',
        facts: summarizeReport({
          drift_detected: false,
          drift_share: 0.25,
          drifted_columns: ['age'],
          columns: [{}, {}],
        }),
      },
    ],
  });
  expect(md).toContain('| acc&lt;script&gt; | 0.9 | &gt;= 0.8 | 0.85 |');
  expect(md).toContain('| drift_share | 0.25 |');
  expect(md).toContain('| drifted_columns | age |');
  expect(md).toContain('| columns | 2 entries |');
  expect(md).toContain('**Previous version in stage:** v0.9.0');
  expect(md).toContain('models/a&#124;b.onnx');
});

test('registry spec, cache key and tag message metrics', () => {
  expect(parseRegistrySpec('registry:churn@prod')).toEqual({ model: 'churn', stage: 'prod' });
  expect(parseRegistrySpec('registry:team/churn@staging')).toEqual({ model: 'team/churn', stage: 'staging' });
  expect(parseRegistrySpec('registry:Churn_XL@pre_prod')).toEqual({ model: 'Churn_XL', stage: 'pre_prod' });
  for (const bad of ['registry:churn', 'registry:@prod', 'registry:churn@', 'registry:churn model@prod']) {
    expect(() => parseRegistrySpec(bad)).toThrow(/registry:<model>@<stage>|not valid for GTO/);
  }
  const listing = [
    { name: 'churn@v1.0.0', object: 'a'.repeat(40), peeled: 'b'.repeat(40) },
    { name: 'other#prod#1', object: 'c'.repeat(40), peeled: 'd'.repeat(40) },
  ];
  const key = tagCacheKey('churn', listing);
  expect(key).toMatch(/^ml-quality-gate-registry\/churn\/[0-9a-f]{40}$/);
  // Another model's tags do not change the key; any change of the model's own tags does.
  expect(tagCacheKey('churn', [listing[0]])).toBe(key);
  expect(tagCacheKey('churn', [{ ...listing[0], object: 'e'.repeat(40) }])).not.toBe(key);
  expect({ ...metricsOfMessage({ metrics: { a: 1, b: 'x', c: null, constructor: 2 } }) }).toEqual({
    a: 1,
    constructor: 2,
  });
  expect({ ...metricsOfMessage('not json') }).toEqual({});
  expect('toString' in metricsOfMessage({ metrics: {} })).toBe(false);
});
