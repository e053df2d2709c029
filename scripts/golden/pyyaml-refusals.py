"""Writes the YAML fixtures of __tests__/tree/yaml.test.ts and what PyYAML makes of them.

Run with Debian's python3 (numpy, PyYAML): /usr/bin/python3 scripts/golden/pyyaml-refusals.py
Outputs, in __tests__/fixtures/yaml/:
- numpy-dump.yaml: `yaml.dump` of metrics held in numpy values (what a training script writes when it
  forgets float()); safe-dump.yaml: the same metrics converted with float()/int() and written with
  yaml.safe_dump, the fix our error message suggests.
- pyyaml.json: for each case, PyYAML's reading (`safe_load`, as DVC and most Python tools load YAML)
  as JSON, or the exception it raises. The YAML 1.2 reading (the `yaml` npm package) is what the
  test compares it with: where the two differ, the action must refuse the file.
"""
import json
import pathlib

import numpy as np
import yaml

OUT = pathlib.Path(__file__).resolve().parents[2] / "__tests__" / "fixtures" / "yaml"
OUT.mkdir(parents=True, exist_ok=True)

metrics = {"accuracy": np.float64(0.91), "f1": np.float32(0.5), "epochs": np.int64(10)}
(OUT / "numpy-dump.yaml").write_text(yaml.dump(metrics))
plain = {k: (int(v) if isinstance(v, np.integer) else float(v)) for k, v in metrics.items()}
(OUT / "safe-dump.yaml").write_text(yaml.safe_dump(plain))

CASES = {
    "numpy-dump": (OUT / "numpy-dump.yaml").read_text(),
    "safe-dump": (OUT / "safe-dump.yaml").read_text(),
    "merge-key": "base: &b {min: 0.8}\naccuracy:\n  <<: *b\n  max: 0.99\n",
    "leading-zero": "epochs: 010\n",
    "leading-zero-8": "epochs: 08\n",
    "two-documents": "accuracy: 0.9\n---\naccuracy: 0.5\n",
    "binary": "accuracy: !!binary AAAA\n",
    "set": "tags: !!set {a, b}\n",
    "local-tag": "accuracy: !Ref x\n",
    "float-tag-on-int": "accuracy: !!float 1\n",
}


def reading(text):
    try:
        return {"value": json.loads(json.dumps(yaml.safe_load(text), default=repr))}
    except Exception as e:  # the exception class is what we compare
        return {"error": type(e).__name__, "message": str(e).splitlines()[0]}


(OUT / "pyyaml.json").write_text(
    json.dumps({"pyyaml": yaml.__version__, "numpy": np.__version__, "cases": {k: {"text": t, **reading(t)} for k, t in CASES.items()}}, indent=2)
    + "\n"
)
