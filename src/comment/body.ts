/**
 * The comment's Markdown: the hidden marker line, the stage's summary rendered by the job summary's
 * own renderer (so every untrusted piece is escaped exactly as there), and a footer linking the run.
 * The whole stays under GitHub's limit (MAX_COMMENT_CHARS): what does not fit is left out with the
 * renderer's visible note, saying where the rest is.
 */
import { locatedMessage, OperationalError, UserError } from '../errors.js';
import { escapeCell } from '../report/escape.js';
import { MAX_COMMENT_CHARS } from '../report/limits.js';
import { renderMarkdown } from '../report/markdown.js';
import type { SummaryBlock } from '../report/result.js';
import { markerLine } from './marker.js';

export interface CommentContent {
  /** commentId(). */
  id: string;
  /** runTag(), written into the marker. */
  tag?: string;
  /** The stage as the user gave it (maybe not a stage: a run that could not read it). */
  stage: string;
  /** The stage's summary, or errorBlocks() for a run that could not run. */
  blocks: SummaryBlock[];
  /** The workflow run's page (runUrl()); undefined off a runner. */
  runUrl?: string;
}

/** Room left under the limit besides marker and footer: newlines and any count that differs. */
const MARGIN = 512;

/**
 * The body of the comment, at most MAX_COMMENT_CHARS long (in UTF-8 bytes, so in characters too).
 *
 * @example
 * commentBody({ id: '0123456789abcdef', stage: 'gate', blocks: [{ kind: 'heading', text: 'Passed' }] })
 * // '<!-- ml-quality-gate comment 0123456789abcdef: … -->\n## Passed\n\n---\n<sub>ml-quality-gate · gate</sub>\n'
 */
export function commentBody(c: CommentContent): string {
  const head = `${markerLine(c.id, c.tag)}\n`;
  const link = c.runUrl ? ` · [workflow run](${c.runUrl})` : '';
  const foot = `\n---\n<sub>ml-quality-gate · ${escapeCell(c.stage.slice(0, 40))}${link}</sub>\n`;
  const rest = c.runUrl ? `the [workflow run](${c.runUrl})'s job summary` : 'the job summary';
  const note = `a pull-request comment is limited to ${MAX_COMMENT_CHARS} characters; ${rest} and the JSON report have every entry`;
  const budget = MAX_COMMENT_CHARS - Buffer.byteLength(head) - Buffer.byteLength(foot) - MARGIN;
  return head + renderMarkdown(c.blocks, budget, note) + foot;
}

/**
 * The summary of a run that could not run (bad input, an operational failure, a bug): its message,
 * with the location, escaped by the renderer like any untrusted text.
 *
 * @example
 * errorBlocks('gate', new UserError('metrics file not found', 'm.json'))
 * // [{ kind: 'heading', text: '❌ ml-quality-gate gate could not run' }, { kind: 'text', text: 'm.json: metrics file not found' }, …]
 */
export function errorBlocks(stage: string, error: unknown): SummaryBlock[] {
  const message =
    error instanceof UserError
      ? locatedMessage(error)
      : error instanceof OperationalError
        ? error.message
        : `internal error: ${error instanceof Error ? error.message : String(error)} (this is a bug; please report it)`;
  return [
    { kind: 'heading', text: `❌ ml-quality-gate ${stage} could not run` },
    { kind: 'text', text: message },
    {
      kind: 'markdown',
      markdown: 'Nothing was judged, and the verdict is the failing one; the annotations of the run show where.',
    },
  ];
}
