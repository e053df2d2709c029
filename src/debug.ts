/**
 * Debug lines for failures that are best effort (a `try*` git call, an optional file, a cleanup, a
 * cache that could not be saved): said, never silently dropped, and yet never printed by a stage.
 * The entry point installs the sink's writer (src/run.ts): the action's is core.debug, which the
 * runner shows when step debug logging is on (ACTIONS_STEP_DEBUG, RUNNER_DEBUG=1); the CLI's is
 * stderr with ML_QUALITY_GATE_DEBUG=1. None is installed by default, so unit tests print nothing.
 *
 * A debug line holds untrusted text (paths, git's stderr, a server's error): the secrets of the
 * inputs and credentials in URLs are removed, it is made one line and cut to MAX_DEBUG_CHARS here;
 * the sink then escapes it as it does any untrusted log text. A leaf module (no imports but
 * secrets.ts): every folder may call it.
 */
import { oneLine, scrubUrlCredentials } from './secrets.js';

/** A debug line is cut to this many characters. */
export const MAX_DEBUG_CHARS = 1000;

/** Writes one debug line (already scrubbed, one line, capped). */
export type DebugWriter = (line: string) => void;

let writer: DebugWriter | undefined;
let hidden: readonly string[] = [];

/**
 * Says a best-effort failure at debug level: what failed, then why.
 *
 * @example
 * debug(`git config user.name failed: ${reason(e)}`)
 */
export function debug(message: string): void {
  if (!writer) return;
  try {
    writer(oneLine(scrubUrlCredentials(message), MAX_DEBUG_CHARS, hidden));
  } catch {
    // Not even a debug line may fail a run: a writer that throws is a bug of ours, nothing to say it with.
  }
}

/**
 * Installs `write` (none: debug lines are dropped) with the secrets to remove from every line;
 * returns what restores the previous writer.
 *
 * @example
 * const uninstall = installDebug(sink.debug, inputSecrets(input, env));
 * try { … } finally { uninstall(); }
 */
export function installDebug(write: DebugWriter | undefined, secrets: readonly string[] = []): () => void {
  const before = { writer, hidden };
  writer = write;
  hidden = [...secrets];
  return () => {
    writer = before.writer;
    hidden = before.hidden;
  };
}

/**
 * Why something failed, as short text: an Error's message, or the value.
 *
 * @example
 * reason(new Error('EACCES: permission denied')) // 'EACCES: permission denied'
 */
export function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
