#!/usr/bin/python3
"""Golden values for the metrics computed from per-example predictions (src/predictions/, issue 14):
accuracy, precision / recall / F1 (binary, macro, weighted, with zero_division), ROC AUC (binary and
one-vs-rest macro) and log loss, from scikit-learn. Each case is a small predictions table (written
to CSV or JSON Lines by the test and read back through the reader) with the metrics scikit-learn
gives for it; a metric scikit-learn refuses for that table is recorded as null.

Usage: /usr/bin/python3 scripts/golden/noise_metrics.py > __tests__/fixtures/golden/noise_metrics.json
"""
import json
import sys

import numpy as np
import sklearn
from sklearn import metrics

rng = np.random.RandomState(14)


def binary_table(n, prevalence, noise, labels=(0, 1), decimals=None):
    y = (rng.rand(n) < prevalence).astype(int)
    logit = (y * 2 - 1) * 1.2 + rng.randn(n) * noise
    score = 1 / (1 + np.exp(-logit))
    if decimals is not None:
        score = np.round(score, decimals)
    pred = (score >= 0.5).astype(int)
    return [labels[v] for v in y], [labels[v] for v in pred], [float(s) for s in score]


def multiclass_table(n, classes, noise, decimals=None, predict=None):
    k = len(classes)
    y = rng.randint(0, k, size=n)
    logits = rng.randn(n, k) * noise
    logits[np.arange(n), y] += 1.5
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    if decimals is not None:
        proba = np.round(proba, decimals)
    pred = proba.argmax(axis=1) if predict is None else predict(y, proba)
    cls = np.array(classes, dtype=object)
    return list(cls[y]), list(cls[pred]), {str(c): [float(v) for v in proba[:, j]] for j, c in enumerate(classes)}


def scalar(f):
    try:
        with np.errstate(all="ignore"):
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return float(f())
    except ValueError:
        return None


def expected(y_true, y_pred, classes, score=None, proba=None, positive=None, zero_division="warn", binary=True):
    yt, yp = np.array(y_true, dtype=object), np.array(y_pred, dtype=object)
    if all(isinstance(v, (int, bool)) for v in list(y_true) + list(y_pred)):
        yt, yp = np.array(y_true), np.array(y_pred)
    zd = {"zero_division": zero_division}
    out = {"accuracy": metrics.accuracy_score(yt, yp)}
    if binary and (positive is not None or 1 in set(y_true) | set(y_pred) or True in set(y_true) | set(y_pred)):
        pos = positive if positive is not None else 1
        for name, f in [("precision", metrics.precision_score), ("recall", metrics.recall_score), ("f1", metrics.f1_score)]:
            out[name] = scalar(lambda: f(yt, yp, average="binary", pos_label=pos, **zd))
    else:
        out["precision"] = out["recall"] = out["f1"] = None
    for avg in ["macro", "weighted"]:
        for name, f in [("precision", metrics.precision_score), ("recall", metrics.recall_score), ("f1", metrics.f1_score)]:
            out[f"{name}_{avg}"] = scalar(lambda: f(yt, yp, average=avg, **zd))
    cls = np.array(classes, dtype=object if isinstance(classes[0], str) else None)
    if score is not None:
        # the score is the probability of the named positive class, else of the greater label
        pos_class = positive if positive is not None else classes[-1]
        is_pos = np.array([v == pos_class for v in y_true]).astype(int)
        out["roc_auc"] = scalar(lambda: metrics.roc_auc_score(is_pos, score))
        out["log_loss"] = scalar(lambda: metrics.log_loss(is_pos, score, labels=[0, 1]))
        out["roc_auc_ovr"] = None
    elif proba is not None:
        p = np.column_stack([proba[str(c)] for c in classes])
        if len(classes) == 2:
            pos_class = positive if positive is not None else classes[-1]
            j = list(classes).index(pos_class)
            is_pos = np.array([v == pos_class for v in y_true]).astype(int)
            out["roc_auc"] = scalar(lambda: metrics.roc_auc_score(is_pos, p[:, j]))
            out["roc_auc_ovr"] = None
        else:
            out["roc_auc"] = None
            if np.allclose(1, p.sum(axis=1)):
                out["roc_auc_ovr"] = scalar(lambda: metrics.roc_auc_score(yt, p, multi_class="ovr", labels=cls))
            else:
                # scikit-learn refuses rows that do not sum to 1 within 1e-5; the same average by hand
                per = [scalar(lambda: metrics.roc_auc_score((yt == c).astype(int), p[:, j])) for j, c in enumerate(classes)]
                out["roc_auc_ovr"] = None if None in per else float(np.mean(per))
        out["log_loss"] = scalar(lambda: metrics.log_loss(yt, p, labels=cls))
    else:
        out["roc_auc"] = out["roc_auc_ovr"] = out["log_loss"] = None
    return {k: (None if v is None else float(v)) for k, v in out.items()}


cases = []


def add(case_id, y_true, y_pred, classes, fmt="csv", score=None, proba=None, positive=None, zero_division="warn"):
    rows = {"y_true": y_true, "y_pred": y_pred}
    if score is not None:
        rows["score"] = score
    if proba is not None:
        for c, v in proba.items():
            rows[f"proba_{c}"] = v
    cases.append({
        "id": case_id, "format": fmt, "columns": {k: [v if not isinstance(v, np.generic) else v.item() for v in vs]
                                                   for k, vs in rows.items()},
        "positive": positive, "zero_division": 0 if zero_division == "warn" else zero_division,
        "classes": [str(c) for c in classes],
        "expected": expected(y_true, y_pred, classes, score, proba, positive, zero_division, binary=len(classes) <= 2),
    })


yt, yp, s = binary_table(200, 0.3, 1.0)
add("binary-01-score", yt, yp, [0, 1], score=s)
yt, yp, s = binary_table(300, 0.4, 1.5, decimals=2)
add("binary-01-score-ties", yt, yp, [0, 1], score=s, fmt="jsonl")
yt, yp, s = binary_table(60, 0.5, 3.0)
s = [0.0 if i % 7 == 0 else 1.0 if i % 11 == 0 else v for i, v in enumerate(s)]  # scores at 0 and 1: clipped
add("binary-01-score-extremes", yt, yp, [0, 1], score=s)
yt, yp, s = binary_table(150, 0.35, 1.0, labels=(False, True))
add("binary-booleans", yt, yp, [False, True], score=s, fmt="jsonl")
yt, yp, s = binary_table(120, 0.5, 1.0, labels=(-1, 1))
add("binary-minus-one-one", yt, yp, [-1, 1], score=s, fmt="jsonl")
yt, yp, s = binary_table(120, 0.5, 1.0, labels=(1, 2))
add("binary-one-two", yt, yp, [1, 2], score=s)  # pos_label=1 is the smaller label; score is P(2)
yt, yp, s = binary_table(180, 0.25, 1.0, labels=("ham", "spam"))
add("binary-strings-named-positive", yt, yp, ["ham", "spam"], score=[1 - v for v in s], positive="ham")
yt, yp, s = binary_table(100, 0.4, 1.0, labels=("cat", "dog"))
add("binary-strings-no-positive", yt, yp, ["cat", "dog"], score=s)
yt, yp, s = binary_table(80, 0.1, 1.0)
add("binary-never-predicts-positive", yt, [0] * 80, [0, 1], score=s)
add("binary-never-predicts-positive-zd1", yt, [0] * 80, [0, 1], score=s, zero_division=1)
yt, yp, s = binary_table(10_000, 0.2, 1.2)
add("binary-10000", yt, yp, [0, 1], score=s)
yt, yp, s = binary_table(40, 0.5, 1.0)
add("binary-no-probabilities", yt, yp, [0, 1])
yt, yp, pr = multiclass_table(90, ["neg", "pos"], 1.0)
add("binary-proba-columns", yt, yp, ["neg", "pos"], proba=pr, positive="pos")

yt, yp, pr = multiclass_table(300, [0, 1, 2], 1.0)
add("multiclass-3", yt, yp, [0, 1, 2], proba=pr)
yt, yp, pr = multiclass_table(400, ["a", "b", "c", "d"], 1.2, decimals=4)
add("multiclass-strings-rounded-4dp", yt, yp, ["a", "b", "c", "d"], proba=pr, fmt="jsonl")
yt, yp, pr = multiclass_table(500, list(range(10)), 1.0)
add("multiclass-10", yt, yp, list(range(10)), proba=pr)
yt, yp, pr = multiclass_table(200, [0, 1, 2], 1.0, predict=lambda y, p: np.where(p.argmax(axis=1) == 2, 0, p.argmax(axis=1)))
add("multiclass-never-predicts-2", yt, yp, [0, 1, 2], proba=pr)
add("multiclass-never-predicts-2-zd1", yt, yp, [0, 1, 2], proba=pr, zero_division=1)
yt, yp, _ = multiclass_table(250, [3, 5, 8], 1.0)
add("multiclass-no-probabilities", yt, yp, [3, 5, 8])
yt, yp, pr = multiclass_table(120, [0, 1, 2, 3], 1.0, predict=lambda y, p: np.minimum(p.argmax(axis=1), 2))
yt = [min(v, 2) for v in yt]  # class 3 has a proba column but no example: roc_auc_ovr undefined
add("multiclass-class-without-examples", yt, yp, [0, 1, 2, 3], proba=pr)
yt, _, pr = multiclass_table(60, [0, 1, 2], 1.0)
add("multiclass-perfect", yt, yt, [0, 1, 2], proba=pr)

json.dump({"generator": f"scripts/golden/noise_metrics.py: scikit-learn {sklearn.__version__}, numpy {np.__version__}",
           "cases": cases}, sys.stdout, separators=(",", ":"), allow_nan=False)
sys.stdout.write("\n")
