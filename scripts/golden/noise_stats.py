#!/usr/bin/python3
"""Golden values for the noise-aware statistics in src/stats/ (issue 14): the binomial CDF and
survival function, the exact McNemar test, the normal quantile, the Wilson interval, the z-tests
and the normal interval — from SciPy and statsmodels, with mpmath (60 digits) as the arbiter of
the binomial tails, where SciPy's own value is off by more than 1e-12 in a few far-tail cases.

Usage: /usr/bin/python3 scripts/golden/noise_stats.py > __tests__/fixtures/golden/noise_stats.json
"""
import json
import sys

import mpmath as mp
import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint, proportions_ztest
from statsmodels.stats.weightstats import _zconfint_generic, _zstat_generic2

mp.mp.dps = 60


def mp_tail(k, n, p, lower):
    """Sum of binomial probabilities from k outwards (down to 0 or up to n), in 60 digits."""
    p = mp.mpf(p)  # the double, exactly
    q = 1 - p
    j = k
    t = mp.binomial(n, j) * p**j * q ** (n - j)
    s = mp.mpf(0)
    while True:
        s += t
        if lower:
            if j == 0:
                break
            t = t * j / (n - j + 1) * q / p
            j -= 1
        else:
            if j == n:
                break
            t = t * (n - j) / (j + 1) * p / q
            j += 1
        if t < s * mp.mpf(10) ** -45:
            break
    return s


def mp_cdf(k, n, p):
    if k < 0:
        return mp.mpf(0)
    if k >= n:
        return mp.mpf(1)
    mode = int((n + 1) * p)
    return mp_tail(k, n, p, True) if k < mode else 1 - mp_tail(k + 1, n, p, False)


def mp_sf(k, n, p):
    return 1 - mp_cdf(k, n, p) if k < int((n + 1) * p) else (mp_tail(k + 1, n, p, False) if k < n else mp.mpf(0))


binomial = []
for n in [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]:
    for p in [0.5, 0.1, 0.9, 0.3, 1e-3]:
        mean, sd = n * p, (n * p * (1 - p)) ** 0.5
        ks = {0, n - 1, int(mean)}
        for z in [-30, -20, -10, -6, -3, -1, -0.3, 0.3, 1, 3, 6, 10, 20, 30]:
            k = int(round(mean + z * sd))
            if 0 <= k <= n:
                ks.add(k)
        for k in sorted(ks):
            cdf, sf = mp_cdf(k, n, p), mp_sf(k, n, p)
            if cdf < mp.mpf(10) ** -290 and sf < mp.mpf(10) ** -290:
                continue
            binomial.append({
                "k": k, "n": n, "p": p,
                "cdf": float(cdf), "sf": float(sf), "pmf": float(mp.binomial(n, k) * mp.mpf(p) ** k * (1 - mp.mpf(p)) ** (n - k)),
                "scipy_cdf": float(stats.binom.cdf(k, n, p)), "scipy_sf": float(stats.binom.sf(k, n, p)),
                "scipy_pmf": float(stats.binom.pmf(k, n, p)),
            })

mcnemar_cases = []
for worse, better in [(0, 0), (1, 0), (0, 1), (5, 5), (12, 3), (3, 12), (40, 25), (100, 140), (1000, 1100),
                      (20_000, 20_500), (400_000, 401_500), (7, 0), (30, 60)]:
    r = mcnemar([[100, better], [worse, 100]], exact=True)
    n = worse + better
    mcnemar_cases.append({
        "worse": worse, "better": better, "statistic": float(r.statistic), "p_value": float(r.pvalue),
        "p_worse": float(stats.binomtest(worse, n, 0.5, alternative="greater").pvalue) if n else 1.0,
        "p_better": float(stats.binomtest(better, n, 0.5, alternative="greater").pvalue) if n else 1.0,
    })

quantile_cases = [{"p": p, "z": float(stats.norm.ppf(p))} for p in
                  [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.07, 0.075, 0.1, 0.3, 0.4999,
                   0.5, 0.5001, 0.7, 0.925, 0.93, 0.95, 0.975, 0.99, 0.999, 0.99999, 1 - 1e-10]]

wilson_cases = []
for count, n in [(0, 10), (10, 10), (1, 10), (90, 100), (172, 200), (1800, 2000), (17_999, 20_000),
                 (500_007, 1_000_000), (3, 1_000_000), (1, 1), (0, 1), (449.5, 500)]:
    for alpha in [0.05, 0.1, 0.01, 0.001]:
        lo, hi = proportion_confint(count, n, alpha=alpha, method="wilson")
        wilson_cases.append({"count": count, "n": n, "alpha": alpha, "low": float(lo), "high": float(hi)})

two_proportion_cases = []
for x1, n1, x2, n2 in [(180, 200, 170, 200), (170, 200, 180, 200), (1800, 2000, 1790, 2000), (30, 100, 50, 100),
                       (9000, 10_000, 8850, 10_000), (45, 50, 180, 200), (1, 2, 0, 3)]:
    for alternative in ["two-sided", "larger", "smaller"]:
        for value in [0.0, 0.01, -0.02]:
            z, p = proportions_ztest([x1, x2], [n1, n2], value=value, alternative=alternative)
            two_proportion_cases.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "alternative": alternative,
                                         "value": value, "statistic": float(z), "p_value": float(p)})

newcombe_cases = []
for x1, n1, x2, n2 in [(180, 200, 170, 200), (170, 200, 180, 200), (1800, 2000, 1790, 2000), (0, 50, 3, 60),
                       (50, 50, 48, 50), (9000, 10_000, 8850, 10_000), (1, 2, 0, 3)]:
    for alpha in [0.05, 0.1]:
        lo, hi = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff", alpha=alpha)
        newcombe_cases.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "alpha": alpha, "low": float(lo), "high": float(hi)})

one_proportion_cases = []
for count, n, value in [(172, 200, 0.9), (190, 200, 0.9), (1795, 2000, 0.9), (5, 10, 0.3), (0, 20, 0.05),
                        (999_000, 1_000_000, 0.999)]:
    for alternative in ["two-sided", "larger", "smaller"]:
        z, p = proportions_ztest(count, n, value=value, alternative=alternative, prop_var=value)
        one_proportion_cases.append({"count": count, "n": n, "value": value, "alternative": alternative,
                                     "statistic": float(z), "p_value": float(p)})

z_cases = []
for estimate, stderr, value in [(0.62, 0.012, 0.65), (0.7013, 0.0046, 0.69), (-0.013, 0.0071, 0.0), (0.5, 0.1, 0.5),
                                (0.91, 0.0001, 0.9)]:
    for alternative in ["two-sided", "larger", "smaller"]:
        z, p = _zstat_generic2(estimate - value, stderr, alternative)
        for alpha in [0.05, 0.1]:
            lo, hi = _zconfint_generic(estimate, stderr, alpha, alternative)
            z_cases.append({"estimate": estimate, "stderr": stderr, "value": value, "alternative": alternative,
                            "alpha": alpha, "statistic": float(z), "p_value": float(p),
                            "low": float(lo), "high": float(hi)})

def finite(x):
    """JSON has no infinity: ±inf (one-sided interval ends) are written as the strings "Infinity" / "-Infinity"."""
    if isinstance(x, float) and not np.isfinite(x):
        return "Infinity" if x > 0 else "-Infinity"
    if isinstance(x, dict):
        return {k: finite(v) for k, v in x.items()}
    if isinstance(x, list):
        return [finite(v) for v in x]
    return x


json.dump(finite({
    "generator": f"scripts/golden/noise_stats.py: scipy {scipy.__version__}, statsmodels {statsmodels.__version__}, "
                 f"numpy {np.__version__}, mpmath {mp.__version__}",
    "binomial": binomial, "mcnemar": mcnemar_cases, "normal_quantile": quantile_cases, "wilson": wilson_cases,
    "two_proportion_z": two_proportion_cases, "newcombe": newcombe_cases, "one_proportion_z": one_proportion_cases, "z": z_cases,
}), sys.stdout, allow_nan=False, indent=None, separators=(",", ":"))
sys.stdout.write("\n")
