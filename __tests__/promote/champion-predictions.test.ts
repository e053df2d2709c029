/**
 * The parts of the paired champion check a hostile tag or commit can reach: the path a version tag
 * records (never outside the commit's tree, never an option), and the bounded read of a file at a
 * commit through GitClient (real git).
 */
import fc from 'fast-check';
import { recordedPredictions } from '../../src/promote/champion-predictions.js';
import { GitClient } from '../../src/registry/git-client.js';
import { commitModel, gitFixture, type Fixture } from './helpers.js';

test.each([
  ['eval/predictions.csv', 'eval/predictions.csv'],
  ['p.jsonl', 'p.jsonl'],
  ['../secrets.csv', undefined],
  ['eval/../../x.csv', undefined],
  ['/etc/passwd', undefined],
  ['./p.csv', undefined],
  ['a//b.csv', undefined],
  ['HEAD:p.csv', undefined],
  ['eval\\p.csv', undefined],
  ['', undefined],
  [42, undefined],
])('recordedPredictions(%j) is %j', (path, expected) => {
  expect(recordedPredictions({ predictions: path })).toBe(expected);
});

test('recordedPredictions never accepts a path with an empty, . or .. segment, or a leading slash', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', '.', '..', '', 'b.csv', ':', '\\'), { maxLength: 5 }), (parts) => {
      const got = recordedPredictions({ predictions: parts.join('/') });
      if (got === undefined) return;
      expect(got.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && !/[:\\]/.test(s))).toBe(true);
    }),
  );
});

describe('GitClient.tryShowFile', () => {
  let fx: Fixture;
  beforeEach(() => {
    fx = gitFixture();
  });
  afterEach(() => fx.cleanup());

  test('a committed file, a missing one, a folder and one over the limit', async () => {
    const repo = fx.clone('work');
    const commit = commitModel(repo, { accuracy: 0.9 });
    const git = new GitClient(repo, {});
    const file = await git.tryShowFile(commit, 'reports/metrics.json', 1 << 20);
    expect(file.kind === 'file' && JSON.parse(file.raw.toString('utf8'))).toEqual({ accuracy: 0.9 });
    expect(await git.tryShowFile(commit, 'reports/none.csv', 1 << 20)).toEqual({ kind: 'missing' });
    expect(await git.tryShowFile(commit, 'reports', 1 << 20)).toEqual({ kind: 'missing' });
    expect(await git.tryShowFile(commit, 'reports/metrics.json', 5)).toEqual({
      kind: 'oversized',
      size: JSON.stringify({ accuracy: 0.9 }, null, 2).length,
    });
  });
});
