/**
 * Reads a `predictions` file — CSV, TSV, JSON Lines or Parquet through the project's data
 * readers — into Predictions, refusing everything that would make a metric mean something other
 * than what its writer meant: missing columns or cells, labels that are no class of the model,
 * scores that are not probabilities, probability rows that do not sum to 1, duplicate ids.
 * Every refusal names the file and line.
 *
 * Columns: `y_true`, `y_pred` (required); `score` (binary: probability of the positive class)
 * or `proba_<class>` per class (not both); `id` (optional, for pairing with a baseline). Other
 * columns are ignored.
 */
import { UserError } from '../errors.js';
import { fileLine, readTable } from '../data/read.js';
import { parseCellNumber } from '../data/number.js';
import type { Column, Table } from '../data/types.js';
import { compareLabels, labelTexts, numberLabel } from './labels.js';
import { PROBA_SUM_TOLERANCE, type Predictions } from './types.js';

export interface ReadPredictionsOptions {
  /** What the file is, for messages (default 'predictions file'). */
  what?: string;
  /**
   * The model's classes, when it may predict a class this test set lacks (otherwise the classes
   * are the `proba_<class>` columns, or the labels of y_true).
   */
  labels?: readonly string[];
}

/** More classes than this is refused: most likely `y_pred` holds scores, not labels. */
export const MAX_CLASSES = 1000;

/**
 * @example
 * const p = await readPredictions('eval/predictions.csv');
 * p.n; // 2000
 * p.classes; // ['0', '1']
 */
export async function readPredictions(file: string, options: ReadPredictionsOptions = {}): Promise<Predictions> {
  return predictionsFromTable(await readTable(file), options);
}

/** Predictions from a table already read (readTables reads a candidate's and a baseline's in parallel). */
export function predictionsFromTable(table: Table, options: ReadPredictionsOptions = {}): Predictions {
  const { file } = table;
  const line = (i: number) => fileLine(table, i);

  // 1. The columns: y_true and y_pred, and score or proba_<class> (not both).
  const columns = predictionColumns(table, options.what ?? 'predictions file');

  // 2. Label texts, no missing cell.
  const truth = labelTexts(columns.yTrue);
  const predicted = labelTexts(columns.yPred);
  for (const [name, l] of [
    ['y_true', truth],
    ['y_pred', predicted],
  ] as const) {
    const i = l.codes.indexOf(-1);
    if (i >= 0) throw new UserError(`${name} is missing (an empty, NA, NaN, null or None cell)`, file, line(i));
  }

  // 3. The classes: the proba_ columns, else the declared labels, else y_true's labels.
  const { classes, numeric, canonical, source } = resolveClasses(file, columns.proba, truth, predicted, options.labels);
  const classIndex = new Map(classes.map((c, k) => [c, k]));
  const toClass = (name: 'y_true' | 'y_pred', l: { texts: string[]; codes: Int32Array }) => {
    const map = l.texts.map((t) => classIndex.get(t) ?? -1);
    const out = new Int32Array(l.codes.length);
    for (let i = 0; i < out.length; i++) {
      const k = map[l.codes[i]];
      if (k < 0) throw new UserError(unknownLabel(name, l.texts[l.codes[i]], classes, source), file, line(i));
      out[i] = k;
    }
    return out;
  };
  const yTrue = toClass('y_true', truth);
  const yPred = toClass('y_pred', predicted);

  // 4. Probabilities.
  let score: Float64Array | undefined;
  let proba: Map<number, Float64Array> | undefined;
  if (columns.score) {
    if (classes.length > 2) {
      throw new UserError(
        `a score column is for binary problems; this one has ${classes.length} classes: write one proba_<class> column per class`,
        file,
        1,
      );
    }
    score = probabilities(columns.score, table, 'score');
  } else if (columns.proba.length > 0) {
    proba = new Map<number, Float64Array>();
    for (const c of columns.proba) {
      proba.set(classIndex.get(canonical(probaClass(c)))!, probabilities(c, table, c.name));
    }
    checkRowSums([...proba.values()], table);
  }

  // 5. Ids.
  const ids = columns.id ? readIds(columns.id, table) : undefined;

  return { file, n: table.rowCount, classes, numericLabels: numeric, yTrue, yPred, score, proba, ids, line };
}

/** The columns predictions are read from; refuses a file without y_true / y_pred, or with both score and proba_. */
function predictionColumns(table: Table, what: string) {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const need = (name: string): Column => {
    const c = byName.get(name);
    if (c) return c;
    const names = table.columns.map((x) => quote(x.name)).slice(0, 20);
    throw new UserError(
      `the ${what} has no ${quote(name)} column (it has ${names.join(', ') || 'none'}); ` +
        'predictions need y_true and y_pred, and optionally score or proba_<class>, and id',
      table.file,
      1,
    );
  };
  const columns = {
    yTrue: need('y_true'),
    yPred: need('y_pred'),
    score: byName.get('score'),
    proba: table.columns.filter((c) => c.name.startsWith('proba_')),
    id: byName.get('id'),
  };
  if (columns.score && columns.proba.length > 0) {
    throw new UserError(
      'the file has both a score column and proba_<class> columns, which may disagree; keep one of them',
      table.file,
      1,
    );
  }
  if (columns.proba.some((c) => probaClass(c) === '')) {
    throw new UserError('a proba_ column must name its class (proba_<class>)', table.file, 1);
  }
  return columns;
}

const probaClass = (c: Column) => c.name.slice('proba_'.length);

/**
 * The sorted class list (the proba_ columns', else the declared labels, else y_true's), whether
 * labels are numbers, and how a label text becomes its class name (`1.0` → `1` for numbers).
 */
function resolveClasses(
  file: string,
  probaColumns: Column[],
  truth: { texts: string[]; numeric: boolean },
  predicted: { numeric: boolean },
  labels: readonly string[] | undefined,
) {
  const suffixes = probaColumns.map(probaClass);
  const declared = probaColumns.length > 0 ? suffixes : labels;
  const numeric =
    truth.numeric && predicted.numeric && (declared ?? []).every((t) => !Number.isNaN(parseCellNumber(t)));
  const canonical = (t: string) => (numeric ? numberLabel(parseCellNumber(t)) : t);
  let classes: string[];
  if (declared) {
    classes = declared.map(canonical);
    const seen = new Map<string, number>();
    classes.forEach((c, j) => {
      if (seen.has(c)) {
        const a =
          probaColumns.length > 0 ? `columns proba_${suffixes[seen.get(c)!]} and proba_${suffixes[j]}` : 'labels';
        throw new UserError(`class ${quote(c)} is named twice (${a})`, file, 1);
      }
      seen.set(c, j);
    });
  } else {
    classes = [...truth.texts];
    // 0/1 labels are a binary problem even when the test set holds one of them only.
    if (numeric && classes.every((c) => c === '0' || c === '1')) classes = ['0', '1'];
  }
  if (classes.length > MAX_CLASSES) {
    throw new UserError(
      `${classes.length} classes (more than ${MAX_CLASSES}); does a label column hold scores instead of labels?`,
      file,
      1,
    );
  }
  classes.sort((a, b) => compareLabels(a, b, numeric));
  const source = probaColumns.length > 0 ? 'proba_<class> columns' : declared ? 'declared labels' : 'y_true labels';
  return { classes, numeric, canonical, source };
}

function unknownLabel(name: string, label: string, classes: string[], source: string): string {
  const list = classes.slice(0, 10).map(quote).join(', ') + (classes.length > 10 ? ', …' : '');
  const hint =
    source === 'y_true labels'
      ? '; if the model may predict a class this test set lacks, declare the classes (proba_<class> columns)'
      : '';
  return `${name} holds the label ${quote(label)}, which is not a class (classes from the ${source}: ${list})${hint}`;
}

/** A probability column: numbers in [0, 1], none missing. */
function probabilities(column: Column, table: Table, name: string): Float64Array {
  const { file } = table;
  if (column.kind === 'categorical') {
    const i = column.codes.findIndex((c) => c >= 0 && Number.isNaN(parseCellNumber(column.dictionary[c])));
    const at = i >= 0 ? i : column.codes.indexOf(-1);
    const text = i >= 0 ? column.dictionary[column.codes[i]] : '';
    throw new UserError(`${name} must be a probability, found ${quote(text)}`, file, fileLine(table, Math.max(at, 0)));
  }
  const v = column.values;
  for (let i = 0; i < table.rowCount; i++) {
    const x = v[i];
    if (x !== x)
      throw new UserError(`${name} is missing (an empty, NA, NaN, null or None cell)`, file, fileLine(table, i));
    if (x < 0 || x > 1) {
      throw new UserError(`${name} is ${x}, not a probability (between 0 and 1)`, file, fileLine(table, i));
    }
  }
  return v;
}

function checkRowSums(columns: Float64Array[], table: Table): void {
  for (let i = 0; i < table.rowCount; i++) {
    let s = 0;
    for (const c of columns) s += c[i];
    if (Math.abs(s - 1) > PROBA_SUM_TOLERANCE) {
      throw new UserError(
        `the proba_<class> values sum to ${s}, not 1 (tolerance ${PROBA_SUM_TOLERANCE}); ` +
          'they must be the probabilities of all the classes',
        table.file,
        fileLine(table, i),
      );
    }
  }
}

/** The id of each row as text; whole numbers up to 2^53 or text, no missing cell, no duplicate. */
function readIds(column: Column, table: Table): string[] {
  const { file } = table;
  const ids = new Array<string>(table.rowCount);
  if (column.kind === 'numeric') {
    for (let i = 0; i < ids.length; i++) {
      const v = column.values[i];
      if (v !== v)
        throw new UserError('id is missing (an empty, NA, NaN, null or None cell)', file, fileLine(table, i));
      if (!Number.isSafeInteger(v)) {
        throw new UserError(
          `id ${v} is not a whole number below 2^53, so different ids could read as the same number; ` +
            'use whole numbers or text ids',
          file,
          fileLine(table, i),
        );
      }
      ids[i] = numberLabel(v);
    }
  } else {
    for (let i = 0; i < ids.length; i++) {
      const c = column.codes[i];
      if (c < 0) throw new UserError('id is missing (an empty, NA, NaN, null or None cell)', file, fileLine(table, i));
      ids[i] = column.dictionary[c];
    }
  }
  const first = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const j = first.get(ids[i]);
    if (j !== undefined) {
      const at = fileLine(table, j);
      throw new UserError(
        `duplicate id ${quote(ids[i])}${at ? ` (first on line ${at})` : ''}: ids must name one example each`,
        file,
        fileLine(table, i),
      );
    }
    first.set(ids[i], i);
  }
  return ids;
}

/** A label or column name for a message: JSON-quoted (escapes control characters), cut to 60 characters. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
