"""Writes data files holding bytes that are not UTF-8 text, and what pandas does with each.

Run with Debian's python3 (pandas): /usr/bin/python3 scripts/golden/pandas-bad-bytes.py
Outputs, in __tests__/fixtures/data/bad-bytes/: the files, and pandas.json with, per file, the
reading of pd.read_csv (C engine and Python engine) or pd.read_json(lines=True): the values, or the
exception raised. The data tests check that the action refuses every one of them (pandas either
refuses them too, or reads them differently with its two engines, so no reading is "the" meaning).
"""
import json
import pathlib

import pandas as pd

OUT = pathlib.Path(__file__).resolve().parents[2] / "__tests__" / "fixtures" / "data" / "bad-bytes"
OUT.mkdir(parents=True, exist_ok=True)

FILES = {
    "nul.csv": b"id,name\n1,ok\n2,x\x00y\n3,z\n",
    "latin1.csv": b"id,city\n1,Paris\n2,Orl\xe9ans\n",
    "utf16.csv": "id,city\n1,Paris\n".encode("utf-16"),
    "nul.jsonl": b'{"id": 1}\n{"id": 2, "name": "x\x00y"}\n',
    "latin1.jsonl": b'{"id": 1}\n{"id": 2, "city": "Orl\xe9ans"}\n',
}


def outcome(read):
    try:
        return {"values": json.loads(read().to_json(orient="split", index=False))}
    except Exception as e:
        return {"error": type(e).__name__, "message": str(e).splitlines()[0]}


result = {"pandas": pd.__version__, "files": {}}
for name, data in FILES.items():
    (OUT / name).write_bytes(data)
    path = OUT / name
    if name.endswith(".csv"):
        result["files"][name] = {
            "c": outcome(lambda: pd.read_csv(path)),
            "python": outcome(lambda: pd.read_csv(path, engine="python")),
        }
    else:
        result["files"][name] = {"json": outcome(lambda: pd.read_json(path, lines=True))}
(OUT / "pandas.json").write_text(json.dumps(result, indent=2) + "\n")
