import { fileURLToPath } from 'node:url';
import { readDataFiles } from '../../src/validate/read-data.js';
import type { Table } from '../../src/data/types.js';
import { cellTextsFor } from '../../src/validate/cell-text.js';
import { checkTable, type RuleResult } from '../../src/validate/check.js';
import { parseExpectations } from '../../src/validate/parse.js';

export const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/validate/${name}`, import.meta.url));

const tables = new Map<string, Promise<Table>>();
export function table(name: string): Promise<Table> {
  if (!tables.has(name))
    tables.set(
      name,
      readDataFiles([fixture(name)], undefined).then(([t]) => t),
    );
  return tables.get(name)!;
}

/** Checks YAML expectations against a fixture; returns the results in file order. */
export async function check(yaml: string, data = 'people.csv'): Promise<RuleResult[]> {
  const exp = await parseExpectations(yaml, 'expectations.yml');
  const t = await table(data);
  return checkTable(t, exp, await cellTextsFor(t, exp));
}

/** The only result of a one-rule expectations text. */
export async function one(yaml: string, data = 'people.csv'): Promise<RuleResult> {
  const results = await check(yaml, data);
  expect(results).toHaveLength(1);
  return results[0];
}

export const col = (name: string, rule: string): string => `columns:\n  ${name}:\n    ${rule}\n`;
