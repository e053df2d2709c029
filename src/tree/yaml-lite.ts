/**
 * A fast path for the small YAML that configuration files are made of — thresholds, drift-config,
 * expectations: block mappings of `key: value` lines, whose values are plain or quoted scalars,
 * one-line flow mappings (`{ min: 0.85, max-drop: 0.02 }`) or one-line flow sequences (`[a, b]`).
 * Loading the full YAML parser costs more than a small gate run does; this covers the common files
 * without it. Anything outside that subset — block sequences, multi-line scalars, anchors, tags,
 * block scalars, escapes, documents, tabs, repeated keys, unusual numbers (`010`, `0x1F`), merge
 * keys, and anything over the limits of limits.ts (depth, key or string length) — returns undefined and
 * the caller uses the full parser, so the two can never disagree on what a file means (a test
 * compares them on every configuration in the repository and on edge cases).
 *
 * Scalars resolve as YAML 1.2's core schema does (https://yaml.org/spec/1.2.2/#1032-tag-resolution):
 * null, true/false and decimal numbers; other plain text is a string.
 */
import { MAX_KEY_LENGTH, MAX_STRING_LENGTH, MAX_TREE_DEPTH } from './limits.js';
import type { Scalar, TreeEntry, TreeNode } from './tree.js';

/** Returns the tree, or undefined when the text needs the full YAML parser. */
export function parseSimpleYaml(text: string, lineOffset = 0): TreeNode | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  // Whitespace that JavaScript trims and YAML does not (a BOM inside the text, no-break spaces).
  if (/[\v\f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]|.\ufeff/s.test(text)) return undefined;
  const lines: { indent: number; body: string; line: number }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((raw, i) => {
      const body = raw.trimStart();
      if (body === '' || body.startsWith('#')) return;
      lines.push({ indent: raw.length - body.length, body: body.trimEnd(), line: i + 1 + lineOffset });
    });
  if (lines.length === 0 || lines[0].indent !== 0) return undefined;
  let pos = 0;

  // A block mapping whose keys all sit at `indent`, `depth` levels deep (the top level is 1).
  const mapping = (indent: number, depth: number): TreeNode | undefined => {
    if (depth > MAX_TREE_DEPTH) return undefined;
    const entries: TreeEntry[] = [];
    const line = lines[pos].line;
    while (pos < lines.length && lines[pos].indent === indent) {
      const { body, line: keyLine } = lines[pos];
      const pair = splitPair(body);
      if (!pair || entries.some((e) => e.key === pair.key)) return undefined;
      pos++;
      let value: TreeNode | undefined;
      if (pair.rest === '') {
        value =
          pos < lines.length && lines[pos].indent > indent
            ? mapping(lines[pos].indent, depth + 1)
            : { kind: 'scalar', value: null, line: keyLine };
      } else {
        // A deeper line after a value would continue it (a multi-line scalar): not ours.
        if (pos < lines.length && lines[pos].indent > indent) return undefined;
        value = inlineValue(pair.rest, keyLine);
      }
      if (!value) return undefined;
      entries.push({ key: pair.key, line: keyLine, value });
    }
    if (pos < lines.length && lines[pos].indent > indent) return undefined;
    return { kind: 'object', entries, line };
  };

  const root = mapping(0, 1);
  return root && pos === lines.length ? root : undefined;
}

/** `key: rest` with a plain or quoted key; undefined for anything else. */
function splitPair(body: string): { key: string; rest: string } | undefined {
  let key: string | undefined;
  let after: string;
  if (body[0] === '"' || body[0] === "'") {
    const q = quoted(body, 0);
    if (!q) return undefined;
    key = q.value;
    after = body.slice(q.end);
    if (!after.startsWith(':')) return undefined;
    after = after.slice(1);
  } else {
    const colon = body.search(/:( |$)/);
    if (colon <= 0) return undefined;
    key = body.slice(0, colon);
    if (!isPlain(key) || key !== key.trimEnd() || key === '<<') return undefined;
    // A key the core schema reads as a number, null or boolean (`1.0`, `010`, `~`) is text only
    // after a conversion the full parser owns.
    if (typeof scalar(key) !== 'string') return undefined;
    after = body.slice(colon + 1);
  }
  // YAML refuses an implicit key whose ':' is over 1024 characters from its start; names are
  // bounded by MAX_KEY_LENGTH: long keys are the full parser's to refuse.
  if (body.length - after.length > Math.min(1000, MAX_KEY_LENGTH)) return undefined;
  if (after !== '' && !after.startsWith(' ')) return undefined;
  return { key, rest: stripComment(after.trim()) };
}

function inlineValue(text: string, line: number): TreeNode | undefined {
  if (text.startsWith('{')) return flow(text, '{', '}', line);
  if (text.startsWith('[')) return flow(text, '[', ']', line);
  const s = scalar(text);
  return s === undefined ? undefined : { kind: 'scalar', value: s, line };
}

/** A one-line flow collection of scalars (no nesting). */
function flow(text: string, open: string, close: string, line: number): TreeNode | undefined {
  if (!text.endsWith(close)) return undefined;
  const inner = text.slice(1, -1).trim();
  const parts = inner === '' ? [] : splitFlow(inner);
  if (!parts) return undefined;
  if (open === '[') {
    const items: TreeNode[] = [];
    for (const p of parts) {
      const s = scalar(p);
      if (s === undefined || p === '') return undefined;
      items.push({ kind: 'scalar', value: s, line });
    }
    return { kind: 'array', items, line };
  }
  const entries: TreeEntry[] = [];
  for (const p of parts) {
    const pair = splitPair(p);
    if (!pair || pair.rest.includes('#') || entries.some((e) => e.key === pair.key)) return undefined;
    const s = pair.rest === '' ? null : scalar(pair.rest);
    if (s === undefined) return undefined;
    entries.push({ key: pair.key, line, value: { kind: 'scalar', value: s, line } });
  }
  return { kind: 'object', entries, line };
}

/** Splits on commas outside quotes; undefined when a part is itself a collection. */
function splitFlow(inner: string): string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '"' || c === "'") {
      const q = quoted(inner, i);
      if (!q) return undefined;
      i = q.end - 1;
    } else if (c === '{' || c === '}' || c === '[' || c === ']') {
      return undefined;
    } else if (c === ',') {
      parts.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = inner.slice(start).trim();
  if (last !== '') parts.push(last);
  return parts.some((p) => p === '') ? undefined : parts;
}

/** A scalar: quoted, or plain resolved by the core schema. */
function scalar(text: string): Scalar | undefined {
  if (text.length > MAX_STRING_LENGTH) return undefined;
  if (text[0] === '"' || text[0] === "'") {
    const q = quoted(text, 0);
    return q && q.end === text.length ? q.value : undefined;
  }
  if (!isPlain(text) || /^[-+]?0[0-9]+$/.test(text)) return undefined;
  if (/^(~|null|Null|NULL)$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  // Other core-schema numbers (0x1F, 0o17, .inf, .nan) and anything number-like: the full parser.
  if (/^[-+]?(0[xo]|\.(inf|nan))|^[-+.]?[0-9]/i.test(text)) return undefined;
  return text;
}

/** A quoted scalar starting at `i`: single quotes with '' doubled, double quotes without escapes. */
function quoted(text: string, i: number): { value: string; end: number } | undefined {
  const q = text[i];
  let value = '';
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (q === '"' && c === '\\') return undefined;
    if (c === q) {
      if (q === "'" && text[j + 1] === "'") {
        value += "'";
        j++;
        continue;
      }
      return { value, end: j + 1 };
    }
    value += c;
  }
  return undefined;
}

/**
 * Plain text that means itself: no leading indicator, no `: ` or ` #` inside, nothing a flow
 * collection would split on.
 */
function isPlain(text: string): boolean {
  // `-`, `?` and `:` start a plain scalar only when a non-space follows (`-2.5`).
  if (text === '' || /^([,[\]{}#&*!|>'"%@`]|[-?:]( |$))/.test(text)) return false;
  return !/: | #|[,[\]{}]|:$/.test(text);
}

/** Drops a trailing ` # comment` outside quotes. */
function stripComment(text: string): string {
  let inQuote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuote) {
      if (c === inQuote) inQuote = undefined;
    } else if (c === '"' || c === "'") {
      inQuote = c;
    } else if (c === '#' && (i === 0 || text[i - 1] === ' ')) {
      return text.slice(0, i).trimEnd();
    }
  }
  return text;
}
