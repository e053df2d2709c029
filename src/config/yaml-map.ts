import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';

/** A one-line input ending like this is a file path; anything else is inline YAML/JSON. */
const CONFIG_FILE = /\.(ya?ml|json)$/i;

/** Text of an input that is inline YAML/JSON or the path of a `.yml`/`.yaml`/`.json` file. */
export async function readInlineOrFile(input: string, what: string): Promise<{ text: string; file?: string }> {
  const text = input.trim();
  if (text.includes('\n') || !CONFIG_FILE.test(text)) return { text };
  let content: string;
  try {
    content = await readFile(text, 'utf8');
  } catch {
    throw new UserError(`${what} file not found: ${text}`, text);
  }
  if (!content.trim()) throw new UserError(`${what} file is empty: ${text}`, text);
  return { text: content, file: text };
}

type Yaml = typeof import('yaml');

export interface YamlEntry {
  key: string;
  /** 1-based line of the key. */
  line?: number;
  node: unknown;
}

export interface YamlMapping {
  entries: YamlEntry[];
  /** 1-based line where a node starts. */
  lineOf: (node: unknown) => number | undefined;
  /** The yaml module's node guards (isMap, isScalar, …), loaded with the parser. */
  yaml: Yaml;
}

/**
 * Parses YAML whose top level is a mapping, keeping the line of every key for error messages and
 * annotations. `label` names the source in messages (the file, or the input's name); `expected`
 * describes the expected mapping. The yaml module is loaded here, not at start-up.
 */
export async function parseYamlMapping(
  text: string,
  opts: { file?: string; label: string; expected: string; hint?: (text: string) => string },
): Promise<YamlMapping> {
  const yaml = await import('yaml');
  const lineCounter = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter, uniqueKeys: true });
  const label = opts.file ?? opts.label;
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = err.linePos?.[0];
    throw new UserError(
      `${label}: invalid YAML at line ${pos?.line ?? '?'}:${pos?.col ?? '?'}: ${err.message.split('\n')[0]}${opts.hint?.(text) ?? ''}`,
      opts.file,
      pos?.line,
      pos?.col,
    );
  }
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const root = doc.contents;
  if (!yaml.isMap(root) || root.items.length === 0) {
    throw new UserError(`${label}: expected ${opts.expected}`, opts.file, lineOf(root));
  }
  const entries = root.items.map((pair) => {
    if (!yaml.isScalar(pair.key)) throw new UserError(`${label}: keys must be plain names`, opts.file, lineOf(pair.key));
    return { key: String(pair.key.value), line: lineOf(pair.key), node: pair.value };
  });
  return { entries, lineOf, yaml };
}
