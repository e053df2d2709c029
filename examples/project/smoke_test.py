"""Smoke test of a deployed model server, written as a metrics file for the gate.

    python smoke_test.py --url http://127.0.0.1:8080 --version v0.3.0 --data data/current.csv --out smoke.json

Checks /healthz (and that it serves the expected version), the two labelled rows of
sample-request.json, and the accuracy on up to --rows labelled rows of --data sent as one request.
Writes {"healthz_ok", "version_ok", "sample_ok", "live_accuracy", "latency_ms"}: deploy.yml gates it
and rolls back when it fails. The API token, if any, comes from the API_TOKEN variable.
"""
import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def call(url, path, body=None, token="", timeout=10.0):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url.rstrip("/") + path, data=data, method="GET" if body is None else "POST")
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None
    except (urllib.error.URLError, OSError, ValueError):
        return 0, None


def run(url, version, data_path, rows=200, token=""):
    from common import read_csv

    status, health = call(url, "/healthz")
    with open(os.path.join(HERE, "sample-request.json")) as f:
        sample = json.load(f)
    s_status, s_body = call(url, "/predict", sample, token)
    X, y, _ = read_csv(data_path)
    X, y = X[:rows], y[:rows]
    start = time.perf_counter()
    l_status, l_body = call(url, "/predict", {"instances": X.tolist()}, token, timeout=30.0)
    latency_ms = (time.perf_counter() - start) * 1000
    preds = l_body["predictions"] if l_status == 200 and l_body else []
    return {
        "healthz_ok": int(status == 200),
        "version_ok": int(bool(health) and health.get("model_version") == version),
        "sample_ok": int(s_status == 200 and bool(s_body) and s_body.get("predictions") == [0, 1]),
        "live_accuracy": round(sum(int(p == t) for p, t in zip(preds, y)) / len(y), 6) if len(preds) == len(y) else 0.0,
        "latency_ms": round(latency_ms, 3),
    }


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", required=True)
    p.add_argument("--version", required=True)
    p.add_argument("--data", default=os.path.join(HERE, "data", "current.csv"))
    p.add_argument("--rows", type=int, default=200)
    p.add_argument("--out", default="smoke.json")
    args = p.parse_args()
    result = run(args.url, args.version, args.data, args.rows, os.environ.get("API_TOKEN", ""))
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
