/**
 * The hidden line by which `comment: update` finds its own comment again: an HTML comment holding
 * an id derived from the workflow, the job, the stage and `comment-key`, and the run that wrote it.
 *
 * The id is a hash, never the names themselves: a workflow or job name holding `-->` would end the
 * HTML comment and put text of its own into the conversation. The legs of a matrix share the job's
 * id (GITHUB_JOB) and nothing else in the environment tells them apart, so they share one comment
 * unless `comment-key` does (`comment-key: ${{ matrix.os }}`); a comment already written by this
 * very run (another leg, or another step of the same stage) is therefore recognised by its run tag.
 */
import { createHash } from 'node:crypto';

/** What precedes the id in the marker line; searched for anywhere in a comment's body. */
const PREFIX = 'ml-quality-gate comment';

/**
 * The comment's id: 16 hex digits of SHA-256 over workflow, job, stage and key.
 *
 * @example
 * commentId({ GITHUB_WORKFLOW: 'ci', GITHUB_JOB: 'gate' }, 'gate', '') // '5c2b…' (16 hex digits)
 */
export function commentId(env: NodeJS.ProcessEnv, stage: string, key: string): string {
  const parts = [env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '', stage, key];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/**
 * `<run id>.<attempt>` of this run, when the runner gave both as digits; undefined otherwise.
 *
 * @example
 * runTag({ GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1' }) // '42.1'
 */
export function runTag(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_RUN_ID: id, GITHUB_RUN_ATTEMPT: attempt } = env;
  return id && /^\d{1,20}$/.test(id) && /^\d{1,6}$/.test(attempt ?? '') ? `${id}.${attempt}` : undefined;
}

/**
 * The hidden first line of the comment.
 *
 * @example
 * markerLine('0123456789abcdef', '42.1')
 * // '<!-- ml-quality-gate comment 0123456789abcdef run 42.1: the action finds this comment by this line -->'
 */
export function markerLine(id: string, tag: string | undefined): string {
  return `<!-- ${PREFIX} ${id}${tag ? ` run ${tag}` : ''}: the action finds this comment by this line -->`;
}

/**
 * Whether a comment's body holds the marker of `id`, anywhere: a person who edits the comment may
 * move it, or mangle the HTML comment around it.
 *
 * @example
 * hasMarker('edited above\n<!-- ml-quality-gate comment 0123456789abcdef run 1.1: … -->', '0123456789abcdef') // true
 */
export function hasMarker(body: string, id: string): boolean {
  return body.includes(`${PREFIX} ${id}`);
}

/**
 * The run tag the marker of `id` carries in `body`, if any.
 *
 * @example
 * markerRun('<!-- ml-quality-gate comment 0123456789abcdef run 42.1: … -->', '0123456789abcdef') // '42.1'
 */
export function markerRun(body: string, id: string): string | undefined {
  return new RegExp(`${PREFIX} ${id} run (\\d{1,20}\\.\\d{1,6})\\b`).exec(body)?.[1];
}
