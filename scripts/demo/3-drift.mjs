import { showRun } from './lib.mjs';

export default function demo() {
  showRun('drift: incoming data against the training data (1 500 rows × 20 columns each)', {
    stage: 'drift',
    reference: 'examples/data/reference.csv',
    current: 'examples/data/current.csv',
    'fail-on-violation': 'false',
  });
}
