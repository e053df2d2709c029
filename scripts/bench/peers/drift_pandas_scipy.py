"""The same drift tests as scripts/bench/drift-ks-chi2.yml with pandas + SciPy, for `npm run bench -- drift`.

Reads both CSV files whole, then per column: two-sample KS (scipy.stats.ks_2samp) on every numerical
column except int_rating, chi-square (scipy.stats.chi2_contingency on the two sides' counts) on
int_rating and the text columns. Missing cells are dropped. Prints one line per column; the
benchmark times the whole process and its peak RSS.

Usage: python3 drift_pandas_scipy.py reference.csv current.csv
"""
import sys

import pandas as pd
from scipy import stats

CHI2 = {"int_rating"}


def main(ref_path, cur_path):
    ref = pd.read_csv(ref_path)
    cur = pd.read_csv(cur_path)
    for name in ref.columns:
        a = ref[name].dropna()
        b = cur[name].dropna()
        if name in CHI2 or a.dtype == object:
            counts = pd.concat([a.value_counts(), b.value_counts()], axis=1).fillna(0)
            _, p, _, _ = stats.chi2_contingency(counts.T.values)
            print(f"{name} chi2 p={p:.3g}")
        else:
            d, p = stats.ks_2samp(a.values, b.values)
            print(f"{name} ks D={d:.5f} p={p:.3g}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
