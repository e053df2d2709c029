import { getInput } from './input.js';
import { actionSink } from './report/action-sink.js';
import { addMask } from './report/mask.js';
import { runAndReport } from './run.js';
import { inputSecrets } from './secrets.js';
import { onWorkersBusy } from './workers/pool.js';

/** The action: the runner's inputs and sink; everything else is shared with the CLI (run.ts). */
export async function run(): Promise<void> {
  // Secrets in inputs are masked before anything runs (secrets.ts): the webhook URL, its path and
  // its long parts; the Prometheus token and credentials; the SMTP URL and password in every form;
  // the comment's GitHub token.
  for (const secret of inputSecrets(getInput, process.env)) addMask(secret);
  // @actions/core loads while the data workers read (or when the report needs it): action-sink.ts.
  const sink = actionSink();
  onWorkersBusy(sink.load);
  process.exitCode = await runAndReport(getInput, process.env, sink);
}
