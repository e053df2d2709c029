/**
 * Fuzzing every parser of a tree the user writes: metrics files (JSON, YAML, CSV, model cards,
 * MLflow metric files, through readMetricsFile as the stages read them), thresholds, expectations,
 * drift-config, and the YAML fast path against the full YAML parser. Inputs are real files of the
 * repository, mutated (harness.ts). Bounds: see harness.ts.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { UserError } from '../../src/errors.js';
import { loadDriftConfig } from '../../src/drift/config.js';
import { readMetricsFile } from '../../src/metrics/read.js';
import { parseRules } from '../../src/rules/parse.js';
import { parseExpectations } from '../../src/validate/parse.js';
import { parseSimpleYaml } from '../../src/tree/yaml-lite.js';
import { parseFullYaml } from '../../src/tree/yaml.js';
import { filesUnder, fuzz, HOSTILE_TOKENS, mutated, resultOrUserError, scratch } from './harness.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (paths: string[]) => paths.map((p) => readFileSync(p));
const TIMEOUT = 120_000;

describe('fuzz: tree parsers end in a result or a UserError', () => {
  const tmp = scratch();

  test(
    'metrics files (JSON, YAML, CSV, model cards, MLflow), through readMetricsFile',
    async () => {
      const files = filesUnder(join(ROOT, '__tests__/fixtures/metrics'), /\.(json|ya?ml|csv|md)$|-metrics-/);
      expect(files.length).toBeGreaterThan(20);
      const seeds = files.map((f) => ({ name: basename(f), bytes: readFileSync(f) }));
      const arb = fc
        .tuple(fc.constantFrom(...seeds), fc.constant(null))
        .chain(([seed]) => mutated([seed.bytes]).map((bytes) => ({ name: seed.name, bytes })));
      await fuzz(arb, ({ name, bytes }) => readMetricsFile(tmp.write(name, bytes)), 300);
    },
    TIMEOUT,
  );

  test(
    'thresholds (parseRules)',
    async () => {
      const seeds = read([
        ...filesUnder(join(ROOT, '__tests__/fixtures/gate'), /rule|unknown-key|malformed/),
        join(ROOT, 'examples/gate.yml'),
      ]);
      seeds.push(
        Buffer.from('accuracy: ">= 0.9"\nf1: { min: 0.8, max-drop: 0.02 }\nloss: { max: 0.3, direction: lower }\n'),
      );
      seeds.push(Buffer.from('{"accuracy": ">= 0.9", "f1": {"min": 0.8, "max-drop-pct": 5}}'));
      await fuzz(mutated(seeds), (bytes) => parseRules(bytes.toString('utf8'), 'thresholds.yml'), 250);
    },
    TIMEOUT,
  );

  test(
    'expectations (parseExpectations)',
    async () => {
      const seeds = read([
        join(ROOT, 'examples/validate/expectations.yml'),
        join(ROOT, 'examples/project/expectations.yml'),
        ...filesUnder(join(ROOT, '__tests__/fixtures/validate'), /\.yml$/),
      ]);
      await fuzz(mutated(seeds), (bytes) => parseExpectations(bytes.toString('utf8'), 'expectations.yml'), 200);
    },
    TIMEOUT,
  );

  test(
    'drift-config (loadDriftConfig, inline and as a file)',
    async () => {
      const seeds = [
        'age: { method: ks, threshold: 0.01 }\nplan: chi2\nincome: { threshold: 0.2 }\n',
        '{"age": {"method": "psi", "threshold": 0.1}, "plan": "chi2"}\n',
      ].map((s) => Buffer.from(s));
      await fuzz(
        fc.tuple(mutated(seeds), fc.boolean()),
        ([bytes, asFile]) => loadDriftConfig(asFile ? tmp.write('drift.yml', bytes) : `${bytes.toString('utf8')}\n`),
        200,
      );
    },
    TIMEOUT,
  );
});

describe('fuzz: the YAML fast path agrees with the full parser or steps aside', () => {
  // YAML-ish documents built from the pieces configuration files are made of, then mutated.
  const key = fc.oneof(
    fc.constantFrom('accuracy', 'f1', 'macro avg', 'a b', '"quoted key"', "'it''s'", '<<', '010', 'x-y', '__proto__'),
    fc.stringMatching(/^[a-z][a-z0-9_.-]{0,8}$/),
  );
  const scalar = fc.oneof(
    fc.constantFrom(
      '0.9',
      '">= 0.9"',
      "'<= 1'",
      '1.',
      '.5',
      '-2.5e3',
      '+7',
      '007',
      '0x1F',
      '.inf',
      '.nan',
      'null',
      '~',
    ),
    fc.constantFrom('true', 'False', 'yes', 'v1.2', 'a#b', 'x # c', '1_000', '!!str 1', '&x 1', '*x', '"esc\\n"'),
    fc.double({ noNaN: true }).map(String),
    fc.stringMatching(/^[a-z ]{0,10}$/),
  );
  const flow = fc.oneof(
    fc.array(scalar, { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`),
    fc.array(fc.tuple(key, scalar), { maxLength: 4 }).map((ps) => `{ ${ps.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
  );
  // A block mapping: each key holds a scalar, a flow collection or a nested mapping (2 more spaces).
  const mapping = (depth: number): fc.Arbitrary<string[]> =>
    fc
      .array(
        fc.tuple(key, depth < 3 ? fc.oneof(scalar, flow, fc.constant(''), mapping(depth + 1)) : fc.oneof(scalar, flow)),
        { minLength: 1, maxLength: 5 },
      )
      .map((entries) =>
        entries.flatMap(([k, v]) =>
          Array.isArray(v) ? [`${k}:`, ...v.map((l) => `  ${l}`)] : [`${k}:${v === '' ? '' : ` ${v}`}`],
        ),
      );
  const doc = mapping(0).map((lines) => lines.join('\n') + '\n');
  const texts = fc.oneof(
    doc,
    doc.chain((d) => mutated([Buffer.from(d)]).map((b) => b.toString('utf8'))),
    fc.constantFrom(...HOSTILE_TOKENS),
  );

  test(
    'wherever parseSimpleYaml returns a tree, the full parser returns the same tree',
    async () => {
      let taken = 0;
      await fuzz(
        texts,
        async (text) => {
          const simple = parseSimpleYaml(text);
          if (!simple) return;
          taken++;
          const full = await resultOrUserError(() => parseFullYaml(text, 'f.yml'));
          if (full instanceof UserError)
            throw new Error(`fast path read what the full parser refuses: ${full.message}`);
          expect(simple).toEqual(full);
        },
        600,
      );
      expect(taken).toBeGreaterThan(50); // the property is not vacuous
    },
    TIMEOUT,
  );
});
