/**
 * User-written regular expressions (expectation `regex`, metrics-schema `pattern`) run on RE2
 * (re2js, a pure-JavaScript port of RE2/J): matching takes time linear in the text, whatever the
 * pattern, so a pattern such as `^(a+)+$` cannot hang the job. The syntax is RE2's
 * (https://github.com/google/re2/wiki/Syntax): no backreferences, no lookaround; see
 * docs/validate-regex.md. JavaScript's `\uXXXX` and `\u{X…}` escapes are accepted as RE2's
 * `\x{…}`, since JSON Schema patterns use them.
 */
import { RE2JS } from 're2js';

/** A compiled pattern: `test` searches (unanchored, as Python's `re.search` and JSON Schema). */
export interface Pattern {
  test(text: string): boolean;
}

/**
 * Compiles a pattern, or throws an Error whose message says what RE2 does not accept.
 *
 * @example
 * compilePattern('^[A-Z]{2}$').test('FR') // true
 * compilePattern('(?=a)') // throws: lookaround is not supported (RE2 syntax)
 */
export function compilePattern(pattern: string): Pattern {
  try {
    return RE2JS.compile(translateEscapes(pattern));
  } catch (e) {
    throw new Error(explain(pattern, (e as Error).message));
  }
}

/** Why a pattern cannot be used, or undefined when it compiles. */
export function patternProblem(pattern: string): string | undefined {
  try {
    compilePattern(pattern);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * True when the pattern matches every text for sure: it matches the empty text and has no
 * anchor or word-boundary assertion, so a search finds that empty match at the start of any
 * text. (Patterns with assertions are not judged: `^$` matches the empty text only.)
 */
export function matchesEverything(pattern: string): boolean {
  return !/[$^]|\\[bBAz]/.test(pattern) && compilePattern(pattern).test('');
}

/** `\uXXXX` and `\u{X…}` → `\x{…}` (a `u` escaped by a backslash, not a literal `\\u`). */
function translateEscapes(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const rest = pattern.slice(i + 1, i + 10);
    const m = /^u(?:([0-9A-Fa-f]{4})|\{([0-9A-Fa-f]{1,6})\})/.exec(rest);
    if (m) {
      out += `\\x{${m[1] ?? m[2]}}`;
      i += m[0].length;
    } else {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    }
  }
  return out;
}

function explain(pattern: string, message: string): string {
  const detail = message.replace(/^error parsing regexp: /, '');
  const hint = /\(\?<?[=!]/.test(pattern)
    ? ': lookahead and lookbehind are not supported'
    : /invalid escape sequence: `\\[1-9]/.test(message)
      ? ': backreferences are not supported'
      : '';
  const shown = pattern.length > 80 ? `${pattern.slice(0, 79)}…` : pattern;
  return `pattern /${shown}/ is not valid RE2 syntax (${detail})${hint}; see docs/validate-regex.md`;
}
