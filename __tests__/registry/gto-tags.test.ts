import fc from 'fast-check';
import {
  formatTag,
  isValidArtifact,
  isValidName,
  nextCounter,
  parseTag,
  type GtoTag,
} from '../../src/registry/gto-tags.js';
import { bumpSemVer, compareSemVer, formatSemVer, nextVersion, parseSemVer } from '../../src/registry/semver.js';
import { UserError } from '../../src/errors.js';

// Examples from GTO's README and gto/tag.py TagTemplates.
const cases: [string, GtoTag][] = [
  ['churn@v0.1.0', { action: 'register', artifact: 'churn', version: 'v0.1.0' }],
  ['churn@v1.2.3-rc.1+build.5', { action: 'register', artifact: 'churn', version: 'v1.2.3-rc.1+build.5' }],
  ['churn@v0.1.0!#3', { action: 'deregister', artifact: 'churn', version: 'v0.1.0', counter: 3 }],
  ['churn#prod#1', { action: 'assign', artifact: 'churn', stage: 'prod', counter: 1 }],
  ['churn#prod!#12', { action: 'unassign', artifact: 'churn', stage: 'prod', counter: 12 }],
  ['churn#staging', { action: 'assign', artifact: 'churn', stage: 'staging' }],
  ['churn@deprecated#4', { action: 'deprecate', artifact: 'churn', counter: 4 }],
  ['team/churn-model@v2.0.0', { action: 'register', artifact: 'team/churn-model', version: 'v2.0.0' }],
  ['models/a=churn#dev#2', { action: 'assign', artifact: 'models/a:churn', stage: 'dev', counter: 2 }],
  // gto/constants.py `name` allows '_' and capitals; tests/test_constants.py lists these.
  ['churn_xl#pre_prod#7', { action: 'assign', artifact: 'churn_xl', stage: 'pre_prod', counter: 7 }],
  ['DVCLive/Model@v1.0.0', { action: 'register', artifact: 'DVCLive/Model', version: 'v1.0.0' }],
  ['Some/folder/A=Model#Prod', { action: 'assign', artifact: 'Some/folder/A:Model', stage: 'Prod' }],
  ['m#p!', { action: 'unassign', artifact: 'm', stage: 'p' }],
  ['churn@deprecated', { action: 'deprecate', artifact: 'churn' }],
];

test.each(cases)('parses and formats %s', (name, tag) => {
  expect(parseTag(name)).toEqual(tag);
  expect(formatTag(tag)).toBe(name);
});

// tests/test_tag.py test_parse_wrong_names, and names gto/constants.py refuses.
test.each([
  'v1.0.0',
  'churn',
  '',
  '###',
  '@@@',
  'model@v1',
  'nn#prod#-1',
  'model@v111',
  'model@0.0.1',
  'model#prod#1-2',
  'model#prod?#1-2',
  'model#prod@v1.2.3',
  'model@v1.2.3#prod',
  'model@prod@v1@stage-1',
  'namespace/model@0.0.1',
  '@namespace/model@0.0.1',
  'model#prod#v1#stage#1-',
  'churn@v1.0',
  'churn#prod#x',
  '-churn#prod#1',
  '_churn#prod#1',
  'churn-#prod#1',
  'churn@v01.0.0',
  'a=b=c#prod#1',
])('rejects %s', (name) => expect(parseTag(name)).toBeUndefined());

test("semver digits are Python's \\d: any Unicode decimal digit after the first", () => {
  expect(parseTag('churn@v1.1\u0663.0')).toMatchObject({ action: 'register', version: 'v1.1\u0663.0' });
  expect(parseTag('churn@v\u0663.0.0')).toBeUndefined();
  expect(parseTag('churn#prod#\u0663')).toBeUndefined();
});

test('next counter: every tag of the artifact counts, lightweight and other actions; big counters stay exact', () => {
  const names = ['churn@v1.0.0#3', 'churn#prod!#9', 'churn@deprecated#4', 'churn-x#prod#50', 'churn#dev', 'junk#1'];
  expect(nextCounter('churn', names)).toBe(10n);
  expect(nextCounter('churn-x', names)).toBe(51n);
  expect(nextCounter('none', names)).toBe(1n);
  expect(nextCounter('churn', ['churn#prod#99999999999999999999'])).toBe(100000000000000000000n);
  expect(formatTag({ action: 'assign', artifact: 'churn', stage: 'prod', counter: 100000000000000000000n })).toBe(
    'churn#prod#100000000000000000000',
  );
});

test('property: every tag formatted from valid parts parses back to the same parts', () => {
  const name = fc.stringMatching(/^[a-zA-Z0-9](?:[a-zA-Z0-9_/-]{0,12}[a-zA-Z0-9])?$/);
  const dir = fc.option(fc.stringMatching(/^[a-zA-Z0-9_./-]{1,10}$/), { nil: undefined });
  const counter = fc.option(fc.bigInt({ min: 0n, max: 10n ** 25n }), { nil: undefined });
  const version = fc
    .tuple(
      fc.nat(99),
      fc.nat(99),
      fc.nat(99),
      fc.option(fc.constantFrom('rc.1', 'alpha', 'beta.2'), { nil: undefined }),
    )
    .map(([a, b, c, pre]) => `v${a}.${b}.${c}${pre ? `-${pre}` : ''}`);
  fc.assert(
    fc.property(
      name,
      dir,
      name,
      version,
      counter,
      fc.constantFrom('register', 'deregister', 'assign', 'unassign', 'deprecate'),
      (n, d, stage, v, c, action) => {
        const artifact = d ? `${d}:${n}` : n;
        const tag = (
          action === 'register' || action === 'deregister'
            ? { action, artifact, version: v }
            : action === 'deprecate'
              ? { action, artifact }
              : { action, artifact, stage }
        ) as GtoTag;
        const withCounter = c === undefined ? tag : { ...tag, counter: c };
        const parsed = parseTag(formatTag(withCounter));
        expect(parsed).toEqual({ ...tag, ...(c === undefined ? {} : { counter: Number(c) }) });
      },
    ),
    { numRuns: 500 },
  );
});

test("property: parseTag never throws and accepts only names GTO's pattern accepts", () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), (s) => {
      const t = parseTag(s);
      if (t) expect(isValidArtifact(t.artifact)).toBe(true);
    }),
    { numRuns: 2000 },
  );
});

test('format refuses names GTO would not parse', () => {
  expect(() => formatTag({ action: 'register', artifact: 'churn model', version: 'v1.0.0' })).toThrow(UserError);
  expect(() => formatTag({ action: 'register', artifact: '_churn', version: 'v1.0.0' })).toThrow(UserError);
  expect(() => formatTag({ action: 'assign', artifact: 'churn', stage: 'prod#1', counter: 2 })).toThrow(/stage name/);
  expect(() => formatTag({ action: 'register', artifact: 'churn', version: 'v1' })).toThrow(UserError);
  expect(isValidName('a')).toBe(true);
  expect(isValidName('a/b-c')).toBe(true);
  expect(isValidName('a_b')).toBe(true);
  expect(isValidName('Pre_Prod')).toBe(true);
  expect(isValidName('a_')).toBe(false);
  expect(isValidName('a.b')).toBe(false);
  expect(isValidArtifact('some/Other_Folder:some/model')).toBe(true);
  expect(isValidArtifact('a:b:c')).toBe(false);
});

test('semver parse, compare (semver.org §11), bump', () => {
  const order = [
    'v1.0.0-alpha',
    'v1.0.0-alpha.1',
    'v1.0.0-alpha.beta',
    'v1.0.0-beta',
    'v1.0.0-beta.2',
    'v1.0.0-beta.11',
    'v1.0.0-rc.1',
    'v1.0.0',
    'v1.0.1',
    'v1.10.0',
    'v2.0.0',
  ];
  const parsed = order.map((v) => parseSemVer(v)!);
  for (let i = 1; i < parsed.length; i++) expect(compareSemVer(parsed[i - 1], parsed[i])).toBe(-1);
  expect(compareSemVer(parseSemVer('1.0.0+a')!, parseSemVer('v1.0.0+b')!)).toBe(0);
  expect(formatSemVer(parseSemVer('1.2.3-rc.1+b.2')!)).toBe('v1.2.3-rc.1+b.2');
  expect(parseSemVer('v1.2')).toBeUndefined();
  const v = parseSemVer('v1.2.3-rc.1')!;
  expect(formatSemVer(bumpSemVer(v, 'major'))).toBe('v2.0.0');
  expect(formatSemVer(bumpSemVer(v, 'minor'))).toBe('v1.3.0');
  expect(formatSemVer(bumpSemVer(v, 'patch'))).toBe('v1.2.4');
  expect(nextVersion([], 'major')).toBe('v0.1.0');
  expect(nextVersion(['v0.1.0', 'v0.10.0', 'v0.9.0'], 'minor')).toBe('v0.11.0');
});
