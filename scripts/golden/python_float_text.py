#!/usr/bin/python3
"""The text pandas gives a float cell (``Series.astype(str)``, what Great Expectations' regex
expectations test): Python's ``repr`` for float64, numpy's for float32. Golden values for
src/validate/float-text.ts.

Usage: /usr/bin/python3 scripts/golden/python_float_text.py > __tests__/fixtures/golden/python_float_text.json
"""
import json
import sys

import numpy as np
import pandas as pd

VALUES = [0.0, -0.0, 1.0, -1.0, 3.0, 0.5, 2.25, 0.1, 1 / 3, 123.456, 1e15, 1e16, 1.5e16, 9999999999999998.0,
          12345678901234567.0, 0.0001, 0.00012, 0.00001, 1.5e-5, 1e-7, 5e-324, 1.7976931348623157e308, 1e21, 1e22,
          2.5e-10, 100.0, 1234567.0, 0.3, 2 / 3, 1e-4 * 3, 6.02214076e23]

cases = []
for v in VALUES:
    cases.append({"value": v, "single": False, "text": pd.Series([v], dtype="float64").astype(str)[0]})
    f = np.float32(v)
    if np.isfinite(f):
        cases.append({"value": float(f), "single": True, "text": pd.Series([f], dtype="float32").astype(str)[0]})
json.dump({"generator": f"pandas {pd.__version__}, numpy {np.__version__}", "cases": cases}, sys.stdout, indent=1)
sys.stdout.write("\n")
