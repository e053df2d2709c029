/**
 * Tags GTO itself cannot read, or would read as something else, are refused with a clear error
 * naming the tag, never misread or crashed on; raw tag objects of any shape end in a tag or a
 * UserError.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { UserError } from '../../src/errors.js';
import { GitClient } from '../../src/registry/git-client.js';
import { readRegistry, tagOf } from '../../src/registry/read-tags.js';
import { gitFixture, sh, type Fixture } from './git-fixture.js';

let fx: Fixture;
let repo: string;
beforeEach(() => {
  fx = gitFixture();
  repo = fx.clone('work');
});
afterEach(() => fx.cleanup());

const tag = (...args: string[]) =>
  sh(repo, '-c', 'user.name=x', '-c', 'user.email=x@x', 'tag', '-a', '-m', 'm', ...args);

test('two versions on one commit and a stage tag there: GTO fails (ManyVersions), we refuse naming the tag', async () => {
  fx.commit(repo, 'model');
  tag('churn@v1.0.0', 'HEAD');
  tag('churn@v2.0.0', 'HEAD');
  // Without a stage tag at that commit GTO reads both versions.
  expect((await readRegistry(new GitClient(repo), 'churn')).versions.map((v) => v.version)).toEqual([
    'v1.0.0',
    'v2.0.0',
  ]);
  tag('churn#prod#1', 'HEAD');
  await expect(readRegistry(new GitClient(repo), 'churn')).rejects.toThrow(
    /tag churn#prod#1 points at commit [0-9a-f]{12}, which carries several versions \(v1\.0\.0, v2\.0\.0\)/,
  );
  // Another model is unaffected.
  await expect(readRegistry(new GitClient(repo), 'other')).resolves.toMatchObject({ versions: [] });
});

test("an '@created' tag makes GTO fail: refused; a tag object under another ref name: refused", async () => {
  fx.commit(repo, 'model');
  tag('churn@created', 'HEAD');
  await expect(readRegistry(new GitClient(repo), 'churn')).rejects.toThrow(/fails on tag churn@created/);
  sh(repo, 'tag', '-d', 'churn@created');

  tag('other#dev#1', 'HEAD');
  const object = sh(repo, 'rev-parse', 'refs/tags/other#dev#1');
  sh(repo, 'update-ref', 'refs/tags/churn#prod#1', object);
  await expect(readRegistry(new GitClient(repo), 'churn')).rejects.toThrow(
    /tag churn#prod#1 holds a tag object named 'other#dev#1'/,
  );
});

test('a tag on a tree, and a tag object larger than the registry reads: refused with the tag named', async () => {
  fx.commit(repo, 'model');
  tag('churn@v1.0.0', 'HEAD^{tree}');
  await expect(readRegistry(new GitClient(repo), 'churn')).rejects.toThrow(
    'tag churn@v1.0.0 points at a tree, not a commit',
  );
  sh(repo, 'tag', '-d', 'churn@v1.0.0');
  execFileSync('git', ['-c', 'user.name=x', '-c', 'user.email=x@x', 'tag', '-a', '-F', '-', 'churn@v1.0.1', 'HEAD'], {
    cwd: repo,
    input: 'x'.repeat(1024 * 1024 + 10),
  });
  await expect(readRegistry(new GitClient(repo), 'churn')).rejects.toThrow(/tag churn@v1\.0\.1 is \d+ bytes/);
});

test('fuzz: any raw tag object ends in a tag or a UserError', () => {
  const header = fc.constantFrom(
    'object 0123456789012345678901234567890123456789\n',
    'type commit\n',
    'type tree\n',
    'tag churn#prod#1\n',
    'tag other\n',
    'tagger A <a@b> 1700000000 +0000\n',
    'tagger broken\n',
    ' continuation\n',
  );
  fc.assert(
    fc.property(
      fc.array(header, { maxLength: 6 }),
      fc.string({ maxLength: 200 }),
      fc.boolean(),
      (heads, body, blank) => {
        const raw = Buffer.from(heads.join('') + (blank ? '\n' : '') + body);
        try {
          const t = tagOf('churn#prod#1', 'o', { type: 'tag', raw });
          expect(t.parsed).toMatchObject({ action: 'assign', stage: 'prod' });
          expect(Number.isFinite(t.time)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      },
    ),
    { numRuns: 3000 },
  );
});
