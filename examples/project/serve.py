"""A minimal HTTP model server (standard library only, besides the model's own scikit-learn).

    GET  /healthz   200 {"status": "ok", "model_version": ...} once the model is loaded
    POST /predict   {"instances": [[30 numbers], ...]} or [{"mean_radius": ..., ...}, ...]
                    → {"predictions": [0|1, ...], "probabilities": [p(benign), ...], "model_version": ...}
    GET  /metrics   Prometheus text: requests, errors, predictions, latency sum

Configuration (the Kubernetes manifests mount these):
    MODEL_PATH     model file written by train.py (default /models/model.joblib)
    MODEL_VERSION  the registry version the image was built from (v0.3.0)
    CONFIG_PATH    optional JSON file: {"threshold": 0.5, "max_instances": 1000}
    API_TOKEN      optional: when set, /predict needs `Authorization: Bearer <token>`
    PORT           default 8080
"""
import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 1 << 20


class Model:
    def __init__(self, path, version, config):
        import joblib

        self.pipeline = joblib.load(path)
        self.features = list(getattr(self.pipeline, "feature_names_", []))
        self.version = version
        self.threshold = float(config.get("threshold", 0.5))
        self.max_instances = int(config.get("max_instances", 1000))

    def rows(self, instances):
        if not isinstance(instances, list) or not instances:
            raise ValueError("'instances' must be a non-empty list")
        if len(instances) > self.max_instances:
            raise ValueError(f"at most {self.max_instances} instances per request")
        out = []
        for i, inst in enumerate(instances):
            if isinstance(inst, dict):
                missing = [f for f in self.features if f not in inst]
                if missing:
                    raise ValueError(f"instance {i}: missing {', '.join(missing[:5])}")
                inst = [inst[f] for f in self.features]
            if not isinstance(inst, list) or len(inst) != len(self.features):
                raise ValueError(f"instance {i}: expected {len(self.features)} numbers")
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in inst):
                raise ValueError(f"instance {i}: values must be numbers")
            out.append([float(v) for v in inst])
        return out

    def predict(self, instances):
        proba = self.pipeline.predict_proba(self.rows(instances))[:, 1]
        return {
            "predictions": [int(p >= self.threshold) for p in proba],
            "probabilities": [round(float(p), 6) for p in proba],
            "model_version": self.version,
        }


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {"requests": 0, "errors": 0, "predictions": 0}
        self.latency = 0.0

    def add(self, key, n=1, seconds=0.0):
        with self.lock:
            self.counts[key] += n
            self.latency += seconds

    def text(self):
        with self.lock:
            lines = [f"model_server_{k}_total {v}" for k, v in self.counts.items()]
            lines.append(f"model_server_predict_seconds_sum {self.latency:.6f}")
        return "\n".join(lines) + "\n"


def make_handler(model, token="", stats=None):
    stats = stats or Stats()

    class Handler(BaseHTTPRequestHandler):
        server_version = "model-server/1"

        def send_json(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            stats.add("requests")
            if self.path == "/healthz":
                self.send_json(200, {"status": "ok", "model_version": model.version})
            elif self.path == "/metrics":
                data = stats.text().encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; version=0.0.4")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            else:
                self.send_json(404, {"error": "not found"})

        def do_POST(self):
            stats.add("requests")
            if self.path != "/predict":
                return self.send_json(404, {"error": "not found"})
            if token and not hmac.compare_digest(self.headers.get("Authorization", ""), f"Bearer {token}"):
                stats.add("errors")
                return self.send_json(401, {"error": "missing or wrong bearer token"})
            try:
                length = int(self.headers.get("Content-Length", "0"))
                if not 0 < length <= MAX_BODY:
                    raise ValueError(f"body must be 1 byte to {MAX_BODY} bytes of JSON")
                body = json.loads(self.rfile.read(length))
                instances = body.get("instances") if isinstance(body, dict) else body
                start = time.perf_counter()
                result = model.predict(instances)
                stats.add("predictions", len(result["predictions"]), time.perf_counter() - start)
            except (ValueError, json.JSONDecodeError) as e:
                stats.add("errors")
                return self.send_json(400, {"error": str(e)})
            self.send_json(200, result)

        def log_message(self, fmt, *args):
            sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))

    return Handler


def main():
    config = {}
    config_path = os.environ.get("CONFIG_PATH", "")
    if config_path and os.path.exists(config_path):
        with open(config_path) as f:
            config = json.load(f)
    model = Model(os.environ.get("MODEL_PATH", "/models/model.joblib"), os.environ.get("MODEL_VERSION", "dev"), config)
    port = int(os.environ.get("PORT", "8080"))
    server = ThreadingHTTPServer(("0.0.0.0", port), make_handler(model, os.environ.get("API_TOKEN", "")))
    print(f"serving model {model.version} on :{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
