/**
 * JSON (RFC 8259, https://www.rfc-editor.org/rfc/rfc8259) parser that keeps the 1-based line of every
 * key and value, which JSON.parse cannot give. It also accepts what Python's `json.dump` writes
 * for non-finite floats: bare `NaN`, `Infinity` and `-Infinity` (read as those values, so the gate
 * can reject them with their line). Iterative rather than recursive, and nesting deeper than
 * MAX_TREE_DEPTH, keys longer than MAX_KEY_LENGTH and strings longer than MAX_STRING_LENGTH are
 * refused (limits.ts), so that no later walk of the tree can overflow the call stack. Malformed
 * input is a UserError at file:line:column saying what was expected.
 */
import { UserError } from '../errors.js';
import { checkKeyLength, checkStringLength, MAX_TREE_DEPTH, tooDeep } from './limits.js';
import type { ArrayNode, ObjectNode, TreeNode } from './tree.js';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const LITERALS: [string, number | boolean | null][] = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
];

interface Frame {
  node: ObjectNode | ArrayNode;
  key: string;
  keyLine: number;
}

export function parseJsonWithPositions(text: string, file: string): TreeNode {
  return new JsonParser(text, file).parse();
}

/**
 * The index in `text` where JSON nesting passes `max` levels, or -1: a linear scan that skips
 * strings (escapes included) and checks nothing else, to run before JSON.parse, which takes
 * seconds on deep input and whose result no recursive walk (JSON.stringify) could then handle.
 *
 * @example
 * jsonDepthExcess('{"a": [[1]]}', 2) // 7 (the second '[')
 * jsonDepthExcess('{"a": "[[[["}', 2) // -1
 */
export function jsonDepthExcess(text: string, max = MAX_TREE_DEPTH): number {
  if (text.length <= max) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return -1;
}

class JsonParser {
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = this.lineStart = 1;
  }

  parse(): TreeNode {
    this.skipSpace();
    if (this.pos >= this.text.length) throw new UserError(`empty file`, this.file);
    const stack: Frame[] = [];
    for (;;) {
      let value = this.openValue(stack);
      if (!value) continue; // a non-empty container was opened: read its first value
      // Attach the finished value, closing every container that ends right after it.
      for (;;) {
        const top = stack.at(-1);
        if (!top) {
          this.skipSpace();
          if (this.pos < this.text.length) this.fail('the end of the file after the JSON value');
          return value;
        }
        if (top.node.kind === 'object') top.node.entries.push({ key: top.key, line: top.keyLine, value });
        else top.node.items.push(value);
        this.skipSpace();
        const close = top.node.kind === 'object' ? '}' : ']';
        const c = this.text[this.pos];
        if (c === ',') {
          this.pos++;
          if (top.node.kind === 'object') this.readKey(top);
          break;
        }
        if (c !== close) this.fail(`',' or '${close}'`);
        this.pos++;
        stack.pop();
        value = top.node;
      }
    }
  }

  /** Reads a scalar or an empty container; pushes a non-empty container and returns undefined. */
  private openValue(stack: Frame[]): TreeNode | undefined {
    this.skipSpace();
    const c = this.text[this.pos];
    const line = this.line;
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_TREE_DEPTH) throw tooDeep(this.here());
      this.pos++;
      const node: ObjectNode | ArrayNode =
        c === '{' ? { kind: 'object', entries: [], line } : { kind: 'array', items: [], line };
      this.skipSpace();
      if (this.text[this.pos] === (c === '{' ? '}' : ']')) {
        this.pos++;
        return node;
      }
      const frame: Frame = { node, key: '', keyLine: line };
      if (c === '{') this.readKey(frame);
      stack.push(frame);
      return undefined;
    }
    if (c === '"') {
      const at = this.here();
      const value = this.readString();
      checkStringLength(value, at);
      return { kind: 'scalar', value, line };
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'scalar', value: Number(m[0]), line };
    }
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return { kind: 'scalar', value, line };
      }
    }
    return this.fail('a value (object, array, string, number, true, false or null)');
  }

  private readKey(frame: Frame): void {
    this.skipSpace();
    if (this.text[this.pos] !== '"') this.fail('a "quoted" key');
    frame.keyLine = this.line;
    const at = this.here();
    frame.key = this.readString();
    checkKeyLength(frame.key, at);
    this.skipSpace();
    if (this.text[this.pos] !== ':') this.fail(`':' after the key "${frame.key}"`);
    this.pos++;
  }

  private readString(): string {
    const { text } = this;
    const startLine = this.line;
    const startColumn = this.pos - this.lineStart + 1;
    let out = '';
    let start = ++this.pos;
    for (;;) {
      if (this.pos >= text.length) {
        throw new UserError(`malformed JSON: string never closed`, this.file, startLine, startColumn);
      }
      const code = text.charCodeAt(this.pos);
      if (code === 0x22) {
        out += text.slice(start, this.pos++);
        return out;
      }
      // A line ends in LF or, in a CRLF checkout, CR LF: the same mistake, said the same way.
      if (code === 0x0a || (code === 0x0d && text.charCodeAt(this.pos + 1) === 0x0a))
        this.fail("a closing '\"' before the end of the line", '\n');
      if (code < 0x20) this.fail('an escaped control character');
      if (code === 0x5c) {
        out += text.slice(start, this.pos);
        const e = text[this.pos + 1];
        if (e === 'u') {
          const hex = text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('4 hex digits after \\u', `\\u${hex}`);
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
        } else if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          this.pos += 2;
        } else {
          this.fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)', `\\${e ?? ''}`);
        }
        start = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  private skipSpace(): void {
    const { text } = this;
    for (; this.pos < text.length; this.pos++) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x0a) {
        this.line++;
        this.lineStart = this.pos + 1;
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) {
        return;
      }
    }
  }

  /** The current position, for errors. */
  private here(): { file: string; line: number; column: number } {
    return { file: this.file, line: this.line, column: this.pos - this.lineStart + 1 };
  }

  /** Throws at the current position; `text` is what was found there when longer than one character. */
  private fail(expected: string, text?: string): never {
    const column = this.pos - this.lineStart + 1;
    const c = text ?? this.text[this.pos];
    const found = c === undefined ? 'the end of the file' : JSON.stringify(c);
    throw new UserError(`malformed JSON: expected ${expected}, found ${found}`, this.file, this.line, column);
  }
}
