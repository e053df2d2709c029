"""Writes data/reference.csv and data/current.csv from scikit-learn's breast-cancer dataset.

reference.csv: the 569 rows as shipped (the training data).
current.csv:   400 rows drawn with replacement, as "new data": a mild shift, as if a new scanner
               read cell sizes ~7 % larger (the radius, perimeter and area features) with more
               noise in texture. The drift stage flags those columns, not the others.
Deterministic (fixed seed): `python make_data.py` rewrites the same files.
"""
import csv
import os

import numpy as np
from sklearn.datasets import load_breast_cancer

from common import TARGET, feature_names

SIZE_COLUMNS = ("radius", "perimeter", "area")


def write(path, names, X, y):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names + [TARGET])
        for row, label in zip(X, y):
            w.writerow([f"{v:.6g}" for v in row] + [int(label)])


def main():
    data = load_breast_cancer()
    names = feature_names()
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "data"), exist_ok=True)
    write(os.path.join(here, "data", "reference.csv"), names, data.data, data.target)

    rng = np.random.default_rng(20240601)
    pick = rng.choice(len(data.target), size=400, replace=True)
    X = data.data[pick].copy()
    for j, name in enumerate(names):
        if name.split("_")[-1] in SIZE_COLUMNS and name.startswith(("mean_", "worst_")):
            X[:, j] *= 1.07
        if name.endswith("texture"):
            X[:, j] += rng.normal(0, 0.15 * X[:, j].std(), size=len(X))
    write(os.path.join(here, "data", "current.csv"), names, X, data.target[pick])


if __name__ == "__main__":
    main()
