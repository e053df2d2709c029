import type { InputName } from '../constants.js';
import { UserError } from '../errors.js';
import { booleanOfText } from '../data/boolean.js';

/** Reads one input by its action.yml name (an Inputs constant, src/constants.ts), trimmed; '' when not given. */
export type InputReader = (name: InputName) => string;

export function required(input: InputReader, name: InputName, stage: string): string {
  const value = input(name);
  if (!value) throw new UserError(`input '${name}' is required for stage '${stage}'`);
  return value;
}

/** The YAML 1.2 core booleans, as core.getBooleanInput accepts; anything else is an error. */
export function readBoolean(input: InputReader, name: InputName, fallback: boolean): boolean {
  const value = input(name);
  if (value === '') return fallback;
  const b = booleanOfText(value);
  if (b !== undefined) return b;
  throw new UserError(`input '${name}' must be true or false, got '${value}'`);
}

export function readChoice<T extends string>(
  input: InputReader,
  name: InputName,
  choices: readonly T[],
  fallback: T,
): T {
  const value = input(name) || fallback;
  const choice = choices.find((c) => c === value);
  if (!choice) throw new UserError(`input '${name}' must be one of ${choices.join(', ')}; got '${value}'`);
  return choice;
}

/** A finite number within [min, max]; `fallback` when the input is empty (undefined: no default). */
export function readNumber(
  input: InputReader,
  name: InputName,
  fallback: number | undefined,
  min = -Infinity,
  max = Infinity,
): number | undefined {
  const value = input(name);
  if (value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    const range = min > -Infinity || max < Infinity ? ` between ${min} and ${max}` : '';
    throw new UserError(`input '${name}' must be a number${range}, got '${value}'`);
  }
  return n;
}

/** A list given comma- or newline-separated; blanks dropped. */
export function readList(input: InputReader, name: InputName): string[] {
  return input(name)
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * An input's URL text parsed, with its user info percent-decoded; `bad` makes the input's error.
 *
 * @example
 * parseUrlInput('https://u:p%40ss@h', bad, 'e.g. https://host').password // 'p@ss'
 */
export function parseUrlInput(
  text: string,
  bad: (why: string) => UserError,
  expected: string,
): { url: URL; user: string; password: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad(`is not a valid URL (expected ${expected})`);
  }
  try {
    return { url, user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  } catch {
    throw bad('has user info that is not valid percent-encoding');
  }
}
