import { randomUUID } from 'node:crypto';
import type * as Core from '@actions/core';
import { inert } from './escape.js';
import { boundAnnotation, MAX_LOG_CHARS, truncate } from './limits.js';
import type { Sink } from './reporter.js';

/** Debug lines kept while @actions/core loads (it loads as soon as the first is written). */
const MAX_EARLY_DEBUG = 1000;

/**
 * The runner: outputs through core.setOutput (random heredoc delimiter), annotations through core's
 * commands (which escape their data and properties), the summary file, and the log. Untrusted log
 * text is fenced with `::stop-commands::<random token>` so no line of it can act as a command.
 * Annotations and log text are cut to their caps (src/report/limits.ts).
 *
 * @actions/core is loaded in the background, not at start: with the HTTP client it brings (0.4 MB
 * of bundle) it is the largest piece of the action's start-up, and a data stage's first step is to
 * start its worker threads. `load()` starts it (main.ts: when the main thread first waits for the
 * data workers, src/workers/pool.ts), `ready()` waits for it (the reporter, before any output); the
 * secrets are masked first, without it (src/report/mask.ts). A debug line starts loading it too;
 * lines written before it is loaded are kept (at most MAX_EARLY_DEBUG) and written, in order, when
 * it is.
 */
export function actionSink(): Sink & { load(): void } {
  let core: typeof Core | undefined;
  let loading: Promise<void> | undefined;
  const early: string[] = [];
  const load = () =>
    (loading ??= import('@actions/core').then((c) => {
      core = c;
      for (const line of early.splice(0)) c.debug(line);
    }));
  const loaded = (): typeof Core => {
    if (!core) throw new Error('@actions/core was used before the sink was ready');
    return core;
  };
  return {
    load: () => void load(),
    ready: load,
    setOutput: (name, value) => loaded().setOutput(name, value),
    annotate: (annotation) => {
      const { level, message, title, file, line, column, at } = boundAnnotation(annotation);
      // A file in the workspace is a property (the runner links it); any other location is text.
      const props: Core.AnnotationProperties = { title, file, startLine: line, startColumn: column };
      const text = at ? `${at}: ${message}` : message;
      if (level === 'error') loaded().error(text, props);
      else if (level === 'warning') loaded().warning(text, props);
      else loaded().notice(text, props);
    },
    summary: async (markdown) => {
      // core.summary throws when the file variable is missing (e.g. a local run); nothing to write then.
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await loaded().summary.addRaw(markdown).write();
    },
    info: (text) => loaded().info(text),
    untrusted: (text) => {
      const token = randomUUID();
      process.stdout.write(`::stop-commands::${token}\n${truncate(text, MAX_LOG_CHARS)}\n::${token}::\n`);
    },
    /**
     * core.debug (`::debug::`, its data escaped), when the runner's step debug logging is on
     * (RUNNER_DEBUG=1, what core.isDebug reads).
     */
    debug:
      process.env['RUNNER_DEBUG'] === '1'
        ? (line: string) => {
            if (core) return core.debug(inert(line));
            if (early.length < MAX_EARLY_DEBUG) early.push(inert(line));
            void load();
          }
        : undefined,
    exitCodes: { violation: 1, error: 1 },
  };
}
