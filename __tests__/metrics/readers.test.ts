import { locatedMessage } from '../../src/errors.js';
import { readMetrics, readMetricsFile } from '../../src/metrics/read.js';
import { at, sample, synthetic, userErrorOf } from './helpers.js';

describe('sklearn classification_report', () => {
  test('remla23 (int support): generic names and lines', async () => {
    const f = await readMetricsFile(
      sample('sklearn-classification-report/remla23-team18__model-training__classification_report.json'),
    );
    expect(f.format).toBe('sklearn-report');
    expect(at(f, 'accuracy')).toEqual([0.7277777777777777, 14]);
    expect(at(f, 'macro avg.f1-score')).toEqual([0.7277021394831897, 18]);
    expect(at(f, '0.support')).toEqual([78, 6]);
    expect(at(f, 'weighted avg.support')).toEqual([180, 25]);
  });

  test('ianhenryryan (float support, 18 classes)', async () => {
    const f = await readMetricsFile(
      sample('sklearn-classification-report/ianhenryryan__multiclass-cnn-severe-imbalance__classification_report.json'),
    );
    expect(at(f, 'accuracy')).toEqual([0.7, 110]);
    expect(at(f, 'macro avg.f1-score')).toEqual([0.5093059535534452, 114]);
    expect(at(f, 'weighted avg.f1-score')).toEqual([0.7050719781580985, 120]);
    expect(at(f, '0.support')).toEqual([11, 6]);
  });

  test('Ivan-Koptiev', async () => {
    const f = await readMetricsFile(
      sample('sklearn-classification-report/Ivan-Koptiev__wine-classification__classification_report.json'),
    );
    expect(at(f, 'class_1.recall')).toEqual([0.9523809523809523, 10]);
    expect(at(f, 'accuracy')).toEqual([0.9814814814814815, 20]);
  });
});

describe('Hugging Face Trainer', () => {
  test('all_results.json is flat, no final newline', async () => {
    const f = await readMetricsFile(sample('hf-trainer/Merlinmy__Whisper_small_hi__all_results.json'));
    expect(f.format).toBe('hf-trainer');
    expect(at(f, 'eval_wer')).toEqual([32.011343435198505, 8]);
    expect(at(f, 'train_steps_per_second')).toEqual([0.298, 13]);
    expect(f.metrics).toHaveLength(12);
  });

  test('old release with negative memory deltas', async () => {
    const f = await readMetricsFile(sample('hf-trainer/NealKapadia__text-summarizer__all_results.json'));
    expect(at(f, 'init_mem_cpu_alloc_delta')).toEqual([-205389824, 16]);
    expect(at(f, 'eval_rougeLsum')).toEqual([40.0527, 12]);
    expect(at(f, 'train_mem_gpu_peaked_delta')).toEqual([10882570752, 36]);
  });

  test('eval_results, train_results and a rebuilt all_results', async () => {
    const [e, t, s] = await readMetrics([
      sample('hf-trainer/NealKapadia__text-summarizer__eval_results.json'),
      sample('hf-trainer/Merlinmy__Whisper_small_hi__train_results.json'),
      sample('hf-trainer/SwapnilupGrad__HugginFace__all_results.json'),
    ]);
    expect(at(e, 'eval_loss')).toEqual([1.3911350965499878, 4]);
    expect(at(t, 'train_loss')).toEqual([0.06323314253110439, 3]);
    expect(at(s, 'eval_combined_score')).toEqual([0.8925741188794849, 4]);
  });

  test('trainer_state.json: last logged value of each key, top-level numbers', async () => {
    const f = await readMetricsFile(sample('hf-trainer/Merlinmy__Whisper_small_hi__trainer_state.json'));
    expect(f.format).toBe('hf-trainer-state');
    // The last eval entry (step 5000), not the best one (step 4000, eval_wer 32.011...).
    expect(at(f, 'eval_wer')).toEqual([32.09599593667993, 1252]);
    expect(at(f, 'eval_loss')).toEqual([0.4679179787635803, 1248]);
    expect(at(f, 'loss')).toEqual([0.0002, 1243]);
    expect(at(f, 'train_loss')).toEqual([0.06323314253110439, 1259]);
    expect(at(f, 'best_metric')).toEqual([32.011343435198505, 2]);
    expect(at(f, 'global_step')).toEqual([5000, 5]);
    expect(at(f, 'epoch')).toEqual([12.224938875305623, 4]);
    expect(at(f, 'total_flos')).toEqual([2.307297992638464e19, 1267]);
    // Named as rules name it; the epoch-indexed path is kept beside it and answers too.
    const wer = f.metrics.find((m) => m.name === 'eval_wer');
    expect(wer?.path).toBe('log_history.204.eval_wer');
    expect(at(f, 'log_history.204.eval_wer')).toEqual([32.09599593667993, 1252]);
    expect(f.metrics.find((m) => m.name === 'best_model_checkpoint')).toBeUndefined();
  });

  test('trainer_state.json with best_metric null and no eval entry', async () => {
    const f = await readMetricsFile(sample('hf-trainer/NealKapadia__text-summarizer__trainer_state.json'));
    expect(f.metrics.find((m) => m.name === 'best_metric')).toBeUndefined();
    expect(at(f, 'total_flos')).toEqual([35467769063407616, 26]);
    expect(at(f, 'loss')).toEqual([1.2412, 13]);
    expect(at(f, 'train_runtime')).toEqual([542.8804, 20]);
    expect(f.metrics.some((m) => m.name.includes('eval_'))).toBe(false);
  });

  test('newer trainer_state.json (Tashu014)', async () => {
    const f = await readMetricsFile(sample('hf-trainer/Tashu014__lora-imdb-distilbert__trainer_state.json'));
    expect(at(f, 'eval_loss')).toEqual([0.3891691565513611, 156]);
    expect(at(f, 'loss')).toEqual([0.349, 151]);
    expect(at(f, 'total_flos')).toEqual([202109110272000, 180]);
    expect(at(f, 'train_batch_size')).toEqual([16, 181]);
  });
});

describe('lm-evaluation-harness', () => {
  const big = sample('lm-eval-harness/EleutherAI__lm-evaluation-harness__results_2025-03-03T00-05-12.300060.json');

  test('v0.4: results and groups only, aliases, higher_is_better', async () => {
    const f = await readMetricsFile(big);
    expect(f.format).toBe('lm-eval');
    expect(at(f, 'results.arc_easy.acc,none')).toEqual([0.7542087542087542, 12]);
    expect(at(f, 'arc_easy.acc')).toEqual([0.7542087542087542, 12]);
    expect(at(f, 'arc_easy.acc_norm,none')).toEqual([0.7201178451178452, 14]);
    expect(at(f, 'cola.mcc')).toEqual([-0.0005447969648709635, 19]);
    expect(at(f, 'groups.mmlu.acc,none')).toEqual([0.5961401509756445, 412]);
    // mmlu is in results and groups: the alias takes the results entry.
    expect(at(f, 'mmlu.acc')).toEqual([0.5961401509756445, 37]);
    expect(f.metrics.find((m) => m.name === 'results.lambada_openai.perplexity,none')?.higherIsBetter).toBe(false);
    expect(f.metrics.find((m) => m.name === 'results.arc_easy.acc,none')?.higherIsBetter).toBe(true);
    expect(f.metrics.find((m) => m.name === 'results.arc_easy.acc_stderr,none')?.higherIsBetter).toBeUndefined();
    expect(f.metrics.every((m) => /^(results|groups)\./.test(m.name) && !m.name.endsWith('.alias'))).toBe(true);
  });

  test('v0.4 small file', async () => {
    const f = await readMetricsFile(
      sample('lm-eval-harness/EleutherAI__lm-evaluation-harness__results_2024-08-14T04-26-36.420014.json'),
    );
    expect(f.metrics).toHaveLength(4);
    expect(at(f, 'leaderboard_arabic_copa_light.acc_norm')).toEqual([0.4444444444444444, 7]);
  });

  test('legacy v0.3', async () => {
    const f = await readMetricsFile(
      sample('lm-eval-harness/EleutherAI__lm-evaluation-harness__bloom-560m_common_sense_reasoning_0-shot.json'),
    );
    expect(f.format).toBe('lm-eval');
    expect(at(f, 'results.arc_easy.acc')).toEqual([0.4734848484848485, 22]);
    expect(at(f, 'arc_easy.acc_norm')).toEqual([0.4166666666666667, 24]);
    expect(at(f, 'mc_taco.f1')).toEqual([0.31427590778450365, 33]);
    expect(f.metrics.some((m) => m.name.startsWith('versions.') || m.name.startsWith('config.'))).toBe(false);
  });

  test('"N/A" stderr stays a string; filters other than none keep the filter in the alias', async () => {
    const f = await readMetricsFile(synthetic('lm-eval-na-stderr.json'));
    expect(at(f, 'tinyArc.acc_norm_stderr')).toEqual(['N/A', 6]);
    expect(at(f, 'gsm8k.exact_match,flexible-extract')).toEqual([0.35, 11]);
    expect(f.aliases['gsm8k.exact_match']).toBeUndefined();
  });
});

describe('DVC', () => {
  test('nested tree and flat files', async () => {
    const [live, flat] = await readMetrics([
      sample('dvc/iterative__example-get-started__eval-live-metrics.json'),
      sample('dvc/iterative__example-get-started__scores.json'),
    ]);
    expect(at(live, 'avg_prec.test')).toEqual([0.9449556493816984, 4]);
    expect(at(live, 'roc_auc.train')).toEqual([0.9873675866013153, 7]);
    expect(at(flat, 'avg_prec')).toEqual([0.5262519282855344, 2]);
  });

  test('a nested sklearn report with spaces in keys (Keriii JSON) and its YAML twin', async () => {
    const [json, yaml] = await readMetrics([
      sample('dvc/Keriii__iris-classification__metrics.json'),
      sample('dvc/Keriii__iris-classification__metrics.yaml'),
    ]);
    expect(at(json, 'report.macro avg.f1-score')).toEqual([0.8608089305763724, 26]);
    expect(at(json, 'report.accuracy')).toEqual([0.865546218487395, 22]);
    expect(at(yaml, 'per_class.Iris-versicolor.recall')).toEqual([0.775, 10]);
    expect(yaml.format).toBe('yaml');
  });

  test('YAML null values are kept as null (Abdus-Sami01)', async () => {
    const f = await readMetricsFile(sample('dvc/Abdus-Sami01__ml-ci-cd__metrics.yaml'));
    expect(f.metrics).toEqual([
      { name: 'r2', value: null, file: sample('dvc/Abdus-Sami01__ml-ci-cd__metrics.yaml'), line: 1 },
      { name: 'mse', value: null, file: sample('dvc/Abdus-Sami01__ml-ci-cd__metrics.yaml'), line: 2 },
    ]);
  });

  test('dvc metrics diff --json: new values, old as baseline', async () => {
    const f = await readMetricsFile(synthetic('dvc-metrics-diff.json'));
    expect(f.format).toBe('dvc-diff');
    expect(at(f, 'm.json.a.b.c')).toEqual([3, 3]);
    expect(at(f, 'a.b.c')).toEqual([3, 3]);
    expect(at(f, 'removed')).toEqual([null, 6]);
    expect(at(f, 'added')).toEqual([0.5, 5]);
    expect(f.aliases.acc).toBeUndefined(); // in both files
    expect(at(f, 'other.yaml.acc')).toEqual([0.2, 9]);
    expect(f.baseline?.map((m) => [m.name, m.value])).toEqual([
      ['m.json.a.b.c', 1],
      ['m.json.acc', 0.8],
      ['m.json.removed', 0.4],
      ['other.yaml.acc', 0.1],
      ['other.yaml.label', 'x'],
    ]);
  });

  test('dvc 3 metrics show --json is unwrapped', async () => {
    const f = await readMetricsFile(synthetic('dvc3-metrics-show.json'));
    expect(f.format).toBe('dvc');
    expect(at(f, 'eval/metrics.json.avg_prec.test')).toEqual([0.94, 6]);
    expect(at(f, 'avg_prec.test')).toEqual([0.94, 6]);
    expect(at(f, 'loss')).toEqual([0.12, 13]);
    expect(f.aliases.roc_auc).toBeUndefined(); // in both files
    expect(at(f, 'scores.json.roc_auc')).toEqual([0.95, 12]);
  });

  test('dvc 3 metrics show --json with an error entry', async () => {
    const e = await userErrorOf(readMetricsFile(synthetic('dvc3-metrics-show-error.json')));
    expect(e.line).toBe(5);
    expect(locatedMessage(e)).toBe(
      `${synthetic('dvc3-metrics-show-error.json')}:5: dvc could not read metrics file "metrics.json": metrics.json does not exist`,
    );
  });

  test('a bare number file is named after the file', async () => {
    const f = await readMetricsFile(synthetic('auc.metric'));
    expect(at(f, 'auc')).toEqual([0.602818, 1]);
  });
});

describe('Keras history and Lightning CSVLogger', () => {
  test('Keras: last epoch of each metric, alias by metric name', async () => {
    const f = await readMetricsFile(sample('keras-lightning/alamlam1982__aerial-cactus-identification__history.json'));
    expect(f.format).toBe('keras-history');
    expect(at(f, 'val_acc')).toEqual([0.9394285712242126, 1]);
    expect(at(f, 'loss.2')).toEqual([0.24717239720291562, 1]);
    expect(f.metrics).toHaveLength(4);
  });

  test('Keras: 80 epochs', async () => {
    const f = await readMetricsFile(sample('keras-lightning/alexandrosanat__traffic-sign-recognition__history.json'));
    expect(at(f, 'loss')).toEqual([0.08502980321645737, 1]);
    expect(f.metrics.find((m) => m.name === 'loss')?.path).toBe('loss.79');
  });

  test('Lightning: sparse CRLF file, last non-empty cell per column', async () => {
    const f = await readMetricsFile(sample('keras-lightning/HCDescamps__cv-image-classification__metrics.csv'));
    expect(f.format).toBe('lightning-csv');
    expect(at(f, 'test_loss')).toEqual([0.0322248712182045, 179]);
    expect(at(f, 'val_accuracy')).toEqual([0.996399998664856, 178]);
    expect(at(f, 'val_loss')).toEqual([0.01422041654586792, 178]);
    expect(at(f, 'step')).toEqual([8595, 179]);
    expect(at(f, 'epoch')).toEqual([5, 179]);
  });

  test('Lightning: other column orders', async () => {
    const [j, a] = await readMetrics([
      sample('keras-lightning/Jordi6__pytorchLit15min__metrics.csv'),
      sample('keras-lightning/Awritrojit__AIOPS_learning_mnist__metrics.csv'),
    ]);
    expect(at(j, 'train_loss')).toEqual([0.038861844688653946, 3]);
    expect(at(a, 'acc_epoch')).toEqual([0.53125, 4]);
    expect(a.metrics.map((m) => m.name)).toEqual(['acc_epoch', 'epoch', 'step', 'train_loss_epoch']);
  });

  test('generic CSV in long form; nan stays NaN', async () => {
    const f = await readMetricsFile(synthetic('long-form.csv'));
    expect(f.format).toBe('csv');
    expect(at(f, 'accuracy')).toEqual([0.91, 2]);
    expect(at(f, 'f1')).toEqual([NaN, 3]);
  });
});

describe('MLflow', () => {
  test('FileStore metric file: last step, named after the metric', async () => {
    const f = await readMetricsFile(
      sample('mlflow/10-Academy-Batch-4-Week-4__Swahili-Speech-To-Text__mlruns-1-ed05f9cd-metrics-loss'),
    );
    expect(f.format).toBe('mlflow');
    expect(f.metrics.map((m) => [m.name, m.value, m.line])).toEqual([['loss', 234.7978057861328, 10]]);
  });

  test('single-line metric files', async () => {
    const [r, v] = await readMetrics([
      sample('mlflow/1kruidenp__TaxiFareModel__mlruns-1-337531b3-metrics-rmse'),
      sample('mlflow/1010sb__ImageClass__mlruns-586757370402886605-3a9af4bd-metrics-val_loss'),
    ]);
    expect(at(r, 'rmse')).toEqual([4.5, 1]);
    expect(at(v, 'val_loss')).toEqual([0.3188439607620239, 1]);
  });

  test('run directory', async () => {
    const dir = synthetic('mlruns/1/ed05f9cd599442fe9a0c9222184710b8');
    const f = await readMetricsFile(dir);
    expect(f.file).toBe(dir);
    expect(f.metrics).toEqual([{ name: 'loss', value: 234.7978057861328, file: `${dir}/metrics/loss`, line: 10 }]);
  });

  test('a deleted run is refused', async () => {
    const dir = synthetic('mlruns/586757370402886605/3a9af4bdab714eb69a4ed7582c387268');
    const e = await userErrorOf(readMetricsFile(dir));
    expect([e.file, e.line]).toEqual([`${dir}/meta.yaml`, 6]);
    expect(e.message).toContain('is deleted (lifecycle_stage: deleted)');
  });

  test('a malformed metric line', async () => {
    const e = await userErrorOf(readMetricsFile(synthetic('mlflow-malformed-metrics-rmse')));
    expect(e.line).toBe(2);
    expect(e.message).toContain('malformed MLflow metric line "1622557738990 oops 1"');
  });

  test('mlflow-export-import run.json', async () => {
    const f = await readMetricsFile(sample('mlflow/mlflow__mlflow-export-import__run.json'));
    expect(f.format).toBe('mlflow');
    expect(at(f, 'rmse')).toEqual([0.7367947360663162, 38]);
    expect(at(f, 'mlflow.metrics.r2.0.value')).toEqual([0.28100217442439346, 45]);
    expect(f.metrics).toHaveLength(3); // params and tags are not metrics
  });
});

describe('Weights & Biases', () => {
  test('summary with media objects left out', async () => {
    const f = await readMetricsFile(sample('wandb/sanamoin5__yolo-incorrect-mask-prediction__wandb-summary.json'));
    expect(f.format).toBe('wandb');
    expect(at(f, 'metrics/mAP_0.5:0.95')).toEqual([0.49201541565872925, 1]);
    expect(at(f, '_step')).toEqual([6, 1]);
    expect(
      f.metrics.some((m) => m.name.startsWith('Labels') || m.name.startsWith('Bounding Box Debugger/Images')),
    ).toBe(false);
  });

  test('compact summaries with exponent timestamps and _wandb', async () => {
    const f = await readMetricsFile(
      sample('wandb/nicetea17__CIFAR10-Classifier-AlexNet-and-Resnet18__wandb-summary.json'),
    );
    expect(at(f, 'val_acc')).toEqual([91.00000014648438, 1]);
    expect(at(f, '_timestamp')).toEqual([1761010774.5483067, 1]);
    expect(at(f, '_wandb.runtime')).toEqual([1118, 1]);
    const g = await readMetricsFile(sample('wandb/0-KaiKai-0__stanford_alpaca__wandb-summary.json'));
    expect(at(g, 'train/train_loss')).toEqual([0.5294419806848214, 1]);
  });
});

describe('Hugging Face model-index', () => {
  test('trainer-generated card', async () => {
    const f = await readMetricsFile(sample('hf-model-index/Merlinmy__Whisper_small_hi__README-front-matter.yaml'));
    expect(f.format).toBe('hf-model-index');
    expect(at(f, 'model-index.0.results.0.metrics.0.value')).toEqual([32.011343435198505, 24]);
    expect(at(f, 'wer')).toEqual([32.011343435198505, 24]);
    expect(at(f, 'Common Voice 11.0.wer')).toEqual([32.011343435198505, 24]);
  });

  test('a type listed twice gets no plain alias', async () => {
    const f = await readMetricsFile(sample('hf-model-index/NealKapadia__text-summarizer__README-front-matter.yaml'));
    expect(f.aliases['rogue-1']).toBeUndefined();
    expect(at(f, 'Test ROGUE-1')).toEqual([41.8283, 30]);
    expect(at(f, 'model-index.0.results.0.metrics.2.value')).toEqual([33.315, 27]);
  });

  test('leaderboard card: dataset-qualified aliases', async () => {
    const f = await readMetricsFile(sample('hf-model-index/kodiakllc__kdk-mlx__README-front-matter.yaml'));
    expect(f.aliases.acc_norm).toBeUndefined();
    expect(at(f, 'BBH (3-Shot).acc_norm')).toEqual([35.83, 45]);
    expect(at(f, 'acc')).toEqual([38.07, 107]);
    expect(at(f, 'TIGER-Lab/MMLU-Pro.acc')).toEqual([38.07, 107]);
  });

  test('README.md front matter after a blank line; lines are the README lines', async () => {
    const f = await readMetricsFile(synthetic('README.md'));
    expect(f.format).toBe('hf-model-index');
    expect(at(f, 'IMDb.accuracy')).toEqual([0.93, 14]);
  });
});

describe('generic JSON edge cases', () => {
  test('NaN and ±Infinity are read as values with their lines', async () => {
    const f = await readMetricsFile(synthetic('nan-infinity.json'));
    expect(at(f, 'eval_loss')).toEqual([NaN, 2]);
    expect(at(f, 'grad_norm')).toEqual([Infinity, 3]);
    expect(at(f, 'delta')).toEqual([-Infinity, 4]);
    expect(at(f, 'total_flos')).toEqual([35467769063407616, 5]);
    expect(at(f, 'tiny')).toEqual([-1.5e-7, 6]);
  });

  test('unicode keys, deep nesting, no final newline', async () => {
    const f = await readMetricsFile(synthetic('unicode-deep.json'));
    expect(at(f, 'café.日本')).toEqual([1.25, 1]);
    expect(at(f, 'café.emoji 😀')).toEqual([2, 1]);
    expect(at(f, 'd.d.d.d.d.d.d.d.d.d.leaf')).toEqual([7, 1]);
    expect(at(f, 'big')).toEqual([Infinity, 1]);
  });

  test('forcing a format reads the file that way', async () => {
    const f = await readMetricsFile(
      sample('keras-lightning/alamlam1982__aerial-cactus-identification__history.json'),
      'json',
    );
    expect(f.format).toBe('json');
    expect(at(f, 'val_acc.0')).toEqual([0.9285714289120265, 1]);
  });
});

describe('bad input', () => {
  test.each([
    [synthetic('nope.json'), 'auto', `file not found: ${synthetic('nope.json')}`],
    [synthetic('empty.json'), 'auto', `${synthetic('empty.json')}: empty file`],
    [synthetic('whitespace.yaml'), 'auto', `${synthetic('whitespace.yaml')}: empty file`],
    [
      synthetic('malformed.json'),
      'auto',
      `${synthetic('malformed.json')}:3:20: malformed JSON: expected a value (object, array, string, number, true, false or null), found ","`,
    ],
    [
      synthetic('missing-comma.json'),
      'auto',
      `${synthetic('missing-comma.json')}:3:3: malformed JSON: expected ',' or '}', found "\\""`,
    ],
    [
      synthetic('unclosed-string.json'),
      'auto',
      `${synthetic('unclosed-string.json')}:2:25: malformed JSON: expected a closing '"' before the end of the line, found "\\n"`,
    ],
    [
      synthetic('reports'),
      'auto',
      `${synthetic('reports')}: not an MLflow run or logged-model directory: no metrics/ folder (only those can be read as a folder)`,
    ],
    [
      synthetic('reports'),
      'json',
      `${synthetic('reports')}: is a directory; only an MLflow run directory (format mlflow) can be read as a folder`,
    ],
    [sample('dvc/iterative__example-get-started__scores.json'), 'keras-history', 'not a Keras history'],
    [sample('dvc/iterative__example-get-started__scores.json'), 'lm-eval', 'no "results" object'],
    [sample('dvc/iterative__example-get-started__scores.json'), 'dvc-diff', 'not a "dvc metrics diff --json" output'],
    [sample('dvc/iterative__example-get-started__scores.json'), 'hf-model-index', 'no "model-index" list'],
    [
      sample('dvc/Keriii__iris-classification__metrics.yaml'),
      'json',
      'metrics.yaml:1:1: malformed JSON: expected a value',
    ],
    [
      sample('dvc/iterative__example-get-started__scores.json'),
      'nope',
      'unknown metrics format "nope"; valid formats: auto, json,',
    ],
    [sample('SOURCES.md'), 'auto', "no YAML front matter: the file does not start with a '---' line"],
  ])('%s as %s', async (path, format, message) => {
    const e = await userErrorOf(readMetricsFile(path, format as never));
    expect(locatedMessage(e)).toContain(message);
  });

  test('malformed YAML has line and column', async () => {
    const e = await userErrorOf(readMetricsFile(synthetic('malformed.yaml')));
    expect(e.file).toBe(synthetic('malformed.yaml'));
    expect(locatedMessage(e)).toMatch(
      new RegExp(`^${synthetic('malformed.yaml')}:${e.line}:${e.column}: malformed YAML: `),
    );
    expect(e.line).toBeGreaterThanOrEqual(3);
  });
});
