import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { inert } from './escape.js';
import { boundAnnotation, MAX_LOG_CHARS, truncate } from './limits.js';
import type { Sink } from './reporter.js';

/**
 * The runner: outputs through core.setOutput (random heredoc delimiter), annotations through core's
 * commands (which escape their data and properties), the summary file, and the log. Untrusted log
 * text is fenced with `::stop-commands::<random token>` so no line of it can act as a command.
 * Annotations and log text are cut to their caps (src/report/limits.ts).
 */
export const actionSink: Sink = {
  setOutput: (name, value) => core.setOutput(name, value),
  annotate: (annotation) => {
    const { level, message, title, file, line, column, at } = boundAnnotation(annotation);
    // A file in the workspace is a property (the runner links it); any other location is text.
    const props: core.AnnotationProperties = { title, file, startLine: line, startColumn: column };
    const text = at ? `${at}: ${message}` : message;
    if (level === 'error') core.error(text, props);
    else if (level === 'warning') core.warning(text, props);
    else core.notice(text, props);
  },
  summary: async (markdown) => {
    // core.summary throws when the file variable is missing (e.g. a local run); nothing to write then.
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await core.summary.addRaw(markdown).write();
  },
  info: (text) => core.info(text),
  untrusted: (text) => {
    const token = randomUUID();
    process.stdout.write(`::stop-commands::${token}\n${truncate(text, MAX_LOG_CHARS)}\n::${token}::\n`);
  },
  /** core.debug (`::debug::`, its data escaped), when the runner's step debug logging is on (RUNNER_DEBUG=1). */
  get debug() {
    return core.isDebug() ? (line: string) => core.debug(inert(line)) : undefined;
  },
  exitCodes: { violation: 1, error: 1 },
};
