import { showRun } from './lib.mjs';

export default function demo() {
  const expectations = 'examples/validate/expectations.yml';
  showRun('validate: metrics present and sane, data meeting every expectation', {
    stage: 'validate',
    metrics: 'examples/reports/metrics.json',
    'required-metrics': 'accuracy, eval_loss, macro avg.f1-score',
    data: 'examples/data/validate-train.csv',
    expectations,
  });
  showRun('validate: data with out-of-range, unknown, missing and duplicated values', {
    stage: 'validate',
    data: 'examples/data/validate-broken.csv',
    expectations,
  });
}
