"""Shared by train.py, evaluate.py, make_data.py and serve.py: the feature names and CSV reading.

Only the standard library, NumPy and scikit-learn: no pandas needed.
"""
import csv

import numpy as np
from sklearn.datasets import load_breast_cancer

TARGET = "target"


def feature_names():
    """The 30 features of scikit-learn's breast-cancer dataset, as snake_case column names."""
    return [n.replace(" ", "_") for n in load_breast_cancer().feature_names]


def read_csv(path):
    """A data file written by make_data.py → (X, y, feature names). y is None without a target column."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    if not body:
        raise SystemExit(f"{path}: no rows")
    features = [c for c in header if c != TARGET]
    idx = [header.index(c) for c in features]
    X = np.array([[float(r[i]) for i in idx] for r in body])
    y = np.array([int(r[header.index(TARGET)]) for r in body]) if TARGET in header else None
    return X, y, features
