import { randomUUID } from 'node:crypto';
import { inert } from './escape.js';
import { boundAnnotation, MAX_LOG_CHARS, truncate } from './limits.js';
import { withLocation, type Sink } from './reporter.js';

/**
 * A terminal or another CI: the summary Markdown goes to stdout, diagnostics to stderr. When the CLI
 * itself runs inside a GitHub Actions `run:` step, stdout is fenced as the action's log is.
 * Debug lines (src/debug.ts) go to stderr when ML_QUALITY_GATE_DEBUG=1.
 */
export function cliSink(env: NodeJS.ProcessEnv = process.env): Sink & { outputs: Record<string, string> } {
  const onRunner = env.GITHUB_ACTIONS === 'true';
  const debugOn = env.ML_QUALITY_GATE_DEBUG === '1';
  const outputs: Record<string, string> = {};
  return {
    outputs,
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    annotate: (annotation) => {
      process.stderr.write(`${annotation.level}: ${inert(withLocation(boundAnnotation(annotation)))}\n`);
    },
    summary: async () => {
      // The CLI prints the summary once, through `untrusted`.
    },
    info: (text) => process.stderr.write(`${text}\n`),
    untrusted: (untrusted) => {
      const text = truncate(untrusted, MAX_LOG_CHARS);
      if (!onRunner) {
        process.stdout.write(`${text}\n`);
        return;
      }
      const token = randomUUID();
      process.stdout.write(`::stop-commands::${token}\n${text}\n::${token}::\n`);
    },
    // With ML_QUALITY_GATE_DEBUG=1 only: `debug: <line>` on stderr, inert as the diagnostics are.
    debug: debugOn ? (line) => process.stderr.write(`debug: ${inert(line)}\n`) : undefined,
    exitCodes: { violation: 1, error: 2 },
  };
}
