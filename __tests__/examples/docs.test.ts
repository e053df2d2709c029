/**
 * The README's input and output tables are generated from action.yml (`npm run docs`); this fails
 * when they differ, as actions/checkout's check does.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { classify, render, SECTIONS, tables } from '../../scripts/docs.mjs';
import { ACTION, ACTION_TEXT, ROOT } from './helpers.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

test("README.md's tables are what `npm run docs` generates from action.yml", () => {
  const fresh = render(README, ACTION_TEXT);
  if (fresh !== README) throw new Error("README.md's input/output tables differ from action.yml: run 'npm run docs' and commit README.md");
});

test('every input and output of action.yml is in a README table', () => {
  const generated = Object.values(tables(ACTION_TEXT)).join('\n');
  for (const name of [...Object.keys(ACTION.inputs), ...Object.keys(ACTION.outputs)]) expect(generated).toContain(`| \`${name}\` |`);
  for (const section of SECTIONS) expect(README).toContain(`<!-- inputs:${section}:start -->`);
});

test('a changed description makes the check fail', () => {
  const changed = ACTION_TEXT.replace("'`drift`: columns to leave out", "'`drift`: columns to skip");
  expect(changed).not.toBe(ACTION_TEXT);
  expect(render(README, changed)).not.toBe(README);
});

test('items are placed by the stage their description names', () => {
  expect(classify('`drift`: columns to compare.')).toEqual({ stages: ['drift'], text: 'Columns to compare.' });
  expect(classify('Metrics file(s). Used by `gate`, `validate` and `promote`.')).toEqual({ stages: ['gate', 'validate', 'promote'], text: 'Metrics file(s).' });
  expect(classify('Write the job summary.').stages).toEqual([]);
});
