#!/usr/bin/env node
/**
 * The README's input and output tables, generated from action.yml (as actions/checkout does):
 *   npm run docs                   rewrite the tables between the README's markers
 *   node scripts/docs.mjs --check  exit 1 when README.md differs from what action.yml gives
 * Markers: <!-- inputs:<section>:start --> … <!-- inputs:<section>:end --> (and outputs:), with
 * <section> one of common, validate, gate, drift, promote. An item belongs to a stage when its
 * description starts with the stage in backticks ("`drift`: …") or says "Used by `gate`, `validate`
 * and `promote`."; every other input applies to every stage (common).
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

/** README text with every marked block replaced; throws when a block's markers are missing. */
export function render(readme, actionText) {
  let out = readme;
  for (const [name, body] of Object.entries(tables(actionText))) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i < 0 || j < i) {
      if (name.startsWith('outputs:') && body.startsWith('_none')) continue; // optional block
      throw new Error(`README.md has no '${start}' … '${end}' block for ${name}`);
    }
    out = `${out.slice(0, i + start.length)}\n<!-- generated from action.yml by \`npm run docs\`: do not edit -->\n${body}\n${out.slice(j)}`;
  }
  return out;
}

function main() {
  const readmePath = path.join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = render(readme, readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error("README.md's input/output tables differ from action.yml: run 'npm run docs' and commit README.md.");
      process.exit(1);
    }
    console.log('README.md tables match action.yml.');
  } else if (next !== readme) {
    writeFileSync(readmePath, next);
    console.log('README.md tables regenerated from action.yml.');
  } else {
    console.log('README.md tables already match action.yml.');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
