import { showRun } from './lib.mjs';

export default function demo() {
  const files = { baseline: 'examples/reports/main-metrics.json', thresholds: 'examples/gate.yml' };
  showRun('gate: a candidate that meets every rule', {
    stage: 'gate',
    metrics: 'examples/reports/metrics.json',
    ...files,
  });
  showRun('gate: a candidate that regressed', {
    stage: 'gate',
    metrics: 'examples/reports/regressed-metrics.json',
    ...files,
  });
}
