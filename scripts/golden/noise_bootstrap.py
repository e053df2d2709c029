#!/usr/bin/python3
"""Reference bootstrap intervals for the paired bootstrap of src/noise/predictions.ts (issue 14),
computed with SciPy's own implementation (scipy.stats.bootstrap, paired=True, NumPy's generator)
and 200 000 resamples, so that a TypeScript run with 10 000 resamples of another generator can be
checked against it within Monte-Carlo error.

Tolerance of each interval end (written to the JSON, used by the test as is): the standard error
of a sample p-quantile of B draws is sqrt(p(1-p)/B) / f(q_p) (asymptotically normal order
statistic), f the bootstrap density at the quantile, estimated here from the reference replicates
by the central difference 2h / (q(p+h) - q(p-h)), h = 0.005. Both runs add error:
se = sqrt(p(1-p) (1/10 000 + 1/200 000)) / f. The test allows 4.5 se (a two-sided normal miss
probability of 7e-6 per end; ~50 ends: 3e-4 for the whole file) plus one lattice step of the
statistic (the largest gap between the distinct reference replicates next to the quantile): a
statistic of counts takes few distinct values, and two generators may land on neighbours.
p is 0.025 / 0.975 for percentile ends and the BCa-adjusted levels (alpha_1, alpha_2) for BCa ends.

Usage: /usr/bin/python3 scripts/golden/noise_bootstrap.py > __tests__/fixtures/golden/noise_bootstrap.json
"""
import json
import sys

import numpy as np
import scipy
from scipy import stats
from scipy.special import ndtr, ndtri

B_REF = 200_000
B_TS = 10_000
CONFIDENCE = 0.95
rng = np.random.default_rng(2024)


def auc(y, s, axis=-1):
    """ROC AUC along `axis` from average ranks (Mann-Whitney), NaN with one class."""
    r = stats.rankdata(s, axis=axis)
    p = y.sum(axis=axis)
    n = y.shape[axis] - p
    with np.errstate(all="ignore"):
        return ((r * y).sum(axis=axis) - p * (p + 1) / 2) / (p * n)


def f1_binary(y, c, axis=-1):
    tp = ((c == 1) & (y == 1)).sum(axis=axis)
    pred = (c == 1).sum(axis=axis)
    act = (y == 1).sum(axis=axis)
    with np.errstate(all="ignore"):
        p = np.where(pred > 0, tp / np.maximum(pred, 1), 0.0)
        r = np.where(act > 0, tp / np.maximum(act, 1), 0.0)
        return np.where(p + r > 0, 2 * p * r / np.where(p + r > 0, p + r, 1), 0.0)


def prf_average(y, c, k, average, which, axis=-1):
    """Macro / weighted precision, recall or F1 over present labels (zero_division 0)."""
    vals, weights = [], []
    for j in range(k):
        tp = ((c == j) & (y == j)).sum(axis=axis)
        pred = (c == j).sum(axis=axis)
        act = (y == j).sum(axis=axis)
        p = np.where(pred > 0, tp / np.maximum(pred, 1), 0.0)
        r = np.where(act > 0, tp / np.maximum(act, 1), 0.0)
        f = np.where(p + r > 0, 2 * p * r / np.where(p + r > 0, p + r, 1), 0.0)
        vals.append({"precision": p, "recall": r, "f1": f}[which])
        present = (act + pred) > 0
        weights.append(np.where(present, act if average == "weighted" else 1.0, 0.0))
    vals, weights = np.array(vals), np.array(weights)
    return (vals * weights).sum(axis=0) / weights.sum(axis=0)


def reference(columns, statistic):
    """SciPy's paired bootstrap (percentile and BCa) of statistic(*columns), with tolerances."""
    data = tuple(np.asarray(c) for c in columns)
    res = stats.bootstrap(data, statistic, paired=True, vectorized=True, n_resamples=B_REF, batch=5000,
                          confidence_level=CONFIDENCE, method="BCa", random_state=rng)
    dist = np.sort(res.bootstrap_distribution)
    dist = dist[np.isfinite(dist)]
    pct = stats.bootstrap(data, statistic, paired=True, vectorized=True, n_resamples=0, bootstrap_result=res,
                          confidence_level=CONFIDENCE, method="percentile", random_state=rng)
    # BCa levels, as scipy's _bca_interval computes them, to size the tolerance (checked against SciPy's interval)
    theta_hat = float(statistic(*data, axis=-1))
    z0 = ndtri(((dist < theta_hat).sum() + (dist <= theta_hat).sum()) / (2 * len(dist)))
    n = len(data[0])
    jack = np.array([statistic(*(np.delete(c, i) for c in data), axis=-1) for i in range(n)], dtype=float)
    d = jack.mean() - jack
    a = (d**3).sum() / (6 * ((d**2).sum()) ** 1.5)
    alpha = (1 - CONFIDENCE) / 2
    levels = []
    for z in (ndtri(alpha), -ndtri(alpha)):
        levels.append(float(ndtr(z0 + (z0 + z) / (1 - a * (z0 + z)))))
    bca_check = np.percentile(res.bootstrap_distribution, [100 * levels[0], 100 * levels[1]])
    assert np.allclose(bca_check, [res.confidence_interval.low, res.confidence_interval.high], rtol=1e-12, atol=1e-15)

    def tolerance(p):
        h = 0.005
        lo, hi = np.quantile(dist, [max(p - h, 0), min(p + h, 1)])
        density = (min(p + h, 1) - max(p - h, 0)) / max(hi - lo, 1e-300)
        se = np.sqrt(p * (1 - p) * (1 / B_TS + 1 / B_REF)) / density
        q = np.quantile(dist, p)
        u = np.unique(dist)
        i = int(np.searchsorted(u, q))
        around = u[max(i - 2, 0):i + 2]  # the distinct values next to the quantile
        step = float(np.max(np.diff(around))) if len(around) > 1 else 0.0
        return float(4.5 * se + step)

    return {
        "estimate": theta_hat,
        "percentile": [float(pct.confidence_interval.low), float(pct.confidence_interval.high)],
        "bca": [float(res.confidence_interval.low), float(res.confidence_interval.high)],
        "bca_levels": levels, "a": float(a),
        "tolerance_percentile": [tolerance(alpha), tolerance(1 - alpha)],
        "tolerance_bca": [tolerance(levels[0]), tolerance(levels[1])],
        "standard_error": float(res.standard_error),
    }


cases = []

# Binary: 300 examples, two correlated models with scores.
n = 300
y = (rng.random(n) < 0.35).astype(int)
shared = rng.normal(size=n)
sc = 1 / (1 + np.exp(-((2 * y - 1) * 1.1 + 1.0 * shared + 0.8 * rng.normal(size=n))))
sb = 1 / (1 + np.exp(-((2 * y - 1) * 1.0 + 1.0 * shared + 0.8 * rng.normal(size=n))))
sc, sb = np.round(sc, 6), np.round(sb, 6)
pc, pb = (sc >= 0.5).astype(int), (sb >= 0.5).astype(int)
eps = np.finfo(float).eps
lc = -np.log(np.where(y == 1, np.clip(sc, eps, 1 - eps), 1 - np.clip(sc, eps, 1 - eps)))
lb = -np.log(np.where(y == 1, np.clip(sb, eps, 1 - eps), 1 - np.clip(sb, eps, 1 - eps)))
binary_columns = {"id": [f"e{i}" for i in range(n)], "y_true": y.tolist(),
                  "candidate": {"y_pred": pc.tolist(), "score": sc.tolist()},
                  "baseline": {"y_pred": pb.tolist(), "score": sb.tolist()}}
targets = [
    ("accuracy", "difference", (y, pc, pb), lambda y, c, b, axis: (c == y).mean(axis=axis) - (b == y).mean(axis=axis)),
    ("f1", "difference", (y, pc, pb), lambda y, c, b, axis: f1_binary(y, c, axis) - f1_binary(y, b, axis)),
    ("f1", "candidate", (y, pc), lambda y, c, axis: f1_binary(y, c, axis)),
    ("log_loss", "difference", (lc, lb), lambda a, b, axis: a.mean(axis=axis) - b.mean(axis=axis)),
    ("roc_auc", "difference", (y, sc, sb), lambda y, c, b, axis: auc(y, c, axis) - auc(y, b, axis)),
    ("roc_auc", "candidate", (y, sc), lambda y, c, axis: auc(y, c, axis)),
]
for metric, target, cols, stat in targets:
    cases.append({"table": "binary", "metric": metric, "target": target, **reference(cols, stat)})

# Multiclass: 240 examples, 3 classes with probabilities.
n, k = 240, 3
y3 = rng.integers(0, k, size=n)
shared = rng.normal(size=(n, k))
def proba(strength):
    logits = shared + 0.7 * rng.normal(size=(n, k))
    logits[np.arange(n), y3] += strength
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return p
p3c, p3b = proba(1.3), proba(1.1)
c3, b3 = p3c.argmax(axis=1), p3b.argmax(axis=1)
multi_columns = {"id": [f"m{i}" for i in range(n)], "y_true": y3.tolist(),
                 "candidate": {"y_pred": c3.tolist(), **{f"proba_{j}": p3c[:, j].tolist() for j in range(k)}},
                 "baseline": {"y_pred": b3.tolist(), **{f"proba_{j}": p3b[:, j].tolist() for j in range(k)}}}
def ovr(y, p0, p1, p2, axis):
    return (auc((y == 0).astype(int), p0, axis) + auc((y == 1).astype(int), p1, axis) + auc((y == 2).astype(int), p2, axis)) / 3
targets = [
    ("f1_macro", "difference", (y3, c3, b3),
     lambda y, c, b, axis: prf_average(y, c, k, "macro", "f1", axis) - prf_average(y, b, k, "macro", "f1", axis)),
    ("precision_weighted", "candidate", (y3, c3), lambda y, c, axis: prf_average(y, c, k, "weighted", "precision", axis)),
    ("roc_auc_ovr", "difference", (y3, *p3c.T, *p3b.T),
     lambda y, a0, a1, a2, b0, b1, b2, axis: ovr(y, a0, a1, a2, axis) - ovr(y, b0, b1, b2, axis)),
]
for metric, target, cols, stat in targets:
    cases.append({"table": "multiclass", "metric": metric, "target": target, **reference(cols, stat)})

json.dump({"generator": f"scripts/golden/noise_bootstrap.py: scipy {scipy.__version__} bootstrap, numpy {np.__version__}",
           "resamples_reference": B_REF, "resamples": B_TS, "confidence": CONFIDENCE,
           "tables": {"binary": binary_columns, "multiclass": multi_columns}, "cases": cases},
          sys.stdout, separators=(",", ":"), allow_nan=False)
sys.stdout.write("\n")
