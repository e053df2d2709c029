/**
 * The texts read as booleans: pandas' defaults for a CSV column (`True`/`TRUE`/`true` and the
 * `False` forms, nothing else: `yes`, `1` or `t` stay text), which are also the YAML 1.2 core
 * booleans that @actions/core's getBooleanInput accepts for an action input.
 */
const TRUE_TEXTS = new Set(['true', 'True', 'TRUE']);
const FALSE_TEXTS = new Set(['false', 'False', 'FALSE']);

/**
 * The boolean a text stands for; undefined when it stands for none.
 *
 * @example
 * booleanOfText('TRUE') // true
 * booleanOfText('False') // false
 * booleanOfText('yes') // undefined
 */
export function booleanOfText(text: string): boolean | undefined {
  return TRUE_TEXTS.has(text) ? true : FALSE_TEXTS.has(text) ? false : undefined;
}

/**
 * Whether a text stands for a boolean.
 *
 * @example
 * isBooleanText('true') // true
 * isBooleanText('1') // false
 */
export function isBooleanText(text: string): boolean {
  return booleanOfText(text) !== undefined;
}
