import { formatBytes, readTextFile } from '../files/read-text.js';
import { UserError, type Location } from '../errors.js';
import { parseJsonWithPositions } from './json.js';
import { MAX_CONFIG_BYTES } from './limits.js';
import { looksLikeJson } from './parse.js';
import type { ObjectNode, TreeNode } from './tree.js';
import { parseYamlWithPositions } from './yaml.js';

/** A one-line input ending like this is a file path; anything else is inline YAML/JSON. */
const CONFIG_FILE = /\.(ya?ml|json)$/i;

/** Text of an input that is inline YAML/JSON or the path of a `.yml`/`.yaml`/`.json` file. */
export async function readInlineOrFile(input: string, what: string): Promise<{ text: string; file?: string }> {
  const text = input.trim();
  if (text.includes('\n') || !CONFIG_FILE.test(text)) return { text };
  const content = await readTextFile(text, { what: `${what} file`, maxBytes: MAX_CONFIG_BYTES });
  if (!content.trim()) throw new UserError(`${what} file is empty`, text);
  return { text: content, file: text };
}

export interface ConfigSource {
  /** The file, when the text came from one; inline text has none (nothing to annotate). */
  file?: string;
  /** The input the text came from (`thresholds`): names inline text in locations. */
  label: string;
  /** The shape expected, for the message when the top level is not a mapping. */
  expected: string;
  /** Added to syntax errors (e.g. how to quote a rule). */
  hint?: (text: string) => string;
}

/**
 * Parses a configuration (thresholds, drift-config, expectations) into a line-aware tree: JSON
 * when it looks like JSON (no YAML parser loaded), YAML otherwise. The top level must be a
 * non-empty mapping, and no mapping may repeat a key (YAML refuses that itself; JSON would keep
 * the last silently). A text over MAX_CONFIG_BYTES is refused before parsing.
 */
export async function parseConfig(text: string, src: ConfigSource): Promise<ObjectNode> {
  const name = src.file ?? src.label;
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) {
    throw new UserError(
      `the configuration is ${formatBytes(Buffer.byteLength(text))}; the limit is ${formatBytes(MAX_CONFIG_BYTES)}`,
      configLocation(src),
    );
  }
  let root: TreeNode;
  try {
    root = looksLikeJson(text) ? parseJsonWithPositions(text, name) : await parseYamlWithPositions(text, name);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    throw new UserError(`${e.message}${src.hint?.(text) ?? ''}`, configLocation(src, e.line, e.column));
  }
  if (root.kind !== 'object' || root.entries.length === 0) {
    throw new UserError(`expected ${src.expected}`, configLocation(src, root.line));
  }
  assertUniqueKeys(root, src);
  return root;
}

/** Where a line of a configuration is: its file, or the input that held it inline. */
export function configLocation(src: Pick<ConfigSource, 'file' | 'label'>, line?: number, column?: number): Location {
  return src.file ? { file: src.file, line, column } : { input: src.label, line, column };
}

/** Refuses a key repeated in any mapping of the tree. Iterative: no depth can overflow the stack. */
function assertUniqueKeys(root: TreeNode, src: ConfigSource): void {
  const stack: TreeNode[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.kind === 'scalar') continue;
    const children = node.kind === 'array' ? node.items : node.entries.map((e) => e.value);
    if (node.kind === 'object') {
      const seen = new Set<string>();
      for (const e of node.entries) {
        if (seen.has(e.key)) throw new UserError(`key '${e.key}' appears twice`, configLocation(src, e.line));
        seen.add(e.key);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
