/**
 * The release checks of .github/workflows/release.yml (scripts/release/): tag vs package.json,
 * notes from CHANGELOG.md, the moved major tag, and dist/ freshness on a real git repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir } from '../../scripts/lib/run-action.mjs';
import { checkVersion, majorTag, releaseNotes, staleFiles } from '../../scripts/release/lib.mjs';

const CHANGELOG = `# Changelog

## [Unreleased]
### Fixed
- something after 1.1.0

## [1.1.0] - 2026-12-01
### Added
- a feature

## [1.0.0] - 2026-11-30
### Added
- everything

[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0
`;

describe('checkVersion', () => {
  test.each([
    ['v1.2.0', '1.2.0', 0],
    ['v1.2.0', '1.2.1', 1],
    ['1.2.0', '1.2.0', 1],
    ['v1.2', '1.2.0', 1],
    ['v01.2.0', '1.2.0', 1],
    ['v1.2.0-rc.1', '1.2.0-rc.1', 1],
    ['', '1.2.0', 1],
  ])('%s against %s → %i problem(s)', (tag, version, problems) => {
    expect(checkVersion(tag, version)).toHaveLength(problems);
  });
});

test('majorTag', () => {
  expect(majorTag('v1.4.2')).toBe('v1');
  expect(majorTag('v12.0.0')).toBe('v12');
  expect(() => majorTag('v1')).toThrow('not a release tag');
});

describe('releaseNotes', () => {
  test('the section of one version, without the next heading or link definitions', () => {
    expect(releaseNotes(CHANGELOG, '1.1.0')).toBe('### Added\n- a feature');
    expect(releaseNotes(CHANGELOG, '1.0.0')).toBe('### Added\n- everything');
  });
  test('a missing or empty section is refused', () => {
    expect(() => releaseNotes(CHANGELOG, '2.0.0')).toThrow("no section '## [2.0.0]");
    expect(() => releaseNotes('## [1.0.0] - 2026-11-30\n\n## [0.9.0]\n- x\n', '1.0.0')).toThrow('is empty');
  });
  test('1.0 does not match 1.0.0 nor 10.0.0', () => {
    expect(() => releaseNotes(CHANGELOG, '1.0')).toThrow('no section');
    expect(() => releaseNotes('## [10.0.0] - d\n- x\n', '1.0.0')).toThrow('no section');
  });
  test("the repository's CHANGELOG.md has notes for package.json's version", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(releaseNotes(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), version).length).toBeGreaterThan(20);
  });
});

describe('dist/ freshness on a real repository', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });
  let repo: string;
  beforeEach(() => {
    repo = tempDir('mqg-release-');
    git(repo, 'init', '-q');
    mkdirSync(path.join(repo, 'dist'));
    writeFileSync(path.join(repo, 'dist', 'index.js'), 'built();\n');
    git(repo, 'add', '.');
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'c');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  const check = () =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/release/check-dist.mjs')], { cwd: repo, encoding: 'utf8' });

  test('a bundle equal to the commit passes', () => {
    expect(staleFiles(repo)).toEqual([]);
    expect(check().status).toBe(0);
  });
  test.each([
    ['modified', () => writeFileSync(path.join(repo, 'dist', 'index.js'), 'rebuilt();\n')],
    ['added', () => writeFileSync(path.join(repo, 'dist', '12.index.js'), 'chunk();\n')],
    ['deleted', () => rmSync(path.join(repo, 'dist', 'index.js'))],
  ])('a %s file fails the check and is named', (_, change) => {
    change();
    expect(staleFiles(repo)).toHaveLength(1);
    const run = check();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('dist/ is stale');
    expect(run.stderr).toMatch(/dist\/(12\.)?index\.js/);
  });
  test('changes outside dist/ do not count', () => {
    writeFileSync(path.join(repo, 'README.md'), 'x\n');
    expect(check().status).toBe(0);
  });
});

test('check-version.mjs on this repository: the right tag passes, another fails', () => {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const run = (tag: string) =>
    spawnSync(process.execPath, ['scripts/release/check-version.mjs', tag], { cwd: ROOT, encoding: 'utf8' });
  expect(run(`v${version}`).status).toBe(0);
  const wrong = run('v99.0.0');
  expect(wrong.status).toBe(1);
  expect(wrong.stderr).toContain("does not match package.json's version");
});
