/**
 * The numbers a metrics file holds about the noise of one of its metrics (issue 14, item 2, after
 * predictions): the standard error lm-evaluation-harness writes beside each score, and the sample
 * size of a proportion — scikit-learn's classification report `support`, Hugging Face's
 * `eval_samples` / `test_samples`, or `n:` in the rule. Only names the writing tool itself uses are
 * read; a guess would pass as evidence.
 */
import { UserError } from '../errors.js';
import type { Metric, MetricFile } from '../metrics/types.js';
import type { ReportedMetric } from './reported.js';

/**
 * Name tokens of proportions of the examples (a count of right answers over n): accuracy, exact
 * match, a recall with its class support. Precision, F1, AUC, losses and macro averages are not
 * (their denominators are not the n examples), so a sample size gives them no interval.
 */
const PROPORTION_TOKENS = new Set(['acc', 'accuracy', 'recall', 'em', 'exact', 'top1', 'top5', 'sensitivity']);
const NOT_PROPORTION_TOKENS = new Set(['macro', 'stderr', 'f1', 'precision', 'auc', 'loss', 'samples']);

/**
 * True when the metric is a proportion of its examples, by the tokens of its name.
 *
 * @example
 * isProportion('results.arc_easy.acc,none') // true
 * isProportion('1.recall') // true
 * isProportion('macro avg.recall') // false (an average of per-class proportions)
 * isProportion('f1') // false
 */
export function isProportion(name: string): boolean {
  const tokens = name.toLowerCase().split(/[^a-z0-9]+/);
  return tokens.some((t) => PROPORTION_TOKENS.has(t)) && !tokens.some((t) => NOT_PROPORTION_TOKENS.has(t));
}

/**
 * What the metric's file says about its noise: `<metric>_stderr` (lm-eval: `acc_stderr,none` for
 * `acc,none`), and the sample size — the `support` of a scikit-learn report row (the total support
 * for its `accuracy`), `eval_samples` / `test_samples` beside an `eval_` / `test_` metric — or the
 * rule's `n`. A rule's n that contradicts the file's is refused (which one holds is unknowable).
 *
 * @example
 * reportedFromFile(files, metric, undefined) // { value: 0.4735, stderr: 0.0102 } for lm-eval's arc_easy.acc
 */
export function reportedFromFile(
  file: MetricFile | undefined,
  metric: Metric,
  ruleN: number | undefined,
): ReportedMetric {
  const value = metric.value as number;
  const sibling = (name: string) => {
    const m = file?.metrics.find((x) => x.name === name);
    return typeof m?.value === 'number' && Number.isFinite(m.value) ? m : undefined;
  };
  const comma = metric.name.indexOf(',');
  const stderrName =
    comma < 0 ? `${metric.name}_stderr` : `${metric.name.slice(0, comma)}_stderr${metric.name.slice(comma)}`;
  const stderr = sibling(stderrName)?.value as number | undefined;
  const found = sampleSize(file, metric, sibling);
  if (ruleN !== undefined && found && found.n !== ruleN) {
    throw new UserError(
      `rule n: ${ruleN} for '${metric.name}' contradicts ${found.from} = ${found.n} in ${file?.file}: ` +
        'remove n from the rule, or fix the file',
      found.file,
      found.line,
    );
  }
  const n = ruleN ?? found?.n;
  return { value, ...(stderr !== undefined ? { stderr } : {}), ...(n !== undefined ? { n } : {}) };
}

function sampleSize(
  file: MetricFile | undefined,
  metric: Metric,
  sibling: (name: string) => Metric | undefined,
): { n: number; from: string; file: string; line?: number } | undefined {
  if (!file) return undefined;
  const at = (m: Metric | undefined, from: string) => m && { n: m.value as number, from, file: m.file, line: m.line };
  // scikit-learn classification_report(output_dict=True): `<class>.recall` → `<class>.support`;
  // the top-level `accuracy` → the total support of `weighted avg`
  if (file.format === 'sklearn-report' || sibling('weighted avg.support')) {
    if (metric.name === 'accuracy') return at(sibling('weighted avg.support'), "'weighted avg.support'");
    const dot = metric.name.lastIndexOf('.');
    if (dot > 0) {
      const name = `${metric.name.slice(0, dot)}.support`;
      return at(sibling(name), `'${name}'`);
    }
  }
  // Hugging Face Trainer all_results.json / eval_results.json: eval_<metric> beside eval_samples
  const prefix = /^(eval|test|predict)_/.exec(metric.name)?.[1];
  if (prefix) return at(sibling(`${prefix}_samples`), `'${prefix}_samples'`);
  return undefined;
}
