/**
 * Bounds on every JSON/YAML tree the action parses (metrics files, thresholds, expectations,
 * drift-config, model-card front matter), so that a small hostile file can neither exhaust memory
 * nor the call stack. docs/limits.md lists them with the reasons for each value.
 */
import { UserError, type Location } from '../errors.js';

/**
 * Deepest nesting of collections (a top-level scalar is depth 0, `{"a": 1}` depth 1). Real
 * metrics and configuration files nest under 10 levels (a `dvc metrics show --json` tree: 6); the
 * recursive walks downstream (Ajv, reports) stay far from the call-stack limit at this depth.
 */
export const MAX_TREE_DEPTH = 256;

/**
 * Most nodes that YAML aliases may add to a document in total, counting an alias as the whole
 * subtree it stands for (expanded, as every reader expands it). Aliases in configuration files
 * reuse a rule set or a value a few times; a "billion laughs" file asks for 10^9 nodes.
 */
export const MAX_ALIAS_NODES = 10_000;

/**
 * Longest mapping key, in characters: a metric, rule or column name. Real names are under 100
 * characters; a longer key is refused rather than carried into logs, outputs and tag messages.
 */
export const MAX_KEY_LENGTH = 1024;

/**
 * Longest string value, in characters. Metrics files hold numbers and short texts (a model name,
 * a prompt template of a few kB); a longer value is a mistake or an attack.
 */
export const MAX_STRING_LENGTH = 1024 * 1024;

/**
 * Largest configuration text (thresholds, expectations, drift-config), in bytes. Configurations
 * are hand-written and small (an `in-set` of 100 000 codes is ~1 MB); parsing YAML costs ~50 bytes
 * of memory per byte of text, so this keeps a hostile configuration under ~200 MB.
 */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** Refuses a mapping key over MAX_KEY_LENGTH (the message shows its start). */
export function checkKeyLength(key: string, at: Location): void {
  if (key.length > MAX_KEY_LENGTH) {
    throw new UserError(
      `a key is ${key.length} characters long (${JSON.stringify(key.slice(0, 40))}…); the limit is ${MAX_KEY_LENGTH}`,
      at,
    );
  }
}

/** Refuses a string value over MAX_STRING_LENGTH. */
export function checkStringLength(value: string, at: Location): void {
  if (value.length > MAX_STRING_LENGTH) {
    throw new UserError(
      `a string value is ${value.length} characters long; the limit is ${MAX_STRING_LENGTH} (1 MiB)`,
      at,
    );
  }
}

/** The error for nesting deeper than MAX_TREE_DEPTH. */
export function tooDeep(at: Location): UserError {
  return new UserError(`nested deeper than ${MAX_TREE_DEPTH} levels (the limit)`, at);
}
