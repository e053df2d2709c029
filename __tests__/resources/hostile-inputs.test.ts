/**
 * Resource bounds, on the built action run as the runner runs it (dist/index.js, INPUT_* variables):
 * for every input kind, small hostile files — aliases, nesting, huge cells, huge names, lying
 * metadata, decompression bombs, binary bytes — must end within RUN_TIME_BOUND_S seconds and
 * RSS_BOUND_MB of peak memory, with one clear error at the right place (or a correct result).
 * The peak RSS is the child's own (VmHWM, recorded at exit by peak-rss.mjs); the bounds are
 * what the test states, not speed targets. Limits: docs/limits.md.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  parseCommands,
  parseOutputFile,
  prepareRun,
  ROOT,
  tempDir,
  type ActionRun,
} from '../../scripts/lib/run-action.mjs';
import { expectBadInput } from '../helpers/bad-input.js';
import { writeParquet } from '../data/parquet-writer.js';

const RUN_TIME_BOUND_S = 10;
const RSS_BOUND_MB = 300;
const PRELOAD = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));

interface MeasuredRun extends ActionRun {
  seconds: number;
  peakRssMb: number;
}

/** runAction, with the child's wall time and peak RSS (killed after 60 s: a hang fails the bound). */
function runMeasured(inputs: Record<string, string>, cwd: string): MeasuredRun {
  const rssFile = join(tempDir('mlqg-rss-'), 'peak');
  const run = prepareRun(inputs, cwd, { MLQG_PEAK_RSS_FILE: rssFile });
  const start = performance.now();
  const res = spawnSync(process.execPath, ['--import', pathToFileURL(PRELOAD).href, ...run.args], {
    ...run.options,
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  const commands = [...parseCommands(res.stdout, 'stdout'), ...parseCommands(res.stderr, 'stderr')];
  return {
    code: res.status,
    stdout: res.stdout,
    stderr: res.stderr,
    outputs: parseOutputFile(readFileSync(run.outputFile, 'utf8')),
    summary: readFileSync(run.summaryFile, 'utf8'),
    commands,
    errors: commands.filter((c) => c.command === 'error'),
    warnings: commands.filter((c) => c.command === 'warning'),
    seconds,
    // No file: the child was killed (out of memory, or the 60 s timeout) before it could exit.
    peakRssMb: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Infinity,
  };
}

const cwd = tempDir('mlqg-hostile-');
const put = (name: string, content: string | Buffer) => {
  writeFileSync(join(cwd, name), content);
  return name;
};

// Small files: a few hundred bytes to a few MB, each built to blow up one parser.
const laughs =
  'a: &a [x, x, x, x, x, x, x, x, x]\n' +
  'bcdefghi'
    .split('')
    .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]\n`)
    .join('') +
  'accuracy: 0.9\n';
const deepJson = (key: string) => `{"${key}": ${'['.repeat(100000)}${']'.repeat(100000)}}`;
const numpyYaml = readFileSync(join(ROOT, '__tests__/fixtures/yaml/numpy-dump.yaml'));

put('metrics.json', '{"accuracy": 0.95, "f1": 0.9}\n');
put('ok.csv', 'id,note,score\n1,a,0.5\n2,b,0.7\n3,c,0.9\n');
put('expectations.yml', 'table:\n  row-count: { min: 1 }\n');

interface Case {
  name: string;
  inputs: Record<string, string>;
  /** Fragments of the one error, as a reader sees it (`file:line:col: message`). */
  error: string[];
}

const cases: Case[] = [
  // thresholds
  {
    name: 'thresholds: billion laughs (0.3 kB)',
    inputs: { stage: 'gate', metrics: 'metrics.json', thresholds: put('laughs-rules.yml', laughs) },
    error: ['laughs-rules.yml:5:8: aliases expand to more than 10000 values (the limit)'],
  },
  {
    name: 'thresholds: an alias inside its own anchor',
    inputs: { stage: 'gate', metrics: 'metrics.json', thresholds: put('cycle.yml', 'accuracy: &x [*x]\n') },
    error: ['cycle.yml:1:15: alias *x is inside the collection &x it names (a cycle)'],
  },
  {
    name: 'thresholds: JSON nested 100 000 deep',
    inputs: { stage: 'gate', metrics: 'metrics.json', thresholds: put('deep-rules.json', deepJson('accuracy')) },
    error: ['deep-rules.json:1:269: nested deeper than 256 levels (the limit)'],
  },
  {
    name: 'thresholds: a 2 MB rule name',
    inputs: {
      stage: 'gate',
      metrics: 'metrics.json',
      thresholds: put('long-name.json', `{"${'n'.repeat(2_000_000)}": ">= 0.9"}`),
    },
    error: ['long-name.json:1:2: a key is 2000000 characters long'],
  },
  {
    name: 'thresholds: a configuration over 4 MB',
    inputs: {
      stage: 'gate',
      metrics: 'metrics.json',
      thresholds: put('big-rules.yml', `accuracy: ">= 0.9"\n${'# padding\n'.repeat(500_000)}`),
    },
    error: ['big-rules.yml: thresholds file is 4.8 MB; the limit is 4.0 MB'],
  },
  // metrics files
  {
    name: 'metrics: billion laughs',
    inputs: { stage: 'gate', metrics: put('laughs-metrics.yaml', laughs), thresholds: 'accuracy: 0.9' },
    error: ['laughs-metrics.yaml:5:8: aliases expand to more than 10000 values'],
  },
  {
    name: 'metrics: JSON nested 100 000 deep',
    inputs: { stage: 'gate', metrics: put('deep-metrics.json', deepJson('accuracy')), thresholds: 'accuracy: 0.9' },
    error: ['deep-metrics.json:1:269: nested deeper than 256 levels'],
  },
  {
    name: 'metrics: yaml.dump of numpy values',
    inputs: { stage: 'validate', metrics: put('numpy.yaml', numpyYaml) },
    error: ['numpy.yaml:1:11: the YAML tag !!python/object/apply:numpy.core.multiarray.scalar holds a Python object'],
  },
  {
    name: 'metrics: a 20 MB file',
    inputs: {
      stage: 'gate',
      metrics: put('huge-metrics.json', `{${Array.from({ length: 700_000 }, (_, i) => `"m${i}": 0.5`).join(', ')}}`),
      thresholds: 'm1: 0.1',
    },
    error: ['huge-metrics.json: metrics file is', 'the limit is 8.0 MB'],
  },
  {
    name: 'metrics: a 3 MB string value',
    inputs: {
      stage: 'gate',
      metrics: put('long-value.json', `{"accuracy": 0.9, "note": "${'v'.repeat(3_000_000)}"}`),
      thresholds: 'accuracy: 0.8',
    },
    error: ['long-value.json:1:27: a string value is 3000000 characters long'],
  },
  {
    name: 'metrics-schema: YAML nested a million deep',
    inputs: {
      stage: 'validate',
      metrics: 'metrics.json',
      'metrics-schema': put('deep.schema.yaml', `type: ${'['.repeat(1e6)}${']'.repeat(1e6)}\n`),
    },
    error: ['deep.schema.yaml: the metrics schema is not valid YAML (nested deeper than 256 levels (the limit))'],
  },
  // expectations and drift-config
  {
    name: 'expectations: billion laughs',
    inputs: { stage: 'validate', data: 'ok.csv', expectations: put('laughs-exp.yml', laughs) },
    error: ['laughs-exp.yml:5:8: aliases expand to more than 10000 values'],
  },
  {
    name: 'expectations: JSON nested 100 000 deep',
    inputs: { stage: 'validate', data: 'ok.csv', expectations: put('deep-exp.json', deepJson('table')) },
    error: ['deep-exp.json:1:266: nested deeper than 256 levels'],
  },
  {
    name: 'drift-config: JSON nested 100 000 deep',
    inputs: {
      stage: 'drift',
      reference: 'ok.csv',
      current: 'ok.csv',
      'drift-config': put('deep-drift.json', deepJson('score')),
    },
    error: ['deep-drift.json:1:266: nested deeper than 256 levels'],
  },
  {
    name: 'drift-config: billion laughs',
    inputs: { stage: 'drift', reference: 'ok.csv', current: 'ok.csv', 'drift-config': put('laughs-drift.yml', laughs) },
    error: ['laughs-drift.yml:5:8: aliases expand to more than 10000 values'],
  },
  // data files
  {
    name: 'CSV: a 20 MB cell',
    inputs: {
      stage: 'validate',
      data: put('big-cell.csv', `id,note\n1,ok\n2,${'x'.repeat(20e6)}\n`),
      expectations: 'expectations.yml',
    },
    error: ['big-cell.csv:3: a record is longer than 16.0 MB (the limit)'],
  },
  {
    name: 'CSV: a 2 MB cell',
    inputs: {
      stage: 'validate',
      data: put('cell.csv', `id,note\n1,ok\n2,"${'x'.repeat(2e6)}"\n`),
      expectations: 'expectations.yml',
    },
    error: ['cell.csv:3: a cell of column "note" is 1.9 MB; the limit is 1.0 MB'],
  },
  {
    name: 'CSV: a 10 MB column name',
    inputs: { stage: 'drift', reference: put('big-name.csv', `id,${'n'.repeat(10e6)}\n1,2\n`), current: 'ok.csv' },
    error: ['big-name.csv:1: a column name is 10000000 characters long'],
  },
  {
    name: 'CSV: a header of a million columns',
    inputs: {
      stage: 'validate',
      data: put('wide.csv', `${Array.from({ length: 1e6 }, (_, i) => `c${i}`).join(',')}\n1\n`),
      expectations: 'expectations.yml',
    },
    error: ['wide.csv:1: the file has more than 10000 columns (the limit)'],
  },
  {
    name: 'CSV: NUL bytes',
    inputs: {
      stage: 'validate',
      data: put('nul.csv', Buffer.from('id,note\n1,a\n2,b\u0000c\n')),
      expectations: 'expectations.yml',
    },
    error: ['nul.csv:3: the file holds binary data (a NUL byte at offset 15), not text'],
  },
  {
    // 16 gzip members of 64 MB of one-digit rows each: a 1 MB file that expands to 1 GB.
    name: 'CSV: a 1 MB gzip bomb (1 GB of one-digit rows)',
    inputs: {
      stage: 'validate',
      data: put(
        'bomb.csv.gz',
        Buffer.concat([gzipSync('a\n'), ...Array(16).fill(gzipSync('0\n'.repeat(32 * 1024 * 1024)))]),
      ),
      expectations: 'expectations.yml',
    },
    error: ['bomb.csv.gz: the gzip file expands to more than 15.9 MB', 'decompress it first'],
  },
  {
    name: 'JSON Lines: a value nested a million deep',
    inputs: {
      stage: 'validate',
      data: put('deep.jsonl', `{"a": 1}\n{"a": ${'['.repeat(1e6)}${']'.repeat(1e6)}}\n`),
      expectations: 'expectations.yml',
    },
    error: ['deep.jsonl:2:262: nested deeper than 256 levels'],
  },
  {
    name: 'JSON Lines: a 20 MB line',
    inputs: { stage: 'drift', reference: put('big-line.jsonl', `{"a": "${'x'.repeat(20e6)}"}\n`), current: 'ok.csv' },
    error: ['big-line.jsonl:1: a line is longer than 16.0 MB (the limit)'],
  },
  {
    name: 'JSON Lines: 50 000 rows that share no key (would be 2.5·10^9 cells)',
    inputs: {
      stage: 'validate',
      data: put('sparse.jsonl', Array.from({ length: 50000 }, (_, i) => `{"k${i}": 1}`).join('\n')),
      expectations: 'expectations.yml',
    },
    error: ['sparse.jsonl:1025: the rows share too few keys'],
  },
  {
    name: 'Parquet: a 200-byte footer claiming 10^11 rows',
    inputs: {
      stage: 'validate',
      data: put(
        'lie.parquet',
        writeParquet([{ name: 'a', type: 'INT32', values: [1, 2, 3] }], { numRows: 10n ** 11n }),
      ),
      expectations: 'expectations.yml',
    },
    error: ['lie.parquet: the Parquet footer claims 100000000000 rows × 1 columns'],
  },
  {
    name: 'Parquet: column chunks claiming 10^11 values',
    inputs: {
      stage: 'drift',
      reference: put(
        'chunk.parquet',
        writeParquet([{ name: 'a', type: 'INT32', values: [1, 2] }], { chunkValues: 10n ** 11n }),
      ),
      current: put('fine.parquet', writeParquet([{ name: 'a', type: 'INT32', values: [1, 2] }])),
    },
    error: ['chunk.parquet: the Parquet footer claims 100000000000 values in its column chunks'],
  },
  // profiles
  {
    name: 'profile: nested 100 000 deep',
    inputs: { stage: 'drift', reference: put('deep-profile.json', deepJson('format')), current: 'ok.csv' },
    error: ['deep-profile.json:1:267: nested deeper than 256 levels'],
  },
];

describe('hostile inputs to the built action stay within time and memory bounds', () => {
  test.each(cases.map((c) => [c.name, c] as const))(
    '%s',
    (_name, c) => {
      const run = runMeasured(c.inputs, cwd);
      // MLQG_RESOURCE_LOG=<file> records each run's figures (for docs and reports).
      if (process.env.MLQG_RESOURCE_LOG) {
        appendFileSync(
          process.env.MLQG_RESOURCE_LOG,
          `${c.name}\t${run.seconds.toFixed(2)} s\t${Math.round(run.peakRssMb)} MB\n`,
        );
      }
      expect(run.seconds).toBeLessThan(RUN_TIME_BOUND_S);
      expect(run.peakRssMb).toBeLessThan(RSS_BOUND_MB);
      expectBadInput(run, {}, ...c.error);
    },
    90_000,
  );

  test('an honest run measures the same way (the bounds are not met vacuously)', () => {
    const run = runMeasured({ stage: 'gate', metrics: 'metrics.json', thresholds: 'accuracy: ">= 0.9"' }, cwd);
    expect(run.code).toBe(0);
    expect(run.outputs.passed).toBe('true');
    expect(run.peakRssMb).toBeGreaterThan(20);
    expect(run.peakRssMb).toBeLessThan(RSS_BOUND_MB);
  });
});
