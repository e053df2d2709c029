/**
 * Caps on everything the action writes for people and for the runner — the job summary, outputs,
 * annotations, table cells, the log and the JSON report — and the one truncation they all use: a
 * cut value always says so, visibly, with how much was left out.
 */
import { formatBytes } from '../files/read-text.js';
import type { Annotation } from './result.js';

/** GitHub keeps at most 1 MiB of job summary per step; the summary stays under it, note included. */
export const MAX_SUMMARY_BYTES = 1000 * 1024;
/**
 * GitHub refuses a pull-request comment over 65 536 characters. The comment is measured in UTF-8
 * bytes (never fewer than its characters, however GitHub counts them), so it stays under.
 */
export const MAX_COMMENT_CHARS = 65_536;
/** GitHub: an output is at most 1 MB. */
export const MAX_OUTPUT_BYTES = 960 * 1024;
/** One annotation's message (the runner shows a few lines; the rest is in the summary and report). */
export const MAX_ANNOTATION_CHARS = 4000;
/** An annotation's title, or the location printed in front of its message. */
export const MAX_TITLE_CHARS = 200;
/** One summary table cell, heading or summary line. */
export const MAX_CELL_CHARS = 500;
/** One paragraph of the summary. */
export const MAX_TEXT_CHARS = 4000;
/** Untrusted text printed to the log at once (the summary's copy, a stack trace). */
export const MAX_LOG_CHARS = 1024 * 1024;
/** One string (value or key) in the JSON report: the report keeps detail, within reason. */
export const MAX_REPORT_STRING_CHARS = 64 * 1024;
/** Nesting kept in the JSON report. */
export const MAX_REPORT_DEPTH = 64;

/**
 * `text` cut to at most `max` characters, followed by a visible note of how many more there were.
 *
 * @example
 * truncate('abcdef', 3) // 'abc… (truncated, 3 more)'
 * truncate('abc', 3) // 'abc'
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never split a surrogate pair: half a character is not text.
  const cut = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, cut)}… (truncated, ${text.length - cut} more)`;
}

/**
 * `text` cut so that its UTF-8 encoding, note included, is at most `maxBytes` bytes.
 *
 * @example
 * truncateBytes('é'.repeat(100), 50) // 'éééééééééééé… (truncated, 88 more)'
 */
export function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const note = `… (truncated, ${text.length} more)`;
  const bytes = Buffer.from(text.slice(0, maxBytes));
  let end = Math.max(0, maxBytes - Buffer.byteLength(note));
  // Back to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  let kept = bytes.subarray(0, end).toString('utf8');
  if (kept.length > 0 && isHighSurrogate(kept.charCodeAt(kept.length - 1))) kept = kept.slice(0, -1);
  return `${kept}… (truncated, ${text.length - kept.length} more)`;
}

/**
 * An output value within `maxBytes`: a JSON array or object keeps its leading entries that fit (so
 * it stays valid JSON), any other value is truncated. `note` says what was left out.
 *
 * @example
 * capOutput('["a","b","c"]', 10) // { value: '["a","b"]', note: 'holds 2 of 3 entries …' }
 */
export function capOutput(value: string, maxBytes = MAX_OUTPUT_BYTES): { value: string; note?: string } {
  if (Buffer.byteLength(value) <= maxBytes) return { value };
  const limit = `an output is limited to ${formatBytes(maxBytes)}`;
  const json = leadingEntries(value, maxBytes);
  if (json) {
    return {
      value: json.value,
      note: `holds ${json.kept} of ${json.total} entries (${limit}); the JSON report has the detail`,
    };
  }
  return { value: truncateBytes(value, maxBytes), note: `is truncated (${limit})` };
}

/**
 * For a JSON array or object (as JSON.stringify writes it): the leading entries whose text fits in
 * `maxBytes`, closed again. One pass over the text, nothing parsed: the output may be large.
 */
function leadingEntries(text: string, maxBytes: number): { value: string; kept: number; total: number } | undefined {
  const open = text[0];
  const close = open === '[' ? ']' : open === '{' ? '}' : undefined;
  if (!close || text[text.length - 1] !== close) return undefined;
  let depth = 0;
  let inString = false;
  let bytes = 0;
  let total = 0;
  let kept = 0;
  let cut = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
    if (inString) {
      if (c === 0x5c) {
        // A backslash escapes the next character, always ASCII in JSON.
        i++;
        bytes++;
      } else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) depth--;
    // A comma at the top level, or the closing bracket, ends an entry.
    const ends = (c === 0x2c && depth === 1) || (depth === 0 && i === text.length - 1 && i > 1);
    if (!ends) continue;
    total++;
    // The entries so far fit when their text, closed (the comma becomes the bracket), does.
    if (bytes <= maxBytes) {
      kept = total;
      cut = i;
    }
  }
  return { value: `${text.slice(0, cut)}${close}`, kept, total };
}

/**
 * A copy of `value` fit for the JSON report: every string and key cut to MAX_REPORT_STRING_CHARS,
 * nesting cut at MAX_REPORT_DEPTH, numbers JSON cannot hold written as text.
 *
 * @example
 * boundJson({ name: 'x'.repeat(70000) }) // { name: 'xxx…x… (truncated, 4464 more)' }
 */
export function boundJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return truncate(value, MAX_REPORT_STRING_CHARS);
  if (typeof value === 'bigint') return String(value);
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return boundJson((value as { toJSON(): unknown }).toJSON(), depth);
  }
  if (depth >= MAX_REPORT_DEPTH) return `… (truncated, nested deeper than ${MAX_REPORT_DEPTH} levels)`;
  if (Array.isArray(value)) return value.map((v) => boundJson(v, depth + 1));
  // No prototype: a key such as `__proto__` stays a key.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) out[truncate(k, MAX_REPORT_STRING_CHARS)] = boundJson(v, depth + 1);
  return out;
}

/**
 * The annotation with its message, title and location cut to their caps; what every sink prints.
 *
 * @example
 * boundAnnotation({ level: 'error', message: 'x'.repeat(5000) }).message // 'xxx…x… (truncated, 1000 more)'
 */
export function boundAnnotation(a: Annotation): Annotation {
  return {
    ...a,
    message: truncate(a.message, MAX_ANNOTATION_CHARS),
    ...(a.title === undefined ? {} : { title: truncate(a.title, MAX_TITLE_CHARS) }),
    ...(a.at === undefined ? {} : { at: truncate(a.at, MAX_TITLE_CHARS) }),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
