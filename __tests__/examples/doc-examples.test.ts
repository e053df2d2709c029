/**
 * The YAML examples of README.md, CONTRIBUTING.md and docs/*.md are what a user copies: every
 * ```yaml block parses, and every step in them that runs this action with inputs (not a bare `uses:`
 * line showing how to pin) passes only inputs action.yml declares, belonging to the step's stage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ACTION, inputStage, isThisAction, ROOT, type Step } from './helpers.js';

const FILES = ['README.md', 'CONTRIBUTING.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

interface Block {
  where: string;
  text: string;
}

/** The ```yaml / ```yml blocks of a markdown text, dedented (a block may sit in a list item). */
function yamlBlocks(file: string, markdown: string): Block[] {
  const lines = markdown.split(/\r?\n/);
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```ya?ml\s*$/.test(lines[i])) continue;
    const end = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l));
    const body = lines.slice(i + 1, end);
    const indent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
    out.push({ where: `${file}:${i + 2}`, text: body.map((l) => l.slice(indent)).join('\n') });
    i = end;
  }
  return out;
}

/** The steps of a parsed example that run this action with inputs: from a list of steps, or a job-like mapping with `steps:`. */
function actionStepsOf(doc: unknown): Step[] {
  const list: unknown = Array.isArray(doc) ? doc : (doc as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(list)) return [];
  return list.filter((s): s is Step => typeof s === 'object' && s !== null && isThisAction((s as Step).uses) && (s as Step).with !== undefined);
}

/** Problems of one step of this action: an input action.yml lacks, or one another stage reads. */
function stepProblems(step: Step): string[] {
  const inputs = step.with ?? {};
  const stage = String(inputs.stage ?? '');
  const problems = ['validate', 'gate', 'drift', 'promote'].includes(stage) ? [] : [`stage '${stage}'`];
  for (const name of Object.keys(inputs)) {
    if (!(name in ACTION.inputs)) problems.push(`undeclared input '${name}'`);
    else {
      const owner = inputStage(ACTION.inputs[name].description);
      if (owner !== undefined && owner !== stage) problems.push(`'${name}' belongs to ${owner}, not ${stage}`);
    }
  }
  return problems;
}

const BLOCKS = FILES.flatMap((f) => yamlBlocks(f, readFileSync(path.join(ROOT, f), 'utf8')));

test('the documentation has YAML examples, some of them steps of this action, of every stage', () => {
  const stages = BLOCKS.flatMap((b) => actionStepsOf(parse(b.text)).map((s) => String(s.with?.stage)));
  expect([...new Set(stages)].sort()).toEqual(['drift', 'gate', 'promote', 'validate']);
});

test.each(BLOCKS.map((b) => [b.where, b.text] as const))('%s parses, and its steps of this action pass inputs of their stage', (_where, text) => {
  const doc = parse(text) as unknown;
  expect(actionStepsOf(doc).flatMap(stepProblems)).toEqual([]);
});

test('the checks can fail: a flow mapping with an unquoted ${{ }}, a foreign and an undeclared input', () => {
  expect(() => parse("- uses: org/ml-quality-gate@v1\n  with: { stage: drift, current: part-${{ matrix.part }}.csv }\n")).toThrow();
  expect(stepProblems({ uses: 'org/ml-quality-gate@v1', with: { stage: 'gate', reference: 'a.csv', treshold: 'x' } })).toEqual([
    "'reference' belongs to drift, not gate",
    "undeclared input 'treshold'",
  ]);
  const [block] = yamlBlocks('x.md', '- item\n\n  ```yaml\n  a: 1\n  ```\n');
  expect(parse(block.text)).toEqual({ a: 1 });
});
