import { UserError } from '../../src/errors.js';
import { parseExpectations } from '../../src/validate/parse.js';

const parse = (text: string) => parseExpectations(text, 'exp.yml');

async function refused(text: string, line: number, ...fragments: string[]): Promise<void> {
  const err = await parse(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).line).toBe(line);
  expect((err as UserError).file).toBe('exp.yml');
  for (const f of fragments) expect((err as UserError).message).toContain(f);
}

test('rules keep their line, column and defaults', async () => {
  const exp = await parse(
    [
      'table:',
      '  row-count: { max: 100 }',
      'columns:',
      '  age:',
      '    between: { min: 0, max: 120, mostly: 0.99 }',
      '    not-null: true',
      '  "a b":',
      '    in-set: [x, 1, true]',
    ].join('\n'),
  );
  expect(exp.rules).toEqual([
    { rule: 'row-count', min: 1, max: 100, column: null, line: 2, text: 'row-count 1 to 100' },
    {
      rule: 'between',
      min: 0,
      max: 120,
      strictMin: false,
      strictMax: false,
      mostly: 0.99,
      column: 'age',
      line: 5,
      text: 'between 0 to 120 (mostly 0.99)',
    },
    { rule: 'not-null', mostly: 1, column: 'age', line: 6, text: 'not-null' },
    { rule: 'in-set', values: ['x', 1, true], mostly: 1, column: 'a b', line: 8, text: 'in-set [x, 1, true]' },
  ]);
});

test.each([
  ['columns:\n  age:\n    betwen: { min: 0 }\n', 3, "unknown rule 'betwen'", "column 'age'"],
  ['table:\n  rows: { min: 1 }\n', 2, "unknown table rule 'rows'"],
  ['tables:\n  row-count: { min: 1 }\n', 1, "unknown block 'tables'"],
  ['columns:\n  age:\n    not-null: true\n    between: { min: 5, max: 1 }\n', 4, 'max (1) is below min (5)'],
  ['columns:\n  age:\n    between: { low: 0 }\n', 3, "unknown key 'low'"],
  ['columns:\n  age:\n    between: { min: "zero" }\n', 3, 'min must be a finite number'],
  ['columns:\n  age:\n    between: { min: 0, mostly: 1.5 }\n', 3, 'mostly must be a share above 0 and at most 1'],
  ['columns:\n  age:\n    type: float\n', 3, 'type: expected one of number, integer, string, boolean, date'],
  ['columns:\n  c:\n    in-set: []\n', 3, 'in-set: expected a non-empty list'],
  ['columns:\n  c:\n    regex: "("\n', 3, 'regex: pattern /(/ is not valid RE2 syntax (missing closing )'],
  ['columns:\n  c:\n    not-null: false\n', 3, 'not-null: expected true or { mostly'],
  [
    'columns:\n  c:\n    max-missing-share: 5\n',
    3,
    'max-missing-share: expected a share from 0 up to (not including) 1',
  ],
  ['columns:\n  c:\n    mean-between: {}\n', 3, 'give min, max or both'],
  ['table:\n  columns: { exactly: [a], at-least: [b] }\n', 2, 'exactly one of'],
  ['table:\n  row-count: { min: 1.5 }\n', 2, 'min must be a finite integer'],
  ['columns:\n  c:\n', 2, "column 'c': expected a mapping of rules"],
  ['columns:\n  c:\n    not-null: true\n  c:\n    unique: true\n', 4, 'Map keys must be unique'],
  ['columns:\n  c: [\n', 3, 'malformed YAML'], // the yaml package reports an unclosed list where the text ends,
  ['- a\n- b\n', 1, 'expected a mapping'],
] as [string, number, ...string[]][])('%j is refused at line %i', async (text, line, ...fragments) =>
  refused(text, line, ...fragments),
);
