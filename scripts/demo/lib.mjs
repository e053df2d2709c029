// Shared by the demos: run the built action (dist/index.js) as the runner would and print what it
// writes: the job summary, annotations, outputs and exit code.
import { runAction, ROOT } from '../lib/run-action.mjs';

export { ROOT };

export function showRun(title, inputs, { cwd = ROOT, env = {} } = {}) {
  const run = runAction(inputs, cwd, env);
  const rule = '='.repeat(100);
  console.log(`${rule}\n${title}\n  with: ${JSON.stringify(inputs)}\n${rule}`);
  console.log('--- job summary (GITHUB_STEP_SUMMARY) ---');
  console.log(run.summary.trim());
  console.log('--- annotations ---');
  for (const c of run.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command))) {
    const at = c.properties.file ? ` ${c.properties.file}:${c.properties.line ?? ''}` : '';
    console.log(`${c.command}${at}: ${JSON.stringify(c.data)}`);
  }
  console.log('--- outputs ---');
  for (const [k, v] of Object.entries(run.outputs)) console.log(`${k}=${v.length > 160 ? `${v.slice(0, 160)}…` : v}`);
  console.log(`--- exit code: ${run.code} ---\n`);
  return run;
}
