/** Runs git through @actions/exec, silently, in the registry's repository. */
import { getExecOutput, type ExecOutput } from '@actions/exec';
import { UserError } from '../errors.js';

export interface GitOptions {
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
}

export async function git(repoDir: string, args: string[], options: GitOptions = {}): Promise<ExecOutput> {
  // env passed explicitly: the caller's view of process.env (a test sandbox's copy) reaches git.
  const env = process.env as Record<string, string>;
  const out = await getExecOutput('git', args, { cwd: repoDir, env, silent: true, ignoreReturnCode: true });
  if (out.exitCode !== 0 && !options.allowFailure) {
    const detail = (out.stderr || out.stdout).trim().split('\n').slice(-3).join(' ');
    const command = args.find((a, i) => a !== '-c' && args[i - 1] !== '-c');
    throw new UserError(`git ${command} failed in ${repoDir}: ${detail}`);
  }
  return out;
}

/**
 * `-c` options giving annotated tags a tagger when the repository has no user configured (a fresh
 * runner): GitHub Actions' bot on a runner, the action's own name elsewhere. Git's GIT_COMMITTER_*
 * variables, when set, still take precedence.
 */
export async function identityArgs(repoDir: string, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const name = await git(repoDir, ['config', '--get', 'user.name'], { allowFailure: true });
  const email = await git(repoDir, ['config', '--get', 'user.email'], { allowFailure: true });
  if (name.stdout.trim() && email.stdout.trim()) return [];
  const [user, address] =
    env.GITHUB_ACTIONS === 'true'
      ? ['github-actions[bot]', '41898282+github-actions[bot]@users.noreply.github.com']
      : ['ml-quality-gate', 'ml-quality-gate@users.noreply.github.com'];
  return ['-c', `user.name=${user}`, '-c', `user.email=${address}`];
}
