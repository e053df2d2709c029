/**
 * `metrics-schema`: a JSON Schema (draft 2020-12, https://json-schema.org/draft/2020-12) that every
 * metrics document must satisfy, checked with Ajv (https://ajv.js.org), loaded only here. JSON and
 * YAML metrics files (and a model card's front matter) are checked as written; files that are not
 * a tree (CSV, MLflow metric files and run folders) as the object of their flattened metrics
 * (`{"accuracy": 0.93, …}`). Every error is reported with its JSON path (`$.results["acc,none"]`)
 * and, where the path exists in the file, its line. A schema file that is not JSON/YAML or not a
 * valid 2020-12 schema is a UserError, never a pass. `format` is an annotation only, as 2020-12
 * specifies by default (no format is asserted). `pattern` and `patternProperties` run on RE2
 * (pattern.ts: linear time; no backreferences or lookaround), through Ajv's `code.regExp` option.
 */
import { stat } from 'node:fs/promises';
import { readTextFile } from '../files/read-text.js';
import { extname } from 'node:path';
import { UserError } from '../errors.js';
import { looksLikeJson, parseTree, syntaxOf } from '../tree/parse.js';
import { entry, toPlain, type TreeNode } from '../tree/tree.js';
import type { MetricFile } from '../metrics/types.js';
import type { MetricCheck } from './metrics.js';
import { compilePattern } from './pattern.js';

/** Errors beyond this many per file are counted, not listed. */
const MAX_ERRORS_PER_FILE = 20;

export async function checkSchema(schemaPath: string, files: MetricFile[]): Promise<MetricCheck[]> {
  const validate = await compileSchema(schemaPath);
  const checks: MetricCheck[] = [];
  for (const f of files) {
    const { doc, tree } = await documentOf(f);
    if (validate(doc)) {
      checks.push({
        check: 'schema',
        metric: null,
        value: null,
        passed: true,
        message: `${f.file} satisfies ${schemaPath}`,
        file: f.file,
        line: null,
      });
      continue;
    }
    const errors = validate.errors ?? [];
    for (const e of errors.slice(0, MAX_ERRORS_PER_FILE)) {
      const segments = pointerSegments(e.instancePath);
      const path = jsonPath(segments);
      checks.push({
        check: 'schema',
        metric: path,
        value: null,
        passed: false,
        message: `${path}: ${e.message ?? e.keyword}`,
        file: f.file,
        line: tree ? lineAt(tree, segments) : null,
      });
    }
    if (errors.length > MAX_ERRORS_PER_FILE) {
      checks.push({
        check: 'schema',
        metric: null,
        value: null,
        passed: false,
        message: `… and ${errors.length - MAX_ERRORS_PER_FILE} more schema errors in ${f.file}`,
        file: f.file,
        line: null,
      });
    }
  }
  return checks;
}

type Validator = ((doc: unknown) => boolean) & {
  errors?: { instancePath: string; keyword: string; message?: string; params: unknown }[] | null;
};

async function compileSchema(schemaPath: string): Promise<Validator> {
  const text = await readTextFile(schemaPath, { what: 'metrics-schema file' });
  let schema: unknown;
  try {
    // The bounded tree parsers (depth, aliases, sizes: docs/limits.md), not yaml.parse / JSON.parse.
    schema = toPlain(await parseTree(text, schemaPath, /\.ya?ml$/i.test(schemaPath) ? 'yaml' : 'json'));
  } catch (e) {
    throw new UserError(
      `the metrics schema is not valid ${/\.ya?ml$/i.test(schemaPath) ? 'YAML' : 'JSON'} (${(e as Error).message.split('\n')[0]})`,
      schemaPath,
    );
  }
  if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null || Array.isArray(schema))) {
    throw new UserError(`not a JSON Schema (expected an object or a boolean)`, schemaPath);
  }
  const mod = await import('ajv/dist/2020.js');
  const Ajv2020 = (mod.default ?? mod) as unknown as typeof mod.default;
  // strict: false — unknown keywords are annotations, as the specification says; logger: false —
  // a stage prints nothing.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    logger: false,
    validateFormats: false,
    code: { regExp: re2RegExp },
  });
  try {
    return ajv.compile(schema as object) as Validator;
  } catch (e) {
    const message = (e as Error).message;
    if (e instanceof PatternError) throw new UserError(`schema pattern: ${message}`, schemaPath);
    throw new UserError(`not a valid JSON Schema (draft 2020-12): ${message}`, schemaPath);
  }
}

class PatternError extends Error {}

/** Ajv's RegExpEngine on RE2; `code` names it for Ajv's standalone mode, which is not used. */
const re2RegExp = Object.assign(
  (pattern: string) => {
    let compiled;
    try {
      compiled = compilePattern(pattern);
    } catch (e) {
      throw new PatternError((e as Error).message);
    }
    return { test: (s: string) => compiled.test(s), toString: () => `re2:${pattern}` };
  },
  { code: 'ml-quality-gate/re2' },
);

/** The document to validate, and its line-aware tree when the file has one. */
async function documentOf(f: MetricFile): Promise<{ doc: unknown; tree?: TreeNode }> {
  // Not a file on disk (metrics from a registry or a run folder) is an answer: the document is the values.
  const info = await stat(f.file).catch(() => undefined);
  if (info?.isFile()) {
    const text = await readTextFile(f.file, { what: 'metrics file' });
    const ext = extname(f.file).toLowerCase();
    if (['.json', '.yaml', '.yml', '.md'].includes(ext) || looksLikeJson(text)) {
      const tree = await parseTree(text, f.file, syntaxOf(f.file, text));
      return { doc: toPlain(tree), tree };
    }
  }
  return { doc: Object.fromEntries(f.metrics.map((m) => [m.name, m.value])) };
}

/** JSON Pointer (RFC 6901) → its unescaped segments. */
function pointerSegments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `$.results["acc,none"][0]`: identifiers with dots, other keys quoted, indexes in brackets. */
export function jsonPath(segments: string[]): string {
  return (
    '$' +
    segments
      .map((s) => (/^\d+$/.test(s) ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`))
      .join('')
  );
}

function lineAt(tree: TreeNode, segments: string[]): number {
  let node = tree;
  let line = tree.line;
  for (const s of segments) {
    if (node.kind === 'object') {
      const e = entry(node, s);
      if (!e) break;
      line = e.line;
      node = e.value;
    } else if (node.kind === 'array' && node.items[Number(s)]) {
      node = node.items[Number(s)];
      line = node.line;
    } else break;
  }
  return line;
}
