#!/usr/bin/env node
/**
 * The input and output tables of the documentation, generated from action.yml (as actions/checkout does):
 *   npm run docs                   rewrite the tables between the markers of README.md and docs/*.md
 *   node scripts/docs.mjs --check  exit 1, naming each file whose tables differ from what action.yml gives
 *   --root <dir>                   work on the copy of the repository in <dir> (tests)
 * Markers: <!-- inputs:<section>:start --> … <!-- inputs:<section>:end --> (and outputs:), with
 * <section> one of common, validate, gate, drift, promote; each block lives in whichever file holds
 * its markers (docs/<stage>.md, docs/common-inputs.md), and every block must be in some file. An item
 * belongs to a stage when its description starts with the stage in backticks ("`drift`: …") or says
 * "Used by `gate`, `validate` and `promote`."; every other input applies to every stage (common).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const STAGES = ['validate', 'gate', 'drift', 'promote'];
export const SECTIONS = ['common', ...STAGES];
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const PREFIX = /^`(validate|gate|drift|promote)`:\s*/;
const USED_BY = /\s*Used by ((?:`\w+`(?:, | and )?)+)\.\s*/;

/** The stages an item of action.yml belongs to ([] for common) and its description without them. */
export function classify(description) {
  const text = String(description ?? '').trim();
  const prefix = PREFIX.exec(text);
  if (prefix) {
    const rest = text.slice(prefix[0].length);
    return { stages: [prefix[1]], text: rest.charAt(0).toUpperCase() + rest.slice(1) };
  }
  const used = USED_BY.exec(text);
  if (used) {
    const stages = [...used[1].matchAll(/`(\w+)`/g)].map((m) => m[1]).filter((s) => STAGES.includes(s));
    return { stages, text: (text.slice(0, used.index) + ' ' + text.slice(used.index + used[0].length)).trim() };
  }
  return { stages: [], text };
}

const cell = (s) => String(s).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();

/** One generated block per marker name (`inputs:gate`, `outputs:common`, …). */
export function tables(actionText) {
  const action = parse(actionText);
  const blocks = {};
  for (const section of SECTIONS) {
    const inputs = Object.entries(action.inputs ?? {}).filter(([, spec]) => {
      const { stages } = classify(spec.description);
      return section === 'common' ? stages.length === 0 : stages.includes(section);
    });
    const outputs = Object.entries(action.outputs ?? {}).filter(([, spec]) => {
      const { stages } = classify(spec.description);
      return section === 'common' ? stages.length === 0 : stages.includes(section);
    });
    blocks[`inputs:${section}`] = [
      '| input | default | description |',
      '|---|---|---|',
      ...inputs.map(([name, spec]) => {
        const def = spec.required ? 'required' : spec.default ? `\`${cell(spec.default)}\`` : '';
        return `| \`${name}\` | ${def} | ${cell(classify(spec.description).text)} |`;
      }),
    ].join('\n');
    blocks[`outputs:${section}`] = [
      '| output | description |',
      '|---|---|',
      ...outputs.map(([name, spec]) => `| \`${name}\` | ${cell(classify(spec.description).text)} |`),
    ].join('\n');
    if (outputs.length === 0) blocks[`outputs:${section}`] = '_none of its own: see the outputs every stage sets_';
  }
  return blocks;
}

/**
 * `text` (the file `file`) with every marked block it holds replaced, and the names of those blocks;
 * throws when a block's start marker has no end marker after it.
 */
export function renderBlocks(text, blocks, file) {
  let out = text;
  const found = [];
  for (const [name, body] of Object.entries(blocks)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const i = out.indexOf(start);
    if (i < 0) continue;
    const j = out.indexOf(end, i);
    if (j < 0) throw new Error(`${file} has '${start}' but no '${end}' after it`);
    out = `${out.slice(0, i + start.length)}\n<!-- generated from action.yml by \`npm run docs\`: do not edit -->\n${body}\n${out.slice(j)}`;
    found.push(name);
  }
  return { text: out, found };
}

/**
 * Every file's text (by relative path) with its marked blocks replaced; throws when a block is in
 * no file (an `outputs:` block of a stage without outputs of its own is optional).
 */
export function renderAll(texts, actionText) {
  const blocks = tables(actionText);
  const out = {};
  const found = new Set();
  for (const [file, text] of Object.entries(texts)) {
    const result = renderBlocks(text, blocks, file);
    out[file] = result.text;
    for (const name of result.found) found.add(name);
  }
  for (const [name, body] of Object.entries(blocks)) {
    if (found.has(name) || (name.startsWith('outputs:') && body.startsWith('_none'))) continue;
    throw new Error(
      `no file of ${Object.keys(texts).join(', ')} has a '<!-- ${name}:start -->' … '<!-- ${name}:end -->' block`,
    );
  }
  return out;
}

/** The documentation files that may hold tables, relative to `root`: README.md and docs/*.md. */
export function docFiles(root) {
  const docs = existsSync(path.join(root, 'docs'))
    ? readdirSync(path.join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
    : [];
  return ['README.md', ...docs];
}

function main() {
  const at = process.argv.indexOf('--root');
  const root = at > 0 ? path.resolve(process.argv[at + 1]) : ROOT;
  const texts = Object.fromEntries(docFiles(root).map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
  const next = renderAll(texts, readFileSync(path.join(root, 'action.yml'), 'utf8'));
  const stale = Object.keys(texts).filter((f) => next[f] !== texts[f]);
  if (process.argv.includes('--check')) {
    for (const f of stale)
      console.error(`${f}: its input/output tables differ from action.yml: run 'npm run docs' and commit it.`);
    if (stale.length > 0) process.exit(1);
    console.log('The input/output tables match action.yml.');
  } else {
    for (const f of stale) writeFileSync(path.join(root, f), next[f]);
    console.log(
      stale.length > 0
        ? `Tables regenerated from action.yml in ${stale.join(', ')}.`
        : 'The input/output tables already match action.yml.',
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
