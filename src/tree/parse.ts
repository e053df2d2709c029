/** Parsing a JSON, YAML or Markdown-front-matter text into a line-aware tree, by its extension and first character. */
import { extname } from 'node:path';
import { UserError } from '../errors.js';
import { parseJsonWithPositions } from './json.js';
import type { TreeNode } from './tree.js';
import { parseYamlWithPositions } from './yaml.js';

export type TreeSyntax = 'json' | 'yaml' | 'markdown';

/** `.json` → JSON, `.yaml`/`.yml` → YAML, `.md` → its front matter; otherwise JSON when it looks like JSON, else YAML. */
export function syntaxOf(path: string, text: string): TreeSyntax {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.md') return 'markdown';
  return looksLikeJson(text) ? 'json' : 'yaml';
}

export function looksLikeJson(text: string): boolean {
  return /^\uFEFF?\s*[{[]/.test(text);
}

export async function parseTree(text: string, file: string, syntax: TreeSyntax): Promise<TreeNode> {
  if (syntax === 'json') return parseJsonWithPositions(text, file);
  if (syntax === 'yaml') return parseYamlWithPositions(text, file);
  const { yaml, lineOffset } = frontMatter(text, file);
  return parseYamlWithPositions(yaml, file, lineOffset);
}

/**
 * The YAML between the first two `---` lines of a Markdown file (Hugging Face model cards), which
 * may start after blank lines. `lineOffset` is the number of lines before the YAML.
 */
function frontMatter(text: string, file: string): { yaml: string; lineOffset: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let open = 0;
  while (open < lines.length && lines[open].trim() === '') open++;
  if (lines[open]?.trimEnd() !== '---') {
    throw new UserError(`no YAML front matter: the file does not start with a '---' line`, file);
  }
  let close = open + 1;
  while (close < lines.length && !['---', '...'].includes(lines[close].trimEnd())) close++;
  if (close >= lines.length) {
    throw new UserError(`front matter never closed: no second '---' line`, file, open + 1);
  }
  return { yaml: lines.slice(open + 1, close).join('\n'), lineOffset: open + 1 };
}
