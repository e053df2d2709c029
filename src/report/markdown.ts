import { escapeCell } from './escape.js';
import { MAX_CELL_CHARS, MAX_SUMMARY_BYTES, MAX_TEXT_CHARS, truncate } from './limits.js';
import type { SummaryBlock } from './result.js';

/** Room kept under the budget for closing open sections and the note of what was left out. */
const NOTE_BYTES = 1024;

/** What the note of a cut summary says after what was left out (trusted Markdown). */
export const SUMMARY_LIMIT_NOTE = 'a job summary is limited to 1 MiB; the JSON report has every entry';

/**
 * Renders summary blocks to GitHub-flavoured Markdown, escaping every untrusted piece and cutting
 * each cell (MAX_CELL_CHARS) and paragraph (MAX_TEXT_CHARS). The whole stays within `maxBytes`
 * (GitHub keeps 1 MiB per step): what does not fit is left out, with a visible note ending in
 * `limitNote` (the pull-request comment says where the rest is).
 */
export function renderMarkdown(
  blocks: SummaryBlock[],
  maxBytes = MAX_SUMMARY_BYTES,
  limitNote = SUMMARY_LIMIT_NOTE,
): string {
  const out = new Budget(maxBytes - NOTE_BYTES, limitNote);
  renderBlocks(blocks, out);
  return out.finish();
}

/** The Markdown written so far, in pieces, and what was left out once the budget ran out. */
class Budget {
  private readonly parts: string[] = [];
  private bytes = 0;
  full = false;
  omittedRows = 0;
  omittedBlocks = 0;
  openDetails = 0;

  constructor(
    private readonly max: number,
    private readonly limitNote: string,
  ) {}

  /** Appends `text` when it fits; false (and nothing more is added) once one piece did not fit. */
  add(text: string): boolean {
    if (this.full) return false;
    const n = Buffer.byteLength(text);
    if (this.bytes + n > this.max) {
      this.full = true;
      return false;
    }
    this.parts.push(text);
    this.bytes += n;
    return true;
  }

  finish(): string {
    let text = this.parts.join('');
    if (this.full) {
      text += '\n\n</details>'.repeat(this.openDetails);
      const left = [
        this.omittedRows ? `${this.omittedRows} more table rows` : '',
        this.omittedBlocks ? `${this.omittedBlocks} more sections` : '',
      ].filter(Boolean);
      text += `\n\n**… (truncated, ${left.join(' and ') || 'more'}: ${this.limitNote})**`;
    }
    return text + '\n';
  }
}

function renderBlocks(blocks: SummaryBlock[], out: Budget): void {
  blocks.forEach((block, i) => {
    if (out.full || (i > 0 && !out.add('\n\n'))) out.omittedBlocks++;
    else renderBlock(block, out);
  });
}

/** Writes the block, or as much of it as fits: an atomic piece that does not fit counts as left out. */
function renderBlock(block: SummaryBlock, out: Budget): void {
  const cell = (text: string) => escapeCell(truncate(text, MAX_CELL_CHARS));
  const atomic = (text: string) => {
    if (!out.add(text)) out.omittedBlocks++;
  };
  switch (block.kind) {
    case 'heading':
      return atomic(`${'#'.repeat(block.level ?? 2)} ${cell(block.text)}`);
    case 'text':
      return atomic(escapeCell(truncate(block.text, MAX_TEXT_CHARS)));
    case 'markdown':
      return atomic(block.markdown);
    case 'table': {
      const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
      if (!out.add([line(block.header), `|${block.header.map(() => '---').join('|')}|`].join('\n'))) {
        out.omittedBlocks++;
        return;
      }
      for (let i = 0; i < block.rows.length; i++) {
        if (!out.add(`\n${line(block.rows[i])}`)) {
          out.omittedRows += block.rows.length - i;
          return;
        }
      }
      return;
    }
    case 'details': {
      if (!out.add(`<details><summary>${cell(block.summary)}</summary>\n\n`)) {
        out.omittedBlocks++;
        return;
      }
      out.openDetails++;
      renderBlocks(block.blocks, out);
      // Closed here when it fits, else by the note at the end.
      if (out.add('\n\n</details>')) out.openDetails--;
    }
  }
}
