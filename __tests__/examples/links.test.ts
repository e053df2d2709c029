/**
 * The documentation holds together: every relative link of README.md, CONTRIBUTING.md and docs/*.md
 * points to a file that exists, every `#anchor` into a markdown file to one of its headings (GitHub's
 * slugs), and the README stays a front page (under 15 000 bytes).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers.js';

const FILES = ['README.md', 'CONTRIBUTING.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** The lines of a markdown text outside fenced code blocks. */
function prose(markdown: string): string[] {
  let fence = '';
  const out: string[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === '' || marker.startsWith(fence))) fence = fence === '' ? marker : '';
    else if (fence === '') out.push(line);
  }
  return out;
}

/** GitHub's anchor for a heading: its text as rendered, lowercased, punctuation but '-' and '_' dropped, spaces → '-'. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
}

/** The anchors of a markdown text's headings, with GitHub's `-1`, `-2` suffixes for repeats. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of prose(markdown)) {
    const m = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** The link targets of a markdown text (inline links, images, reference definitions), outside code. */
function links(markdown: string): string[] {
  const out: string[] = [];
  for (const line of prose(markdown)) {
    const text = line.replace(/`[^`]*`/g, 'x');
    for (const m of text.matchAll(/\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1]);
    const def = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)/.exec(text);
    if (def) out.push(def[1]);
  }
  return out;
}

/** Problems of the relative links of `file` (relative to `root`), read as `text`. */
function brokenLinks(root: string, file: string, text: string, read: (abs: string) => string): string[] {
  const problems: string[] = [];
  for (const target of links(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    const [rawPath, anchor] = target.split('#', 2);
    const abs = rawPath === '' ? path.join(root, file) : path.resolve(path.dirname(path.join(root, file)), decodeURI(rawPath));
    if (!existsSync(abs)) {
      problems.push(`${file}: ${target}: no such file`);
      continue;
    }
    if (anchor !== undefined && abs.endsWith('.md') && statSync(abs).isFile() && !anchors(read(abs)).has(anchor)) {
      problems.push(`${file}: ${target}: no heading with that anchor`);
    }
  }
  return problems;
}

const readAbs = (abs: string) => readFileSync(abs, 'utf8');

test.each(FILES)('%s: every relative link and anchor resolves', (file) => {
  expect(brokenLinks(ROOT, file, readFileSync(path.join(ROOT, file), 'utf8'), readAbs)).toEqual([]);
});

test('the link check can fail: a missing file, a missing heading, a link inside code is no link', () => {
  const text = [
    '# A `stage` page',
    '## What it does, and why',
    '[ok](#a-stage-page) [ok](#what-it-does-and-why) [ok](docs/gate.md#rules) [ok](examples/project)',
    '[gone](docs/nowhere.md) [bad anchor](#what-it-does) [bad anchor](docs/gate.md#no-such-heading)',
    '`[not a link](nowhere.md)`',
    '```md',
    '[not a link](nowhere-either.md)',
    '# not a heading',
    '```',
  ].join('\n');
  const read = (abs: string) => (abs === path.join(ROOT, 'README.md') ? text : readAbs(abs));
  expect(brokenLinks(ROOT, 'README.md', text, read)).toEqual([
    'README.md: docs/nowhere.md: no such file',
    'README.md: #what-it-does: no heading with that anchor',
    'README.md: docs/gate.md#no-such-heading: no heading with that anchor',
  ]);
});

test("slugs follow GitHub's rules", () => {
  expect(slug('The `validate` stage')).toBe('the-validate-stage');
  expect(slug('Where things are kept, and for how long')).toBe('where-things-are-kept-and-for-how-long');
  expect(slug('4. Email notifications')).toBe('4-email-notifications');
  expect(slug('Same-run peers (`npm run bench -- drift`)')).toBe('same-run-peers-npm-run-bench----drift');
  expect(slug('profile_out & memory')).toBe('profile_out--memory');
});

test('README.md is a front page: under 15 000 bytes', () => {
  expect(readFileSync(path.join(ROOT, 'README.md')).length).toBeLessThan(15000);
});
