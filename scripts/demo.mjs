// `npm run demo`: runs the built action (dist/index.js) as the runner would, on the files in
// examples/, and prints the job summary it writes, its annotations, outputs and exit code.
import { runAction, ROOT } from './lib/run-action.mjs';

const runs = [
  {
    title: 'gate: a candidate that meets every rule',
    inputs: { stage: 'gate', metrics: 'examples/reports/metrics.json', baseline: 'examples/reports/main-metrics.json', thresholds: 'examples/gate.yml' },
  },
  {
    title: 'gate: a candidate that regressed',
    inputs: { stage: 'gate', metrics: 'examples/reports/regressed-metrics.json', baseline: 'examples/reports/main-metrics.json', thresholds: 'examples/gate.yml' },
  },
];

for (const { title, inputs } of runs) {
  const run = runAction(inputs, ROOT);
  const rule = '='.repeat(100);
  console.log(`${rule}\n${title}\n  with: ${JSON.stringify(inputs)}\n${rule}`);
  console.log('--- job summary (GITHUB_STEP_SUMMARY) ---');
  console.log(run.summary.trim());
  console.log('--- annotations ---');
  for (const c of run.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command))) {
    const at = c.properties.file ? ` ${c.properties.file}:${c.properties.line ?? ''}` : '';
    console.log(`${c.command}${at}: ${c.data}`);
  }
  console.log('--- outputs ---');
  for (const [k, v] of Object.entries(run.outputs)) console.log(`${k}=${v.length > 160 ? `${v.slice(0, 160)}…` : v}`);
  console.log(`--- exit code: ${run.code} ---\n`);
}
