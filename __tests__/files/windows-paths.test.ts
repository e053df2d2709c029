/**
 * Windows paths, checked here on Linux through `path.win32` injected into the path helpers: the
 * workspace containment, annotation paths (workspace-relative, forward slashes), glob patterns,
 * and git's output with CR LF line ends.
 */
import * as path from 'node:path';
import fc from 'fast-check';
import { relativePosix, toPosix, within } from '../../src/files/workspace.js';
import { globPattern, globStart } from '../../src/metrics/paths.js';
import { UserError } from '../../src/errors.js';
import { lines, stopCommand } from '../../src/registry/git-client.js';
import { annotationLocation } from '../../src/report/workspace-path.js';

const W = 'D:\\a\\repo\\repo';

describe('within (path.win32)', () => {
  test.each([
    ['D:\\a\\repo\\repo\\reports\\m.json', true],
    ['d:\\A\\REPO\\repo\\reports\\m.json', true], // drive letters and names without regard to case
    ['D:/a/repo/repo/reports/m.json', true], // forward slashes are separators too
    [W, true],
    ['D:\\a\\repo\\repo\\..foo\\m.json', true], // a folder named `..foo` is inside
    ['D:\\a\\repo\\repo\\..\\other\\m.json', false],
    ['D:\\a\\repo\\repo2\\m.json', false],
    ['C:\\a\\repo\\repo\\m.json', false], // another drive
    ['\\\\server\\share\\repo\\m.json', false], // a UNC path
  ])('%s → %s', (abs, inside) => {
    expect(within(W, abs, path.win32)).toBe(inside);
  });

  test('UNC workspaces', () => {
    expect(within('\\\\server\\share\\w', '\\\\server\\share\\w\\a.json', path.win32)).toBe(true);
    expect(within('\\\\server\\share\\w', '\\\\server\\other\\w\\a.json', path.win32)).toBe(false);
  });
});

describe('annotation paths: relative to the workspace, forward slashes', () => {
  test.each([
    ['reports\\metrics.json', 'reports/metrics.json'],
    ['reports/metrics.json', 'reports/metrics.json'],
    ['D:\\a\\repo\\repo\\reports\\deep\\m.json', 'reports/deep/m.json'],
    ['d:\\a\\repo\\repo\\Reports\\m.json', 'Reports/m.json'],
    ['.\\m.json', 'm.json'],
  ])('%s → file %s', (file, rel) => {
    expect(annotationLocation(W, { file, line: 3 }, path.win32)).toEqual({ file: rel, line: 3, column: undefined });
  });

  test.each([
    ['C:\\Users\\runneradmin\\AppData\\Local\\Temp\\m.json', 'C:\\Users\\runneradmin\\AppData\\Local\\Temp\\m.json:3'],
    ['..\\outside.json', '..\\outside.json:3'],
    [W, `${W}:3`],
  ])('%s outside the workspace (or the workspace itself) is `at` text, as written', (file, at) => {
    expect(annotationLocation(W, { file, line: 3 }, path.win32)).toEqual({ at });
  });

  test('property: a file inside, spelt with either separator, is named the same, like POSIX would', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_.-]{1,8}$/).filter((s) => s !== '.' && s !== '..');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean(), (parts, slash) => {
        const file = parts.join(slash ? '/' : '\\');
        const win = annotationLocation(W, { file }, path.win32);
        const posix = annotationLocation('/home/runner/work/repo/repo', { file: parts.join('/') }, path.posix);
        expect(win).toEqual(posix);
        expect(win.file).not.toContain('\\');
      }),
    );
  });

  test('relativePosix and toPosix', () => {
    expect(relativePosix(W, 'models\\v1\\weights.bin', path.win32)).toBe('models/v1/weights.bin');
    expect(relativePosix('/w', '/w/models/a\\b', path.posix)).toBe('models/a\\b'); // a backslash is a name on POSIX
    expect(toPosix('reports\\m.json', path.win32)).toBe('reports/m.json');
    expect(toPosix('reports\\m.json', path.posix)).toBe('reports\\m.json');
  });
});

describe('glob patterns', () => {
  test('on Windows a backslash is a separator', () => {
    expect(globPattern('reports\\**\\*.json', path.win32)).toBe('reports/**/*.json');
    expect(globPattern('D:\\a\\out\\*.json', path.win32)).toBe('D:/a/out/*.json');
  });

  test('on POSIX a backslash escapes, as tinyglobby reads it', () => {
    expect(globPattern('reports/\\[draft\\]/*.json', path.posix)).toBe('reports/\\[draft\\]/*.json');
  });

  test.each(['reports\\[draft]\\*.json', 'runs\\{a,b}\\m.json', 'C:\\out\\(old)\\*.json', 'x\\@y\\*.json'])(
    'on Windows a backslash before a character a name may hold is separator or escape: %s is refused',
    (line) => {
      expect(() => globPattern(line, path.win32)).toThrow(UserError);
      expect(() => globPattern(line, path.win32)).toThrow(/may be a folder separator .* or make '.' literal/);
      expect(globPattern(line.replace(/\\/g, '/'), path.win32)).toBe(line.replace(/\\/g, '/'));
    },
  );

  test('property: on Windows a pattern written with backslashes globs what the slash one does, or is refused', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9_.*?()[\]{}!+@,-]{1,6}$/);
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const slash = parts.join('/');
        let got: string | undefined;
        try {
          got = globPattern(parts.join('\\'), path.win32);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
          expect(parts.slice(1).some((p) => '()[]{}!+@'.includes(p[0]))).toBe(true);
          return;
        }
        expect(got).toBe(slash);
      }),
    );
  });
});

describe('where an absolute glob starts', () => {
  test.each([
    ['C:/out/**/*.json', { cwd: 'C:/out', pattern: '**/*.json' }],
    ['C:/*.json', { cwd: 'C:/', pattern: '*.json' }],
    ['//server/share/runs/*/m.json', { cwd: '//server/share/runs', pattern: '*/m.json' }],
    ['//server/share/*.json', { cwd: '//server/share/', pattern: '*.json' }],
    ['C:/a/@(x|y)/m.json', { cwd: 'C:/a', pattern: '@(x|y)/m.json' }],
    ['reports/*.json', { cwd: W, pattern: 'reports/*.json' }],
  ])('%s on Windows', (pattern, start) => {
    expect(globStart(pattern, W, path.win32)).toEqual(start);
  });

  test.each([
    ['/data/runs/*/m.json', { cwd: '/data/runs', pattern: '*/m.json' }],
    ['/*.json', { cwd: '/', pattern: '*.json' }],
    ['/data/\\[x\\]/*.json', { cwd: '/data', pattern: '\\[x\\]/*.json' }],
    ['C:/out/*.json', { cwd: '/w', pattern: 'C:/out/*.json' }], // relative on POSIX
  ])('%s on POSIX', (pattern, start) => {
    expect(globStart(pattern, '/w', path.posix)).toEqual(start);
  });
});

test('a git that overran is stopped with its helpers: its process group, or its tree on Windows', () => {
  expect(stopCommand(4242, 'linux')).toBe('group');
  expect(stopCommand(4242, 'darwin')).toBe('group');
  expect(stopCommand(4242, 'win32')).toEqual(['taskkill', ['/pid', '4242', '/T', '/F']]);
});

test("git's output read the same with CR LF line ends", () => {
  const lf = 'abc123 tag refs/tags/m@v1.0.0\ndef456 commit refs/tags/m#prod#1\n';
  expect(lines(lf.replace(/\n/g, '\r\n'))).toEqual(lines(lf));
  expect(lines(lf)).toEqual(['abc123 tag refs/tags/m@v1.0.0', 'def456 commit refs/tags/m#prod#1']);
});
