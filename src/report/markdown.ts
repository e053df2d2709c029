import { escapeCell } from './escape.js';
import type { SummaryBlock } from './result.js';

/** Renders summary blocks to GitHub-flavoured Markdown, escaping every untrusted piece. */
export function renderMarkdown(blocks: SummaryBlock[]): string {
  return blocks.map(renderBlock).join('\n\n') + '\n';
}

function renderBlock(block: SummaryBlock): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level ?? 2)} ${escapeCell(block.text)}`;
    case 'text':
      return escapeCell(block.text);
    case 'markdown':
      return block.markdown;
    case 'table': {
      const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
      return [line(block.header), `|${block.header.map(() => '---').join('|')}|`, ...block.rows.map(line)].join('\n');
    }
    case 'details':
      return `<details><summary>${escapeCell(block.summary)}</summary>\n\n${block.blocks.map(renderBlock).join('\n\n')}\n\n</details>`;
  }
}
