import { escapeCell, inert } from '../../src/report/escape.js';
import { formatNumber, formatSigned } from '../../src/report/format.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { capAnnotations } from '../../src/report/reporter.js';
import type { Annotation } from '../../src/report/result.js';

test('escapeCell neutralises HTML and Markdown table syntax', () => {
  expect(escapeCell('<img src=x onerror="alert(1)">|`[a](b)`*\\&')).toBe(
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#124;&#96;&#91;a&#93;(b)&#96;&#42;&#92;&amp;',
  );
  expect(escapeCell('two\nlines')).toBe('two lines');
});

test('inert keeps a value on one line and breaks legacy commands', () => {
  expect(inert('x\n::error::pwned')).toBe('x\\u000a::error::pwned');
  expect(inert('##[set-output name=x]')).not.toContain('##[');
  expect(inert('%0A::warning::')).toBe('%0A::warning::');
});

test('renderMarkdown escapes every table cell', () => {
  const md = renderMarkdown([
    { kind: 'heading', text: 'a <b>' },
    { kind: 'table', header: ['k', 'v'], rows: [['<i>', 'a|b']] },
  ]);
  expect(md).toBe('## a &lt;b&gt;\n\n| k | v |\n|---|---|\n| &lt;i&gt; | a&#124;b |\n');
});

test('numbers are shown without float noise', () => {
  expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  expect(formatNumber(2.7199999999999998)).toBe('2.72');
  expect(formatNumber(3.5467769063407616e16)).toBe('3.547e+16');
  expect(formatNumber(-205389824)).toBe('-205389824');
  expect(formatSigned(-0.027)).toBe('−0.027');
  expect(formatSigned(26.35, ' %')).toBe('+26.35 %');
});

test('capAnnotations keeps nine per level and folds the rest', () => {
  const mk = (level: Annotation['level'], n: number) =>
    Array.from({ length: n }, (_, i) => ({ level, message: `${level} ${i}`, file: 'f', line: i + 1 }));
  const out = capAnnotations([...mk('error', 13), ...mk('warning', 10)]);
  const errors = out.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(10);
  expect(errors[9].title).toBe('4 more');
  expect(errors[9].message.split('\n')).toEqual([
    'f:10: error 9',
    'f:11: error 10',
    'f:12: error 11',
    'f:13: error 12',
  ]);
  expect(out.filter((a) => a.level === 'warning')).toHaveLength(10);
});
