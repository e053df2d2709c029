/**
 * The input and output tables of README.md and docs/*.md are generated from action.yml
 * (`npm run docs`); this fails when they differ, as actions/checkout's check does, and
 * `node scripts/docs.mjs --check` names the file that is stale.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { classify, docFiles, renderAll, SECTIONS, STAGES, tables } from '../../scripts/docs.mjs';
import { ACTION, ACTION_TEXT, ROOT } from './helpers.js';

const FILES = docFiles(ROOT);
const TEXTS: Record<string, string> = Object.fromEntries(FILES.map((f) => [f, readFileSync(path.join(ROOT, f), 'utf8')]));
const SCRIPT = path.join(ROOT, 'scripts/docs.mjs');

test('the tables of every documentation file are what `npm run docs` generates from action.yml', () => {
  const fresh = renderAll(TEXTS, ACTION_TEXT);
  expect(FILES.filter((f) => fresh[f] !== TEXTS[f])).toEqual([]);
});

test("every input and output of action.yml is in a table, and each stage's tables are on its page", () => {
  const generated = Object.values(tables(ACTION_TEXT)).join('\n');
  for (const name of [...Object.keys(ACTION.inputs), ...Object.keys(ACTION.outputs)]) expect(generated).toContain(`| \`${name}\` |`);
  expect(FILES).toEqual(expect.arrayContaining(['README.md', 'docs/common-inputs.md', ...STAGES.map((s) => `docs/${s}.md`)]));
  for (const section of SECTIONS) {
    const page = section === 'common' ? 'docs/common-inputs.md' : `docs/${section}.md`;
    expect([page, TEXTS[page].includes(`<!-- inputs:${section}:start -->`)]).toEqual([page, true]);
    expect([page, TEXTS[page].includes(`<!-- outputs:${section}:start -->`)]).toEqual([page, true]);
  }
});

test('a changed description makes the page that shows it stale', () => {
  const changed = ACTION_TEXT.replace("'`drift`: columns to leave out", "'`drift`: columns to skip");
  expect(changed).not.toBe(ACTION_TEXT);
  const fresh = renderAll(TEXTS, changed);
  expect(FILES.filter((f) => fresh[f] !== TEXTS[f])).toEqual(['docs/drift.md']);
});

test('a block in no file, or a start marker without its end, is an error naming it', () => {
  const withoutDrift = { ...TEXTS, 'docs/drift.md': TEXTS['docs/drift.md'].replace('<!-- inputs:drift:start -->', '') };
  expect(() => renderAll(withoutDrift, ACTION_TEXT)).toThrow("'<!-- inputs:drift:start -->'");
  const noEnd = { ...TEXTS, 'docs/gate.md': TEXTS['docs/gate.md'].replace('<!-- outputs:gate:end -->', '') };
  expect(() => renderAll(noEnd, ACTION_TEXT)).toThrow("docs/gate.md has '<!-- outputs:gate:start -->' but no '<!-- outputs:gate:end -->'");
});

test('`docs.mjs --check` on a copy with one stale page fails naming that page; `npm run docs` fixes it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mqg-docs-'));
  try {
    for (const f of ['README.md', 'action.yml']) cpSync(path.join(ROOT, f), path.join(dir, f));
    cpSync(path.join(ROOT, 'docs'), path.join(dir, 'docs'), { recursive: true });
    const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, '--root', dir, ...args], { encoding: 'utf8' });
    expect(run('--check').status).toBe(0);

    const gate = path.join(dir, 'docs/gate.md');
    writeFileSync(gate, TEXTS['docs/gate.md'].replace('| `passed` |', '| `passed-edited-by-hand` |'));
    const stale = run('--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('docs/gate.md');
    expect(stale.stderr).not.toContain('docs/drift.md');

    expect(run().status).toBe(0);
    expect(readFileSync(gate, 'utf8')).toBe(TEXTS['docs/gate.md']);
    expect(run('--check').status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('items are placed by the stage their description names', () => {
  expect(classify('`drift`: columns to compare.')).toEqual({ stages: ['drift'], text: 'Columns to compare.' });
  expect(classify('Metrics file(s). Used by `gate`, `validate` and `promote`.')).toEqual({ stages: ['gate', 'validate', 'promote'], text: 'Metrics file(s).' });
  expect(classify('Write the job summary.').stages).toEqual([]);
});
