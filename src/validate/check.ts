/**
 * Checks every expectation against one table. Rules read the typed columns directly (see
 * rules/*.ts); `regex` reads the cells' text as written in the file where the caller gives it
 * (read-data.ts), and the numerical rules read a True/False column as 1/0, as pandas does
 * (rules/boolean.ts). An empty dataset never passes vacuously: its `row-count` rules fail, every
 * rule on rows fails with "no rows to check", and when the file declares no `row-count` rule an
 * implicit "at least 1 row" rule is reported as failed.
 */
import type { Column, Table } from '../data/types.js';
import { checkMean, checkMissingShare } from './rules/aggregate.js';
import { booleanAsNumbers, withCellText } from './rules/boolean.js';
import { checkDistinctCount, checkUnique } from './rules/distinct.js';
import { plainOutcome } from './rules/outcome.js';
import { checkNotNull } from './rules/presence.js';
import { checkColumns, checkNoDuplicateRows, checkRowCount } from './rules/table.js';
import { typeTest } from './rules/type.js';
import { betweenTest, checkValues, inSetTest, regexTest } from './rules/values.js';
import type { Expectation, Expectations, Outcome, Sample } from './types.js';

/** One checked rule, as reported (JSON report, summary, annotations). */
export interface RuleResult {
  rule: string;
  /** null for table rules. */
  column: string | null;
  /** The rule as text, e.g. `between 0 to 120 (mostly 0.99)`. */
  text: string;
  passed: boolean;
  /** Failing rows and rows checked, for row rules; null for table and aggregate rules. */
  failing: number | null;
  checked: number | null;
  /** failing / checked × 100; null when not a row rule or nothing was checked. */
  failing_pct: number | null;
  mostly: number | null;
  message: string;
  /** Up to 5 failing values with their 1-based data row numbers (header excluded). */
  samples: Sample[];
  /** Where the rule is in the expectations file; null for the implicit non-empty rule. */
  line: number | null;
}

/**
 * @param texts columns read as text (the cells as written), by name, for the `regex` rules;
 *   a column not in it is tested on its values' text.
 */
export function checkTable(t: Table, exp: Expectations, texts: ReadonlyMap<string, Column> = new Map()): RuleResult[] {
  const byName = new Map(t.columns.map((c) => [c.name, c]));
  const results = exp.rules.map((r) => result(r, checkOne(t, r, byName, texts)));
  if (t.rowCount === 0 && !exp.rules.some((r) => r.rule === 'row-count')) {
    results.unshift({
      rule: 'row-count',
      column: null,
      text: 'row-count ≥ 1 (implicit)',
      passed: false,
      failing: null,
      checked: null,
      failing_pct: null,
      mostly: null,
      message: 'the dataset is empty (no data rows)',
      samples: [],
      line: null,
    });
  }
  return results;
}

function checkOne(t: Table, r: Expectation, byName: Map<string, Column>, texts: ReadonlyMap<string, Column>): Outcome {
  if (r.column === null) {
    switch (r.rule) {
      case 'row-count':
        return checkRowCount(t, r.min, r.max);
      case 'columns':
        return checkColumns(t, r.mode, r.names);
      case 'no-duplicate-rows':
        return t.rowCount === 0 ? empty() : checkNoDuplicateRows(t, r.mostly);
    }
  }
  const c = byName.get(r.column);
  if (r.rule === 'exists') {
    if (r.present) return plainOutcome(!!c, c ? 'present' : `no column '${r.column}' in the data`);
    return plainOutcome(!c, c ? `column '${r.column}' is present but should not be` : 'absent');
  }
  if (!c) return plainOutcome(false, `no column '${r.column}' in the data`);
  if (t.rowCount === 0) return empty();
  // Numbers see a True/False column as 1/0 (pandas); samples keep the cells' text.
  const bool = c.kind === 'categorical' && c.boolean ? c : undefined;
  const numeric = () => (bool ? booleanAsNumbers(bool) : c);
  const shown = (o: Outcome) => (bool ? withCellText(o, bool) : o);
  switch (r.rule) {
    case 'type':
      return checkValues(c, typeTest(r.type), r.mostly);
    case 'not-null':
      return checkNotNull(c, r.mostly);
    case 'between':
      return shown(checkValues(numeric(), betweenTest(r), r.mostly));
    case 'in-set':
      return checkValues(c, inSetTest(r.values), r.mostly);
    case 'regex':
      return checkValues(texts.get(r.column) ?? c, regexTest(r.pattern), r.mostly);
    case 'unique':
      return shown(checkUnique(numeric(), r.mostly));
    case 'max-missing-share':
      return checkMissingShare(c, t.rowCount, r.share);
    case 'mean-between':
      return checkMean(numeric(), r);
    case 'distinct-count-between':
      return checkDistinctCount(numeric(), r);
  }
}

function empty(): Outcome {
  return plainOutcome(false, 'the dataset is empty: no rows to check');
}

function result(r: Expectation, o: Outcome): RuleResult {
  return {
    rule: r.rule,
    column: r.column,
    text: r.text,
    passed: o.passed,
    failing: o.failing,
    checked: o.checked,
    failing_pct: o.failing !== null && o.checked ? (o.failing / o.checked) * 100 : null,
    mostly: 'mostly' in r ? r.mostly : null,
    message: o.message,
    samples: o.samples,
    line: r.line,
  };
}
