/**
 * YAML 1.2 (https://yaml.org/spec/1.2.2/) to a line-aware TreeNode, via the `yaml` package
 * (eemeli/yaml) with a LineCounter. `null`/empty values stay null and `.nan`/`.inf` stay NaN/Infinity,
 * so the gate can reject them with their line. Syntax errors (and duplicate keys) are UserErrors
 * at file:line:column.
 *
 * Bounded for hostile files (limits.ts): nesting deeper than MAX_TREE_DEPTH is refused while the
 * text is parsed (before the package's recursive composer sees it); aliases are expanded as every
 * reader expands them, but at most MAX_ALIAS_NODES nodes in total, and an alias inside the
 * collection it names (a cycle) is refused. Expanded subtrees are shared, not copied.
 *
 * Refused because readers disagree on what they mean, so the writer's intent is unknown:
 * - tags other than the core ones (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq`,
 *   `!!map`): `!!python/object/apply:numpy…` is what `yaml.dump` writes for a numpy value, and only
 *   Python's unsafe loader can read it (DVC refuses such files too); other tags are application
 *   types (`!!binary`, `!!set`, `!Ref`) with no metric value;
 * - merge keys (`<<: *base`): YAML 1.1 readers (PyYAML) merge the mapping, YAML 1.2 readers read
 *   a key named `<<`;
 * - integers with a leading zero (`010`): octal 8 for YAML 1.1 readers, 10 for YAML 1.2;
 * - several documents (`---` between them): which one holds the metrics is unknown;
 * - a list or mapping as a key (`? [a, b]`): names are text.
 */
import type { Document, LineCounter, Node, Pair, Scalar as YamlScalar } from 'yaml';
import { UserError, type Location } from '../errors.js';
import { checkKeyLength, checkStringLength, MAX_ALIAS_NODES, MAX_TREE_DEPTH, tooDeep } from './limits.js';
import type { Scalar, TreeEntry, TreeNode } from './tree.js';
import { parseSimpleYaml } from './yaml-lite.js';

type Yaml = typeof import('yaml');

/**
 * `lineOffset` shifts every line, for YAML cut out of a larger file (Markdown front matter). Simple
 * configuration YAML takes the fast path (yaml-lite.ts); the yaml package is loaded only for the
 * rest, on first use, not at start-up.
 */
export async function parseYamlWithPositions(text: string, file: string, lineOffset = 0): Promise<TreeNode> {
  return parseSimpleYaml(text, lineOffset) ?? parseFullYaml(text, file, lineOffset);
}

/** The same without the fast path: what the fast path must agree with (the fuzz suite compares them). */
export async function parseFullYaml(text: string, file: string, lineOffset = 0): Promise<TreeNode> {
  const yaml = await import('yaml');
  const counter = new yaml.LineCounter();
  const at = (offset: number): Location => {
    const { line, col } = counter.linePos(offset);
    return { file, line: line + lineOffset, column: col };
  };
  const doc = composeDocument(yaml, text, counter, at);
  const error = doc.errors[0];
  if (error) throw new UserError(`malformed YAML: ${error.message.split('\n')[0]}`, at(error.pos[0]));
  // An unknown tag, where it is written (a collection's own position is on the next line).
  for (const w of doc.warnings) {
    const tag = w.code === 'TAG_RESOLVE_FAILED' ? /^Unresolved tag: (\S+)/.exec(w.message)?.[1] : undefined;
    if (tag && !CORE_TAG.test(tag)) throw new UserError(unsupportedTag(tag), at(w.pos[0]));
  }
  if (doc.contents === null) throw new UserError(`empty file`, file);
  return new Converter(yaml, at).convert(doc.contents);
}

/**
 * What the package's parseDocument does, with the nesting checked after every token: the parser
 * keeps a stack of the collections open (plus the document and the token being read), so its
 * height bounds the depth before the recursive composer ever runs.
 */
function composeDocument(yaml: Yaml, text: string, counter: LineCounter, at: (offset: number) => Location): Document {
  const parser = new yaml.Parser(counter.addNewLine);
  function* tokens() {
    counter.addNewLine(0);
    for (const lexeme of new yaml.Lexer().lex(text)) {
      yield* parser.next(lexeme);
      if (parser.stack.length > MAX_TREE_DEPTH + 3) throw tooDeep(at(parser.offset));
    }
    yield* parser.end();
  }
  let doc: Document | undefined;
  for (const d of new yaml.Composer().compose(tokens(), true, text.length)) {
    if (doc) {
      throw new UserError(
        `the file holds several YAML documents (separated by '---'); it must hold one`,
        at(d.range[0]),
      );
    }
    doc = d;
  }
  return doc!;
}

/** A converted node: its tree, the number of nodes in it and its height (a scalar has 0). */
interface Built {
  tree: TreeNode;
  size: number;
  height: number;
}

/** A collection being converted; `depth` counts it (the top-level collection has depth 1). */
interface Frame {
  node: Node;
  pairs: readonly unknown[];
  tree: Extract<TreeNode, { kind: 'object' | 'array' }>;
  depth: number;
  size: number;
  height: number;
  /** The key of the entry whose value is being converted (mappings). */
  key?: { key: string; line: number };
}

const CORE_TAG = /^tag:yaml\.org,2002:(str|int|float|bool|null|seq|map)$/;
const YAML_TAG = 'tag:yaml.org,2002:';
/** An integer with a leading zero: octal for YAML 1.1 readers, decimal for YAML 1.2 ones. */
const LEADING_ZERO = /^[-+]?0[0-9]+$/;

/**
 * The yaml package's nodes to a TreeNode, iteratively (no depth can overflow the call stack).
 * Aliases resolve as the package resolves them: to the last node with that anchor before the
 * alias, in document order (keys before values).
 */
class Converter {
  private readonly anchors = new Map<string, Node>();
  /** Converted collections that carry an anchor, for their aliases. */
  private readonly done = new Map<Node, Built>();
  /** Collections with an anchor whose conversion has started but not finished. */
  private readonly open = new Set<Node>();
  private aliasNodes = 0;

  constructor(
    private readonly yaml: Yaml,
    private readonly at: (offset: number) => Location,
  ) {}

  convert(root: Node): TreeNode {
    const stack: Frame[] = [];
    let built = this.begin(root, this.line(root, 1), 0, stack);
    for (;;) {
      if (built) {
        const parent = stack[stack.length - 1];
        if (!parent) return built.tree;
        this.attach(parent, built);
      }
      built = undefined;
      const top = stack[stack.length - 1];
      const filled = top.tree.kind === 'object' ? top.tree.entries.length : top.tree.items.length;
      if (filled < top.pairs.length) {
        built = this.beginChild(top, top.pairs[filled], stack);
        continue;
      }
      stack.pop();
      built = { tree: top.tree, size: top.size, height: top.height };
      if (this.open.delete(top.node)) this.done.set(top.node, built);
    }
  }

  /** Starts converting the item or pair `item` of `frame`; returns it when it was a scalar or alias. */
  private beginChild(frame: Frame, item: unknown, stack: Frame[]): Built | undefined {
    const { isPair } = this.yaml;
    if (!isPair(item)) return this.begin(item as Node, this.line(item as Node, frame.tree.line), frame.depth, stack);
    const keyLine = this.line(item.key as Node, frame.tree.line);
    frame.key = { key: this.key(item as Pair<unknown, unknown>), line: keyLine };
    const value = item.value as Node | null;
    if (value === null) return { tree: { kind: 'scalar', value: null, line: keyLine }, size: 1, height: 0 };
    return this.begin(value, this.line(value, keyLine), frame.depth, stack);
  }

  /** Adds a converted child to its collection. */
  private attach(frame: Frame, child: Built): void {
    frame.size += child.size;
    frame.height = Math.max(frame.height, child.height + 1);
    if (frame.tree.kind === 'object') {
      const { key, line } = frame.key!;
      const entry: TreeEntry = { key, line, value: child.tree };
      frame.tree.entries.push(entry);
    } else {
      frame.tree.items.push(child.tree);
    }
  }

  /**
   * Converts a scalar or an alias, or pushes the frame of a collection (returns undefined).
   * `depth` is the depth of the collection holding `node` (0 at the top).
   */
  private begin(node: Node, line: number, depth: number, stack: Frame[]): Built | undefined {
    const { isAlias, isMap, isSeq, isScalar } = this.yaml;
    if (isAlias(node)) return this.alias(node.source, node, line, depth);
    this.checkTag(node);
    if (node.anchor) this.anchors.set(node.anchor, node);
    if (isScalar(node)) return { tree: this.scalar(node, line), size: 1, height: 0 };
    if (!isMap(node) && !isSeq(node)) throw new UserError(`unsupported YAML node`, this.where(node));
    if (depth + 1 > MAX_TREE_DEPTH) throw tooDeep(this.where(node));
    if (node.anchor) this.open.add(node);
    stack.push({
      node,
      pairs: node.items,
      tree: isMap(node) ? { kind: 'object', entries: [], line } : { kind: 'array', items: [], line },
      depth: depth + 1,
      size: 1,
      height: 1,
    });
    return undefined;
  }

  /** What `*name` stands for: the anchored node's tree (shared), counted against MAX_ALIAS_NODES. */
  private alias(name: string, node: Node, line: number, depth: number): Built {
    const target = this.anchors.get(name);
    if (!target) throw new UserError(`alias *${name} has no anchor &${name} before it`, this.where(node));
    if (this.open.has(target)) {
      throw new UserError(`alias *${name} is inside the collection &${name} it names (a cycle)`, this.where(node));
    }
    const built: Built = this.yaml.isScalar(target)
      ? { tree: this.scalar(target, line), size: 1, height: 0 }
      : { ...this.done.get(target)!, tree: { ...this.done.get(target)!.tree, line } };
    this.aliasNodes += built.size;
    if (this.aliasNodes > MAX_ALIAS_NODES) {
      throw new UserError(
        `aliases expand to more than ${MAX_ALIAS_NODES} values (the limit); write the values out`,
        this.where(node),
      );
    }
    if (depth + built.height > MAX_TREE_DEPTH) throw tooDeep(this.where(node));
    return built;
  }

  /** A mapping key as text: a scalar, or an alias of one. */
  private key(pair: Pair<unknown, unknown>): string {
    const { isAlias, isScalar } = this.yaml;
    let node = pair.key as Node | null;
    if (node === null) return '';
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      if (!target)
        throw new UserError(`alias *${node.source} has no anchor &${node.source} before it`, this.where(node));
      node = target;
    } else {
      this.checkTag(node);
      if (node.anchor) this.anchors.set(node.anchor, node);
    }
    if (!isScalar(node)) {
      throw new UserError(`a mapping key is a list or mapping; keys must be plain text`, this.where(node));
    }
    if (node.type === 'PLAIN' && node.value === '<<') {
      throw new UserError(
        `merge keys ('<<') are not supported: YAML 1.1 readers (PyYAML) merge the mapping, YAML 1.2 ` +
          `readers read a key named '<<'; write the keys out`,
        this.where(node),
      );
    }
    const key = this.scalarValue(node);
    const text = key === null ? '' : String(key);
    checkKeyLength(text, this.where(node));
    return text;
  }

  private scalar(node: YamlScalar, line: number): TreeNode {
    return { kind: 'scalar', value: this.scalarValue(node), line };
  }

  private scalarValue(node: YamlScalar): Scalar {
    const raw = node.value;
    if (node.type === 'PLAIN' && typeof raw === 'number' && LEADING_ZERO.test(node.source ?? '')) {
      throw new UserError(
        `'${node.source}' has a leading zero: YAML 1.1 readers (PyYAML) read it as an octal number, YAML 1.2 ` +
          `readers as decimal; write it without the zero, or quote it`,
        this.where(node),
      );
    }
    if (typeof raw === 'string') checkStringLength(raw, this.where(node));
    return raw === null ||
      raw === undefined ||
      typeof raw === 'number' ||
      typeof raw === 'boolean' ||
      typeof raw === 'string'
      ? (raw ?? null)
      : String(raw);
  }

  /** Refuses every tag but the core schema's (see the file comment). */
  private checkTag(node: Node): void {
    const tag = node.tag;
    if (tag === undefined) return;
    if (!CORE_TAG.test(tag)) throw new UserError(unsupportedTag(tag), this.where(node));
    // A core tag that does not fit its value (`!!float abc`, `!!int 1.5`) is left as text by the
    // package, with a warning: refuse it rather than read text where a number was declared.
    if (!tag.endsWith(':str') && this.yaml.isScalar(node) && typeof node.value === 'string') {
      throw new UserError(`the value ${JSON.stringify(node.source)} is not a valid ${shortTag(tag)}`, this.where(node));
    }
  }

  private line(node: Node | null | undefined, fallback: number): number {
    return node?.range ? (this.at(node.range[0]).line ?? fallback) : fallback;
  }

  private where(node: Node | null | undefined): Location {
    return this.at(node?.range?.[0] ?? 0);
  }
}

/** Why a tag other than the core ones is refused. */
function unsupportedTag(tag: string): string {
  if (tag.startsWith(`${YAML_TAG}python/`)) {
    return (
      `the YAML tag ${shortTag(tag)} holds a Python object (yaml.dump of a numpy value?) that only Python ` +
      `can load; write plain numbers: float(x) before yaml.dump, or yaml.safe_dump`
    );
  }
  return (
    `the YAML tag ${shortTag(tag)} is not supported; values must be plain (core tags only: ` +
    `!!str, !!int, !!float, !!bool, !!null, !!seq, !!map)`
  );
}

/** `tag:yaml.org,2002:float` → `!!float`. */
function shortTag(tag: string): string {
  return tag.startsWith(YAML_TAG) ? `!!${tag.slice(YAML_TAG.length)}` : tag;
}
