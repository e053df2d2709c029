import { configLocation, parseConfig, readInlineOrFile } from '../tree/config.js';
import { UserError } from '../errors.js';
import { findMethod, methodList, type DriftMethodName } from './registry.js';

/** Per-column choice from `drift-config`, with where it was written. */
export interface ColumnConfig {
  method?: DriftMethodName;
  threshold?: number;
  file?: string;
  line?: number;
}

/**
 * Reads `drift-config`: inline YAML or a file, one key per column —
 *   age:    { method: ks, threshold: 0.01 }
 *   plan:   chi2                       (a method name alone)
 *   income: { threshold: 0.2 }         (the auto method with another threshold)
 */
export async function loadDriftConfig(input: string): Promise<Map<string, ColumnConfig>> {
  const out = new Map<string, ColumnConfig>();
  if (!input.trim()) return out;
  const { text, file } = await readInlineOrFile(input, 'drift-config');
  const src = { file, label: 'drift-config' };
  const root = await parseConfig(text, {
    ...src,
    expected: 'a mapping of column names to {method, threshold}, e.g. age: { method: ks, threshold: 0.01 }',
  });
  for (const { key: column, line, value: node } of root.entries) {
    const fail = (msg: string, at = line): never => {
      throw new UserError(`column '${column}': ${msg}`, configLocation(src, at));
    };
    const method = (value: unknown, at?: number): DriftMethodName =>
      findMethod(String(value))?.name ?? fail(`unknown method '${String(value)}'; expected ${methodList()}`, at);
    const entry: ColumnConfig = { file, line };
    if (node.kind === 'scalar' && typeof node.value === 'string') {
      entry.method = method(node.value);
    } else if (node.kind === 'object') {
      for (const { key, line: at, value: item } of node.entries) {
        const value = item.kind === 'scalar' ? item.value : undefined;
        if (key === 'method') entry.method = method(value, at);
        else if (key === 'threshold') {
          if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
            fail(`threshold must be a non-negative number, got '${String(value)}'`, at);
          entry.threshold = value as number;
        } else fail(`unknown key '${key}'; expected method or threshold`, at);
      }
    } else {
      fail('expected a method name or a mapping with method and threshold');
    }
    out.set(column, entry);
  }
  return out;
}
