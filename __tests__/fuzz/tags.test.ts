/**
 * Fuzzing what the action reads from a registry's tags: tag names (parseTag, GTO's grammar) and tag
 * messages (JSON, read into a model's state, its stage holders and their metrics). Names come from
 * GTO's own examples, mutated, and from random text; messages from the message the promote stage
 * writes, mutated. Bounds: see harness.ts.
 */
import fc from 'fast-check';
import { UserError } from '../../src/errors.js';
import { holderFromState, metricsOfMessage } from '../../src/registry/baseline.js';
import { formatTag, parseTag } from '../../src/registry/gto-tags.js';
import { modelState, type RegistryTag } from '../../src/registry/registry-state.js';
import { fuzz, mutated } from './harness.js';

const TIMEOUT = 120_000;

// GTO's README and gto/tag.py TagTemplates, and what our promote stage writes.
const NAMES = [
  'churn@v0.1.0',
  'churn@v1.2.3-rc.1+build.5',
  'churn@v0.1.0!#3',
  'churn#prod#1',
  'churn#prod!#12',
  'churn#staging',
  'churn@deprecated#4',
  'team/churn-model@v2.0.0#7',
  'models/a=churn#dev#2',
];

const MESSAGE = JSON.stringify({
  model: 'churn',
  version: 'v1.4.0',
  metrics: { accuracy: 0.93, f1: 0.88, 'macro avg.f1-score': 0.87 },
  key_metrics: { accuracy: 0.93 },
  commit: '0123456789abcdef0123456789abcdef01234567',
  artifact_name: 'churn-v1.4.0',
  artifact_id: 123,
  model_files: ['model/model.pkl'],
  model_hash: 'sha256:00',
  metrics_files: ['reports/metrics.json'],
  tool: 'ml-quality-gate',
});

/** What readRegistryTags does with a message: JSON when it parses, else nothing. */
function parseMessage(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe('fuzz: registry tags', () => {
  // Names built by GTO's grammar from pieces near its edges (capitals, underscores, `dir=`, counters).
  const word = fc.oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9]([a-z0-9/-]{0,6}[a-z0-9])?$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_][a-zA-Z0-9_/.-]{0,8}$/) },
  );
  const semver = fc.stringMatching(
    /^v(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]?)\.(0|[1-9])(-[a-z0-9.]{1,6})?(\+[a-z0-9.]{1,6})?$/,
  );
  const built = fc
    .tuple(
      fc.option(
        word.map((d) => `${d}=`),
        { nil: '' },
      ),
      word,
      fc.oneof(
        semver.map((v) => `@${v}`),
        word.map((st) => `#${st}`),
        fc.constantFrom('@deprecated', '@created'),
      ),
      fc.constantFrom('', '!'),
      fc.option(
        fc.nat({ max: 10000 }).map((n) => `#${n}`),
        { nil: '' },
      ),
    )
    .map((parts) => parts.join(''));
  const names = fc.oneof(
    built,
    mutated(NAMES.map((n) => Buffer.from(n))).map((b) => b.toString('utf8')),
    fc.string({ maxLength: 64 }),
    fc.stringMatching(/^[a-z0-9=/:_.-]{1,40}[@#][a-z0-9v.!#+-]{0,30}$/),
  );

  test(
    'parseTag returns a tag or undefined for any name, and the tags it returns format back to themselves',
    async () => {
      let parsed = 0;
      await fuzz(
        names,
        (name) => {
          const tag = parseTag(name);
          if (tag) parsed++;
          return tag;
        },
        2000,
        (tag) => {
          if (!tag || tag instanceof Error) return;
          const t = tag as ReturnType<typeof parseTag> & object;
          // GTO reads a tag it wrote: formatting a parsed tag must give a name that parses to it.
          expect(parseTag(formatTag(t))).toEqual(t);
        },
      );
      expect(parsed).toBeGreaterThan(100);
    },
    TIMEOUT,
  );

  test(
    "tag messages: any message text folds into the model's state, holder and metrics",
    async () => {
      const tags = fc.array(
        fc.tuple(
          fc.constantFrom(...NAMES),
          mutated([Buffer.from(MESSAGE)]),
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 0, max: 3 }),
        ),
        { minLength: 1, maxLength: 6 },
      );
      await fuzz(
        tags,
        (list) => {
          const registry: RegistryTag[] = list.flatMap(([name, message, commit, time]) => {
            const parsed = parseTag(name);
            if (!parsed) return [];
            const text = message.toString('utf8');
            return [
              {
                name,
                parsed,
                commit: `c${commit}`,
                object: `o${name}`,
                time,
                message: text,
                data: parseMessage(text),
              },
            ];
          });
          const state = modelState('churn', registry, new Map([['c0', 0]]));
          for (const stage of state.stages.keys()) holderFromState(state, stage);
          return state.versions.map((v) => metricsOfMessage(v.data));
        },
        400,
        (metrics) => {
          // GTO itself refuses some registries (two versions at one commit): a clear error is a result.
          if (metrics instanceof UserError) return;
          for (const m of metrics as Record<string, number>[])
            for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
        },
      );
    },
    TIMEOUT,
  );
});
