#!/usr/bin/python3
"""The worked example of docs/noise.md ("Noise-aware gating"): a candidate's and a baseline's predictions on
the same 2 000 examples (binary, with scores and ids; the baseline file in another row order), and
what scikit-learn and statsmodels say about them — the metrics of both models and the exact
McNemar test of their accuracies — for __tests__/noise/example.test.ts.

Usage: /usr/bin/python3 scripts/golden/noise_example.py __tests__/fixtures/predictions
"""
import json
import os
import sys

import numpy as np
import sklearn
import statsmodels
from scipy import stats
from sklearn import metrics
from statsmodels.stats.contingency_tables import mcnemar

out = sys.argv[1]
rng = np.random.default_rng(14)
n = 2000
y = (rng.random(n) < 0.3).astype(int)
shared = rng.normal(size=n)  # how hard each example is, for both models
def model(strength, noise):
    s = 1 / (1 + np.exp(-((2 * y - 1) * strength + shared + noise * rng.normal(size=n))))
    return np.round(s, 4)
baseline_score = model(2.0, 0.6)
candidate_score = model(1.8, 0.6)  # the pull request's model: a little weaker
ids = [f"ex-{i:05d}" for i in range(n)]

def write(name, score, order):
    with open(os.path.join(out, name), "w") as f:
        f.write("id,y_true,y_pred,score\n")
        for i in order:
            f.write(f"{ids[i]},{y[i]},{int(score[i] >= 0.5)},{score[i]!r}\n")

write("candidate.csv", candidate_score, range(n))
write("baseline.csv", baseline_score, rng.permutation(n))

def scores(score):
    pred = (score >= 0.5).astype(int)
    return {
        "accuracy": metrics.accuracy_score(y, pred),
        "f1": metrics.f1_score(y, pred),
        "f1_macro": metrics.f1_score(y, pred, average="macro"),
        "roc_auc": metrics.roc_auc_score(y, score),
        "log_loss": metrics.log_loss(y, score),
    }

pc = (candidate_score >= 0.5).astype(int) == y
pb = (baseline_score >= 0.5).astype(int) == y
worse = int(np.sum(pb & ~pc))
better = int(np.sum(pc & ~pb))
expected = {
    "generator": f"scripts/golden/noise_example.py: scikit-learn {sklearn.__version__}, statsmodels {statsmodels.__version__}",
    "candidate": scores(candidate_score),
    "baseline": scores(baseline_score),
    "mcnemar": {"worse": worse, "better": better,
                "p_value": float(mcnemar([[0, better], [worse, 0]], exact=True).pvalue),
                "p_worse": float(stats.binomtest(worse, worse + better, 0.5, alternative="greater").pvalue)},
}
with open(os.path.join(out, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
    f.write("\n")
print(json.dumps(expected, indent=1))
