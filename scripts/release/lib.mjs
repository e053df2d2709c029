// The release checks, as functions: scripts/release/*.mjs are thin command-line wrappers over them,
// and __tests__/release/ tests them. Each returns a list of problems (empty when all is well).
import { execFileSync } from 'node:child_process';

const VERSION_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * A release tag is `vX.Y.Z` and names the version in package.json.
 *
 * @example
 * checkVersion('v1.2.0', '1.2.0') // []
 * checkVersion('v1.2', '1.2.0')   // ["tag 'v1.2' is not a release tag like v1.2.3"]
 */
export function checkVersion(tag, packageVersion) {
  if (!VERSION_TAG.test(tag)) return [`tag '${tag}' is not a release tag like v1.2.3`];
  if (tag !== `v${packageVersion}`) {
    return [`tag '${tag}' does not match package.json's version ${packageVersion}: bump package.json first`];
  }
  return [];
}

/**
 * The major tag a release moves: `v1` for `v1.4.2`.
 *
 * @example
 * majorTag('v1.4.2') // 'v1'
 */
export function majorTag(tag) {
  const m = VERSION_TAG.exec(tag);
  if (!m) throw new Error(`'${tag}' is not a release tag like v1.2.3`);
  return `v${m[1]}`;
}

/**
 * The notes of one version in a Keep a Changelog file (https://keepachangelog.com/en/1.1.0/): the
 * text under `## [X.Y.Z] - date` up to the next `## ` heading, trimmed. Throws when the version has
 * no section or an empty one, so a release never goes out without notes.
 *
 * @example
 * releaseNotes('## [1.0.0] - 2026-11-30\n### Added\n- gate\n', '1.0.0') // '### Added\n- gate'
 */
export function releaseNotes(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const escaped = version.replace(/[.]/g, '\\.');
  const start = lines.findIndex((l) => new RegExp(`^## \\[${escaped}\\](?:\\s|$)`).test(l));
  if (start < 0) throw new Error(`CHANGELOG.md has no section '## [${version}] - <date>'`);
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  // Link reference definitions at the end of the file are not notes.
  const body = lines
    .slice(start + 1, end)
    .filter((l) => !/^\[[^\]]+\]:\s/.test(l))
    .join('\n')
    .trim();
  if (!body) throw new Error(`CHANGELOG.md's section for ${version} is empty`);
  return body;
}

/**
 * Files under `dir` that differ from the commit (modified, added, deleted, untracked): after
 * `npm run package`, a non-empty list means the committed bundle is not what the sources build.
 */
export function staleFiles(repo, dir = 'dist') {
  const out = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', dir], {
    cwd: repo,
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
}
