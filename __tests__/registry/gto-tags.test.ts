import { formatTag, isValidName, parseTag, type GtoTag } from '../../src/registry/gto-tags.js';
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
];

test.each(cases)('parses and formats %s', (name, tag) => {
  expect(parseTag(name)).toEqual(tag);
  expect(formatTag(tag)).toBe(name);
});

test.each([
  'v1.0.0',
  'churn',
  'Churn@v1.0.0',
  'churn@1.0.0',
  'churn@v1.0',
  'churn#Prod#1',
  'churn#prod#x',
  '-churn#prod#1',
  'churn-#prod#1',
  'churn@v01.0.0',
])('rejects %s', (name) => expect(parseTag(name)).toBeUndefined());

test('format refuses names GTO would not parse', () => {
  expect(() => formatTag({ action: 'register', artifact: 'Churn', version: 'v1.0.0' })).toThrow(UserError);
  expect(() => formatTag({ action: 'assign', artifact: 'churn', stage: 'prod#1', counter: 2 })).toThrow(/stage name/);
  expect(() => formatTag({ action: 'register', artifact: 'churn', version: 'v1' })).toThrow(UserError);
  expect(isValidName('a')).toBe(true);
  expect(isValidName('a/b-c')).toBe(true);
  expect(isValidName('a_b')).toBe(false);
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
