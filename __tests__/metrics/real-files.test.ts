/**
 * Real metrics files from public repositories (see __tests__/fixtures/metrics/SOURCES.md, section 10),
 * each read the way its writer meant. Every expected value and line was read by hand in the file and
 * written here; none comes from our code.
 */
import { locatedMessage } from '../../src/errors.js';
import { checkRules } from '../../src/gate/check.js';
import { lookupMetric } from '../../src/metrics/lookup.js';
import { readMetricsFile } from '../../src/metrics/read.js';
import { parseRules } from '../../src/rules/parse.js';
import { at, sample, userErrorOf } from './helpers.js';

const report = (name: string) => sample(`sklearn-classification-report/${name}__classification_report.csv`);
const mlruns = (path: string) => sample(`mlflow/BTE-AYUSH25__MLOps-Day-6__mlruns/${path}`);

/** The error a gate with these rules raises on these files ('' when it checks them). */
async function gateError(path: string, rules: string): Promise<string> {
  try {
    checkRules(await parseRules(rules), [await readMetricsFile(path)], undefined);
    return '';
  } catch (e) {
    return locatedMessage(e as never);
  }
}

describe('pandas-written classification reports: the names of the JSON report', () => {
  test('transposed (a row per class): macro avg is its f1-score, not its support', async () => {
    const f = await readMetricsFile(report('Shravan59__bank-customer-churn-prediction'));
    expect(f.format).toBe('sklearn-report');
    expect(at(f, 'macro avg.f1-score')).toEqual([0.7634422582415995, 5]);
    expect(at(f, 'macro avg.support')).toEqual([2000, 5]);
    expect(at(f, '1.recall')).toEqual([0.49385749385749383, 3]);
    expect(at(f, 'accuracy')).toEqual([0.869, 4]);
    // The accuracy row's cells are not metrics of their own, as in the JSON report.
    expect(lookupMetric([f], 'accuracy.support')).toBeUndefined();
  });

  test('43 classes with spaces and slashes in their labels', async () => {
    const f = await readMetricsFile(report('hadimss__traffic-sign-recognition-gtsrb'));
    expect(at(f, 'Speed limit 20 km/h.f1-score')).toEqual([0.975609756097561, 2]);
    expect(at(f, 'End of no passing.support')).toEqual([60, 43]);
    expect(at(f, 'accuracy')).toEqual([0.9889944576405384, 45]);
    expect(at(f, 'macro avg.recall')).toEqual([0.9841932390719046, 46]);
  });

  test('not transposed (rows precision, recall, f1-score, support; a column per class)', async () => {
    const f = await readMetricsFile(report('UBC-MDS__DSCI_522_Group_412'));
    expect(at(f, '0.f1-score')).toEqual([0.8345323741007195, 4]);
    expect(at(f, 'weighted avg.precision')).toEqual([0.8340690911638988, 2]);
    expect(at(f, 'macro avg.support')).toEqual([138, 5]);
    expect(at(f, 'accuracy')).toEqual([0.8333333333333334, 2]);
  });

  test('not transposed, with a named index column', async () => {
    const f = await readMetricsFile(report('elliott-ribner__DSCI_522_group-314'));
    expect(at(f, 'Default.recall')).toEqual([0.6253776435045317, 3]);
    expect(at(f, 'macro avg.f1-score')).toEqual([0.6345827383715836, 4]);
    expect(at(f, 'accuracy')).toEqual([0.7004, 2]);
  });

  test('written without its index: which row is which cannot be known, so it is refused', async () => {
    const e = await userErrorOf(readMetricsFile(report('UBC-MDS__DSCI_522_group12')));
    expect(e.message).toContain('a wide CSV with 4 rows of values and no step or epoch column');
    expect(e.line).toBe(3);
  });
});

describe('MLflow 3 FileStore', () => {
  test('a run directory: lines written twice read as one value', async () => {
    const f = await readMetricsFile(mlruns('0/245ea362b4da49efa17195838f2e488a'));
    expect(f.metrics.map((m) => [m.name, m.value])).toEqual([
      ['accuracy', 1],
      ['test_samples', 18],
      ['train_samples', 160],
    ]);
  });

  test('a logged model directory (lines with the run id as 4th field)', async () => {
    const f = await readMetricsFile(mlruns('0/models/m-13f383c50140456891045ca8d57318bb'));
    expect(at(f, 'accuracy')).toEqual([1, 1]);
    expect(at(f, 'train_samples')).toEqual([160, 1]);
    const g = await readMetricsFile(mlruns('610006554016704150/models/m-ae2107cff48c4a80b8de189e10584eb2'));
    expect(at(g, 'best_cv_accuracy')).toEqual([0.9582417582417582, 1]);
  });

  test('a lone logged-model metric file, and a run with dataset inputs', async () => {
    const lone = await readMetricsFile(
      mlruns('610006554016704150/models/m-ae2107cff48c4a80b8de189e10584eb2/metrics/best_cv_accuracy'),
    );
    expect(lone.metrics.map((m) => [m.name, m.value])).toEqual([['best_cv_accuracy', 0.9582417582417582]]);
    const run = await readMetricsFile(mlruns('610006554016704150/2984e7a2ece841aaac8ffed3000f0668'));
    expect(at(run, 'top_feature_importance')).toEqual([0.15389236463205394, 1]);
  });
});

describe('Keras histories: the last epoch, named as the history names it', () => {
  test('30 epochs, several values a line: the last val_accuracy, not the best', async () => {
    const f = await readMetricsFile(
      sample('keras-lightning/Anway-Kapoor__BrainTumorClassification__training_history.json'),
    );
    expect(at(f, 'val_accuracy')).toEqual([0.904181182384491, 36]);
    expect(at(f, 'val_loss')).toEqual([0.49090835452079773, 48]);
    expect(at(f, 'loss.29')).toEqual([0.13551731407642365, 24]);
    expect(f.metrics.find((m) => m.name === 'val_accuracy')?.path).toBe('val_accuracy.29');
  });

  test('indent=4, no final newline', async () => {
    const f = await readMetricsFile(
      sample('keras-lightning/AKANKSHASUBHASHPAWAR__product-image-classifier__training_history.json'),
    );
    expect(at(f, 'val_accuracy')).toEqual([0.93034827709198, 88]);
    expect(at(f, 'accuracy')).toEqual([0.9192044734954834, 44]);
  });

  test('one line with auc and val_auc', async () => {
    const f = await readMetricsFile(
      sample('keras-lightning/Inverselyexistent__pneumonia-detection__training_history.json'),
    );
    expect(at(f, 'val_auc')).toEqual([0.9832069873809814, 1]);
    expect(at(f, 'val_accuracy')).toEqual([0.9326171875, 1]);
  });
});

describe('Ultralytics results.csv (a logger history: the last row)', () => {
  test('padded cells, names trimmed', async () => {
    const f = await readMetricsFile(sample('ultralytics/Abonia1__YOLOv8-Fire-and-Smoke-Detection__results.csv'));
    expect(f.format).toBe('lightning-csv');
    expect(at(f, 'metrics/mAP50-95(B)')).toEqual([0.45929, 26]);
    expect(at(f, 'val/box_loss')).toEqual([1.4933, 26]);
    expect(at(f, 'epoch')).toEqual([24, 26]);
  });
});

describe('trainer_state.json and model cards (Whisper fine-tunes)', () => {
  test('the last eval_wer, named eval_wer, and the best one beside it', async () => {
    const f = await readMetricsFile(sample('hf-trainer/Tanisha-anshu__OpenAi-Whisper-small-Braj__trainer_state.json'));
    expect(at(f, 'eval_wer')).toEqual([93.83712958025444, 223]);
    expect(at(f, 'best_metric')).toEqual([89.8605926715929, 2]);
    expect(f.metrics.find((m) => m.name === 'eval_wer')?.path).toBe('log_history.24.eval_wer');
  });

  test('total_flos top-level and in the summary entry: the top-level one has the name', async () => {
    const f = await readMetricsFile(sample('hf-trainer/anthonyrathe__fixed-whisperv2-flemish__trainer_state.json'));
    expect(at(f, 'eval_wer')).toEqual([9.615871912312803, 1042]);
    expect(at(f, 'total_flos')).toEqual([2.0390255069036544e21, 1057]);
    expect(at(f, 'train_loss')).toEqual([0.006579866043726603, 1049]);
  });

  test('a model card whose only metric is wer: named wer, lower is better', async () => {
    const f = await readMetricsFile(sample('hf-model-index/anthonyrathe__fixed-whisperv2-flemish__README.md'));
    expect(at(f, 'wer')).toEqual([9.6159, 24]);
    expect(at(f, 'model-index.0.results.0.metrics.0.value')).toEqual([9.6159, 24]);
    expect(f.metrics[0]).toMatchObject({ name: 'wer', higherIsBetter: false });
    const g = await readMetricsFile(sample('hf-model-index/CoralReefFish__whisper-tiny-nbaiLab__README.md'));
    expect(at(g, 'wer')).toEqual([24.878197320341048, 25]);
  });

  test('a bare-number rule on a card WER fails a worse WER instead of rewarding it', async () => {
    // WER 24.878 against a target of 20: lower is better, so 24.878 is worse.
    expect(await gateError(sample('hf-model-index/CoralReefFish__whisper-tiny-nbaiLab__README.md'), 'wer: 30')).toBe(
      '',
    );
    const rules = await parseRules('wer: 20');
    const f = await readMetricsFile(sample('hf-model-index/CoralReefFish__whisper-tiny-nbaiLab__README.md'));
    const [entry] = checkRules(rules, [f], undefined);
    expect(entry).toMatchObject({ passed: false, direction: 'lower', direction_from: 'file' });
  });
});

describe('lm-evaluation-harness 0.4 with filters', () => {
  const gsm8k = sample('lm-eval-harness/saucam__model_evals__Meta-Llama-3-8B-Instruct-gsm8k.json');
  const mmlu = sample('lm-eval-harness/dreaming-panda__MagicPiG__Hashllama3_mmlu_K4L25-results.json');
  const mixed = sample('lm-eval-harness/dreaming-panda__MagicPiG__Hashllama3_gsm_K4L25-results.json');

  test('gsm8k.exact_match with two filters is refused, listing both with their lines', async () => {
    const message = await gateError(gsm8k, 'gsm8k.exact_match: ">= 0.7"');
    expect(message).toContain("metric 'gsm8k.exact_match' named in thresholds fits 2 metrics");
    expect(message).toContain(`'results.gsm8k.exact_match,strict-match' (${gsm8k}:4)`);
    expect(message).toContain(`'results.gsm8k.exact_match,flexible-extract' (${gsm8k}:6)`);
    const f = await readMetricsFile(gsm8k);
    expect(at(f, 'gsm8k.exact_match,strict-match')).toEqual([0.7558756633813495, 4]);
    expect(at(f, 'gsm8k.exact_match,flexible-extract')).toEqual([0.7528430629264594, 6]);
  });

  test('a metric with exactly one filter resolves by <task>.<metric>', async () => {
    const f = await readMetricsFile(mmlu);
    expect(at(f, 'mmlu_flan_cot_fewshot.exact_match')).toEqual([0.6152841280209014, 4]);
    expect(at(f, 'mmlu_flan_cot_fewshot_humanities.exact_match')).toEqual([0.5424710424710425, 9]);
    const g = await readMetricsFile(mixed);
    expect(at(g, 'coqa.f1')).toEqual([0.7780665512870424, 20]);
  });
});

describe('lm-eval direction without a higher_is_better block', () => {
  test("the task config's metric_list says higher is better (saucam gsm8k, line 35)", async () => {
    const f = await readMetricsFile(sample('lm-eval-harness/saucam__model_evals__Meta-Llama-3-8B-Instruct-gsm8k.json'));
    expect(f.metrics.find((m) => m.name === 'results.gsm8k.exact_match,strict-match')?.higherIsBetter).toBe(true);
    // The stderr has no entry in metric_list: the file says nothing about it.
    expect(f.metrics.find((m) => m.name === 'results.gsm8k.exact_match_stderr,strict-match')?.higherIsBetter).toBe(
      undefined,
    );
  });
});
