"""Scores the trained model on the holdout split train.py left.

    python evaluate.py --model out/model.joblib --holdout out/holdout.csv --out out

Writes out/metrics.json (accuracy, precision, recall, f1, roc_auc, eval_loss = log loss,
latency_ms_per_1k_rows, holdout_rows) and out/classification_report.json (scikit-learn's
classification_report(output_dict=True)): the gate reads both.
"""
import argparse
import json
import os
import time

import joblib
from sklearn.metrics import (accuracy_score, classification_report, f1_score, log_loss, precision_score,
                             recall_score, roc_auc_score)

from common import read_csv


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", default="out/model.joblib")
    p.add_argument("--holdout", default="out/holdout.csv")
    p.add_argument("--out", default="out")
    args = p.parse_args()

    model = joblib.load(args.model)
    X, y, _ = read_csv(args.holdout)
    start = time.perf_counter()
    proba = model.predict_proba(X)[:, 1]
    elapsed_ms = (time.perf_counter() - start) * 1000
    pred = (proba >= 0.5).astype(int)

    metrics = {
        "accuracy": accuracy_score(y, pred),
        "precision": precision_score(y, pred),
        "recall": recall_score(y, pred),
        "f1": f1_score(y, pred),
        "roc_auc": roc_auc_score(y, proba),
        "eval_loss": log_loss(y, proba),
        "latency_ms_per_1k_rows": elapsed_ms * 1000 / len(y),
    }
    metrics = {k: round(float(v), 6) for k, v in metrics.items()}
    metrics["holdout_rows"] = int(len(y))
    report = classification_report(y, pred, target_names=["malignant", "benign"], output_dict=True)

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)
        f.write("\n")
    with open(os.path.join(args.out, "classification_report.json"), "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()
