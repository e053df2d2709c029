/** A best-effort git call that fails is said at debug level (src/debug.ts), not swallowed. */
import { GitClient } from '../../src/registry/git-client.js';
import { installDebug } from '../../src/debug.js';
import { gitFixture } from './git-fixture.js';

/** The debug lines written while `fn` runs on a fresh clone. */
async function debugLines(fn: (git: GitClient) => Promise<void>): Promise<string[]> {
  const fx = gitFixture();
  const lines: string[] = [];
  const uninstall = installDebug((line) => lines.push(line));
  try {
    await fn(new GitClient(fx.clone('a')));
  } finally {
    uninstall();
    fx.cleanup();
  }
  return lines;
}

test('try* on a ref that names nothing: undefined, and one debug line naming the git call', async () => {
  const lines = await debugLines(async (git) => {
    expect(await git.tryRevParseCommit('refs/tags/no-such-tag')).toBeUndefined();
    // The fixture has no global git config: no user is configured.
    expect(await git.tryConfig('user.name')).toBeUndefined();
  });
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^git rev-parse .*refs\/tags\/no-such-tag.* failed \(exit 1\) in /);
  expect(lines[1]).toMatch(/^git config --get user\.name failed \(exit 1\) in /);
});

test('a call that succeeds says nothing', async () => {
  const lines = await debugLines(async (git) => {
    expect(await git.tryRevParseCommit('HEAD')).toMatch(/^[0-9a-f]{40}$/);
  });
  expect(lines).toEqual([]);
});
