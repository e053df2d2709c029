/** Real git repositories in a temp dir: a bare "origin" and clones of it. No global git config. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Isolate from the machine's git config, so the fallback tagger identity is what gets used.
process.env.GIT_CONFIG_GLOBAL = join(tmpdir(), 'mlqg-no-global-gitconfig');
process.env.GIT_CONFIG_NOSYSTEM = '1';
delete process.env.GITHUB_ACTIONS;

const AUTHOR = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com'];

export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: process.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export interface Fixture {
  root: string;
  remote: string;
  clone(name: string): string;
  commit(repo: string, message: string): string;
  /** Tag names on the remote. */
  remoteTags(): string[];
  cleanup(): void;
}

export function gitFixture(): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'mlqg-registry-'));
  const remote = join(root, 'origin.git');
  sh(root, 'init', '--quiet', '--bare', '-b', 'main', remote);
  const seed = join(root, 'seed');
  sh(root, 'clone', '--quiet', remote, seed);
  sh(seed, ...AUTHOR, 'commit', '--quiet', '--allow-empty', '-m', 'initial');
  sh(seed, 'push', '--quiet', 'origin', 'HEAD:main');
  const fx: Fixture = {
    root,
    remote,
    clone(name) {
      const dir = join(root, name);
      sh(root, 'clone', '--quiet', remote, dir);
      return dir;
    },
    commit(repo, message) {
      sh(repo, ...AUTHOR, 'commit', '--quiet', '--allow-empty', '-m', message);
      return sh(repo, 'rev-parse', 'HEAD');
    },
    remoteTags() {
      const out = sh(root, 'ls-remote', '--tags', remote);
      return out
        .split('\n')
        .filter((l) => l && !l.endsWith('^{}'))
        .map((l) => l.split('\trefs/tags/')[1])
        .sort();
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  return fx;
}
