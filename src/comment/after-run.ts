/**
 * The pull-request comment, posted once the run's result is known (src/run.ts): the stage's summary,
 * or why it could not run. Never changes the verdict: anything that goes wrong is a warning, a run
 * outside a pull request a notice. octokit is loaded only here, only when a comment is asked for.
 */
import { Inputs } from '../constants.js';
import { runUrl } from '../notify/after-run.js';
import type { Sink } from '../report/reporter.js';
import type { StageResult } from '../report/result.js';
import { COMMENT_MODES, type CommonSettings } from '../settings/common.js';
import type { InputReader } from '../settings/inputs.js';
import { commentBody, errorBlocks } from './body.js';
import { commentTarget } from './event.js';
import { commentId, runTag } from './marker.js';

export type CommentSettings = Pick<CommonSettings, 'comment' | 'githubToken' | 'commentKey'>;

/** What the run ended with: the stage's result, or the error that stopped it. */
export interface CommentRun {
  stage: string;
  result?: StageResult;
  /** Set when the stage could not run (even if a result exists: the report could not be written). */
  error?: unknown;
}

const NOT_POSTED = 'pull-request comment not posted';
const UNCHANGED = '(the verdict is unchanged)';

/**
 * The comment settings straight from the inputs, for a run whose settings could not be read: a
 * `comment` that is itself wrong counts as `off` (its error is the run's annotation).
 */
export function commentSettings(input: InputReader): CommentSettings {
  const comment = COMMENT_MODES.find((c) => c === input(Inputs.Comment)) ?? 'off';
  return { comment, githubToken: input(Inputs.GithubToken), commentKey: input(Inputs.CommentKey) };
}

/**
 * Posts or updates the comment when `comment` asks for one; says how it went through the sink
 * (a line of log, a notice or a warning). Never throws.
 */
export async function commentAfterRun(
  s: CommentSettings,
  run: CommentRun,
  env: NodeJS.ProcessEnv,
  sink: Sink,
): Promise<void> {
  if (s.comment === 'off') return;
  try {
    const target = await commentTarget(env);
    if ('notice' in target) return sink.annotate({ level: 'notice', message: target.notice });
    if ('warning' in target) return warn(sink, target.warning);
    // The runner passes `${{ github.token }}` evaluated; the literal text means no runner filled it in.
    const token = s.githubToken && !s.githubToken.includes('${{') ? s.githubToken : (env.GITHUB_TOKEN ?? '');
    if (!token) return warn(sink, "no token: set 'github-token'");
    const apiUrl = apiBaseUrl(env);
    if (!apiUrl) return warn(sink, 'GITHUB_API_URL is not an http(s) URL');

    // Build: the marker's id, and the body from the same renderer as the job summary.
    const id = commentId(env, run.stage, s.commentKey);
    const tag = runTag(env);
    const blocks = run.error !== undefined || !run.result ? errorBlocks(run.stage, run.error) : run.result.summary;
    const body = commentBody({ id, tag, stage: run.stage, blocks, runUrl: runUrl(env) });

    // Post, with octokit loaded now.
    const { publishComment } = await import('./publish.js');
    const published = await publishComment({ apiUrl, token, ...target, mode: s.comment, id, tag, body });
    if ('done' in published) {
      sink.info(
        `pull-request comment ${published.commentId} ${published.done} on ${target.owner}/${target.repo}#${target.number}`,
      );
    } else warn(sink, 'skipped' in published ? published.skipped : published.failed);
  } catch (e) {
    // A bug of ours: said as one, without any text a server may have sent.
    warn(sink, `internal error (${e instanceof Error ? e.name : typeof e}; this is a bug, please report it)`);
  }
}

function warn(sink: Sink, why: string): void {
  sink.annotate({ level: 'warning', message: `${NOT_POSTED}: ${why} ${UNCHANGED}` });
}

/**
 * GITHUB_API_URL without a trailing slash (https://api.github.com when unset), or undefined when it
 * is not an http(s) URL.
 *
 * @example
 * apiBaseUrl({ GITHUB_API_URL: 'https://ghe.example.com/api/v3/' }) // 'https://ghe.example.com/api/v3'
 */
export function apiBaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.GITHUB_API_URL || 'https://api.github.com';
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return raw.replace(/\/+$/, '');
  } catch {
    // undefined is the answer: the caller says the comment was not posted and why.
    return undefined;
  }
}
