#!/usr/bin/python3
"""Great Expectations' own test definitions as golden cases for the validate stage.

Reads the JSON test definitions of the expectations that our expectation rules implement
(tests/test_definitions/**.json in great-expectations/great_expectations), keeps the cases GX
runs on pandas, and writes for each one:

- the dataset as the CSV file pandas writes for GX's DataFrame (``df.to_csv(index=False)``, the
  DataFrame built as GX's test harness builds it: ``pd.DataFrame(data)``, then the ``pandas``
  schema if any, then a ``pk_index`` column for map expectations);
- the case as an ml-quality-gate expectations file (YAML), converted argument by argument;
- GX's verdict from the definition (``out.success``, or ``error`` when the definition expects an
  exception) and the number of unexpected rows where GX lists them.

A case is skipped, with the reason written next to it, when its semantics are not offered
(row conditions, column positions, dtype checks), when GX's test asserts nothing, or when the
data cannot be written to a CSV file so that it reads back as the values GX sees (a string
``"2"`` next to the number 2, an empty string, dates). A few cases are deliberate differences:
ml-quality-gate refuses rules that cannot fail and never passes an empty dataset, where GX passes
vacuously; those carry our expected behaviour and the reason.

Usage (the repository as a bare git directory or a checkout):

    /usr/bin/python3 scripts/golden/gx_expectations.py <great_expectations repo> \
        > __tests__/fixtures/validate/gx/cases.json

Needs pandas (Debian's python3-pandas). No GX installation: GX's verdicts are the ones its own
definitions assert.
"""
import csv
import io
import json
import math
import os
import subprocess
import sys

import numpy as np
import pandas as pd

# Definition files → the rule they map to.
FILES = {
    "column_map_expectations/expect_column_values_to_be_between.json": "between",
    "column_map_expectations/expect_column_values_to_be_in_set.json": "in-set",
    "column_map_expectations/expect_column_values_to_match_regex.json": "regex",
    "column_map_expectations/expect_column_values_to_be_unique.json": "unique",
    "column_map_expectations/expect_column_values_to_not_be_null.json": "not-null",
    "column_aggregate_expectations/expect_column_mean_to_be_between.json": "mean-between",
    "column_aggregate_expectations/expect_column_unique_value_count_to_be_between.json": "distinct-count-between",
    "other_expectations/expect_column_to_exist.json": "exists",
    "other_expectations/expect_table_columns_to_match_set.json": "columns",
    "other_expectations/expect_table_row_count_to_be_between.json": "row-count",
    "other_expectations/expect_table_row_count_to_equal.json": "row-count-equal",
}
MAP_CATEGORIES = ("column_map_expectations", "column_pair_map_expectations", "multicolumn_map_expectations")
# Arguments that do not change the verdict.
NEUTRAL = {"column", "result_format", "catch_exceptions", "include_config"}
# Arguments whose semantics ml-quality-gate does not offer.
UNOFFERED = {
    "row_condition": "row conditions (row_condition) are not offered",
    "condition_parser": "row conditions (row_condition) are not offered",
    "column_index": "a column's position (column_index) is not checked",
    "parse_strings_as_datetimes": "dates are not compared as datetimes",
    "allow_cross_type_comparisons": "values are compared as numbers only",
}
# Texts that read as a missing cell: ml-quality-gate's MISSING_TOKENS and pandas' default na_values.
MISSING_TEXTS = {"", "NA", "NaN", "nan", "null", "None", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN",
                 "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "n/a", "NULL"}
BOOL_TEXTS = {"True": True, "False": False, "true": True, "false": False, "TRUE": True, "FALSE": False}


def git_show(repo, path):
    """A file of the repository at HEAD (bare git directory or checkout)."""
    return subprocess.run(["git", f"--git-dir={git_dir(repo)}", "show", f"HEAD:{path}"], check=True,
                          capture_output=True, text=True).stdout


def git_dir(repo):
    return os.path.join(repo, ".git") if os.path.isdir(os.path.join(repo, ".git")) else repo


def for_pandas(spec):
    """True when GX runs this dataset or test on pandas (its only_for / suppress_test_for rules)."""
    only = spec.get("only_for")
    suppress = spec.get("suppress_test_for")
    only = [only] if isinstance(only, str) else only
    suppress = [suppress] if isinstance(suppress, str) else suppress or []
    if "pandas" in suppress:
        return False
    return not only or any(o.startswith("pandas") for o in only)


def build_frame(data, schemas, pk_column):
    """The DataFrame GX's harness builds (great_expectations/self_check/util.py)."""
    data = dict(data)
    if pk_column:
        data["pk_index"] = list(range(len(next(iter(data.values())))))
    df = pd.DataFrame(data)
    schema = (schemas or {}).get("pandas")
    if schema:
        types = {}
        for key, value in schema.items():
            v = value.lower()
            if v in ("timestamp", "datetime64[ns, tz]"):
                df[key] = pd.to_datetime(df[key], utc=True)
            elif v in ("datetime", "datetime64", "datetime64[ns]"):
                df[key] = pd.to_datetime(df[key])
            elif v == "date":
                df[key] = pd.to_datetime(df[key]).dt.date
            else:
                try:
                    types[key] = np.dtype(value)
                except TypeError:
                    types[key] = getattr(pd, value)()
        df = df.astype(types)
    return df


def cell_problem(v, text):
    """Why the CSV text of a cell does not read back as GX's value, or None when it does."""
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None if text in MISSING_TEXTS else f"missing value written as {text!r}"
    if text in MISSING_TEXTS:
        return f"{v!r} is written as {text!r}, which reads as a missing cell"
    if isinstance(v, (bool, np.bool_)):
        return None if BOOL_TEXTS.get(text) is bool(v) else f"boolean written as {text!r}"
    if isinstance(v, (int, float, np.integer, np.floating)):
        try:
            return None if float(text) == float(v) else f"{v!r} written as {text!r}"
        except ValueError:
            return f"number {v!r} written as {text!r}"
    if isinstance(v, str):
        try:
            float(text)
            return f"the string {v!r} reads back as a number"
        except ValueError:
            pass
        if text in BOOL_TEXTS:
            return f"the string {v!r} reads back as a boolean"
        return None if text == v else f"{v!r} written as {text!r}"
    return f"a {type(v).__name__} value ({v!r}) has no CSV text that reads back as the same type"


def representable(df, rows, columns):
    """Why the CSV cannot carry the given columns' values as GX sees them, or None."""
    header = rows[0]
    for name in columns:
        if name not in df.columns:
            continue
        j = header.index(str(name))
        for i, v in enumerate(df[name].tolist()):
            problem = cell_problem(v, rows[i + 1][j])
            if problem:
                return f"column {name!r}, row {i + 1}: {problem}"
    return None


def yaml_value(v):
    """A YAML flow value (JSON is valid YAML 1.2 flow syntax)."""
    return json.dumps(v, ensure_ascii=False)


def bounds(args, keys):
    """`{min: …, max: …}` from GX's min_value/max_value (None: no bound), plus extra keys."""
    out = {}
    if args.get("min_value") is not None:
        out["min"] = args["min_value"]
    if args.get("max_value") is not None:
        out["max"] = args["max_value"]
    for gx_key, our_key in keys:
        if gx_key in args:
            out[our_key] = args[gx_key]
    return out


def convert(rule, args):
    """(expectations YAML, deliberate difference or None) for one case's arguments."""
    column = args.get("column")
    mostly = [("mostly", "mostly")]
    strict = [("strict_min", "strict-min"), ("strict_max", "strict-max")]
    if rule == "between":
        return col(column, "between", bounds(args, strict + mostly))
    if rule == "mean-between":
        arg = bounds(args, strict)
        return col(column, "mean-between", arg)
    if rule == "distinct-count-between":
        return col(column, "distinct-count-between", bounds(args, strict))
    if rule == "in-set":
        values = args.get("value_set")
        arg = {"values": values}
        if "mostly" in args:
            arg["mostly"] = args["mostly"]
        return col(column, "in-set", arg)
    if rule == "regex":
        arg = {"pattern": args["regex"]}
        if "mostly" in args:
            arg["mostly"] = args["mostly"]
        return col(column, "regex", arg)
    if rule in ("unique", "not-null"):
        return col(column, rule, {"mostly": args["mostly"]} if "mostly" in args else True)
    if rule == "exists":
        return col(column, "exists", True)
    if rule == "columns":
        mode = "exactly" if args.get("exact_match", True) else "at-least"
        return table("columns", {mode: args.get("column_set")})
    if rule == "row-count":
        return table("row-count", bounds(args, []))
    if rule == "row-count-equal":
        return table("row-count", {"min": args.get("value"), "max": args.get("value")})
    raise ValueError(rule)


def col(column, name, arg):
    return f"columns:\n  {yaml_value(str(column))}:\n    {name}: {yaml_value(arg)}\n"


def table(name, arg):
    return f"table:\n  {name}: {yaml_value(arg)}\n"


def referenced_columns(rule, args, df):
    if rule in ("columns", "exists", "row-count", "row-count-equal"):
        return []  # names and row count only: every CSV carries them
    return [args["column"]] if args.get("column") in df.columns else []


def deliberate(rule, args, df, gx):
    """Where ml-quality-gate differs from GX on purpose: (our outcome, reason), or None."""
    if len(df) == 0 and gx == "pass":
        return "fail", "an empty dataset never passes (GX passes row rules on it vacuously)"
    low, high = args.get("min_value"), args.get("max_value")
    if rule in ("mean-between", "distinct-count-between", "between") and low is None and high is None:
        return "refuse", "a rule with no bound cannot fail: refused (GX passes it vacuously)"
    if rule in ("row-count", "distinct-count-between") and low == 0 and high is None:
        return "refuse", f"{rule} with min 0 and no max cannot fail: refused"
    if rule == "columns" and not args.get("column_set"):
        return "refuse", "an empty column list is refused (GX: exact_match=false passes it vacuously)"
    if rule == "in-set" and not args.get("value_set"):
        return "refuse", "an empty value set is refused (every value would fail)"
    if rule == "regex" and args.get("regex") == "":
        return "refuse", "an empty pattern matches every value, a rule that cannot fail: refused"
    return None


def gx_outcome(out):
    if "traceback_substring" in out:
        return "error"
    if "success" in out:
        return "pass" if out["success"] else "fail"
    return None


def unexpected_count(out):
    for key in ("unexpected_index_list", "unexpected_list"):
        if key in out:
            return len(out[key])
    return None


def main(repo):
    commit = subprocess.run(["git", f"--git-dir={git_dir(repo)}", "rev-parse", "HEAD"], check=True,
                            capture_output=True, text=True).stdout.strip()
    datasets, cases = [], []
    for path, rule in FILES.items():
        spec = json.loads(git_show(repo, f"tests/test_definitions/{path}"))
        expectation = spec["expectation_type"]
        pk_column = path.split("/")[0] in MAP_CATEGORIES
        for d_index, ds in enumerate(spec["datasets"], 1):
            if isinstance(ds["data"], list) or not for_pandas(ds):
                continue
            df = build_frame(ds["data"], ds.get("schemas"), pk_column)
            text = df.to_csv(index=False, lineterminator="\n")
            rows = list(csv.reader(io.StringIO(text)))
            dataset_id = len(datasets)
            datasets.append({"id": f"{expectation}/{d_index}", "csv": text})
            for t in ds["tests"]:
                if not for_pandas(t):
                    continue
                args, out = t["in"], t["out"]
                case = {
                    "id": f"{expectation}/{d_index}/{t['title']}",
                    "expectation": expectation,
                    "in": args,
                    "dataset": dataset_id,
                    "gx": gx_outcome(out),
                    "gx_unexpected": unexpected_count(out),
                }
                unoffered = sorted({UNOFFERED[k] for k in args if k in UNOFFERED})
                if case["gx"] is None:
                    case["skip"] = "GX's test asserts no outcome (its `out` is empty)"
                elif unoffered:
                    case["skip"] = "; ".join(unoffered)
                else:
                    problem = representable(df, rows, referenced_columns(rule, args, df))
                    if problem:
                        case["skip"] = f"the data cannot be written to CSV as GX holds it: {problem}"
                if "skip" not in case:
                    case["expectations"] = convert(rule, args)
                    diff = deliberate(rule, args, df, case["gx"])
                    if diff:
                        case["ours"], case["differs"] = diff
                cases.append(case)
    json.dump({
        "source": "great-expectations/great_expectations tests/test_definitions",
        "commit": commit,
        "generator": f"scripts/golden/gx_expectations.py, pandas {pd.__version__}",
        "datasets": datasets,
        "cases": cases,
    }, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    comparable = [c for c in cases if "skip" not in c and "differs" not in c]
    print(f"{len(cases)} cases: {len(comparable)} comparable, "
          f"{sum('differs' in c for c in cases)} deliberate differences, "
          f"{sum('skip' in c for c in cases)} skipped", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
