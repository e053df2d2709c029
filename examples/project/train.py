"""Trains the model: a standardised logistic regression on data files written by make_data.py.

    python train.py --data data/reference.csv --out out
    python train.py --data data/reference.csv data/current.csv --out out     # retrain with new data

Writes out/model.joblib and out/holdout.csv (the 25 % stratified split evaluate.py scores).
Deterministic: fixed random_state, seconds on a laptop.
"""
import argparse
import csv
import json
import os

import joblib
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from common import TARGET, read_csv


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", nargs="+", default=["data/reference.csv"], help="CSV files with a target column, concatenated")
    p.add_argument("--out", default="out")
    p.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    args = p.parse_args()

    parts = [read_csv(path) for path in args.data]
    features = parts[0][2]
    for path, (_, y_part, names) in zip(args.data, parts):
        if y_part is None:
            raise SystemExit(f"{path}: no '{TARGET}' column to learn from")
        if names != features:
            raise SystemExit(f"{path}: columns differ from {args.data[0]}")
    X = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=42)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=args.c, max_iter=5000, random_state=42))
    model.fit(X_train, y_train)
    model.feature_names_ = features

    os.makedirs(args.out, exist_ok=True)
    joblib.dump(model, os.path.join(args.out, "model.joblib"))
    with open(os.path.join(args.out, "holdout.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(features + [TARGET])
        for row, label in zip(X_test, y_test):
            w.writerow([repr(float(v)) for v in row] + [int(label)])
    with open(os.path.join(args.out, "train-info.json"), "w") as f:
        json.dump({"data": args.data, "train_rows": int(len(y_train)), "holdout_rows": int(len(y_test)),
                   "features": len(features), "positive_share": float(np.mean(y_train))}, f, indent=2)
    print(f"trained on {len(y_train)} rows, {len(features)} features → {args.out}/model.joblib")


if __name__ == "__main__":
    main()
