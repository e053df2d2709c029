"""A minimal HTTP model server, observable with Prometheus (standard library, the model's own
scikit-learn, and the official Prometheus client, prometheus_client).

    GET  /healthz   200 {"status": "ok", "model_version": ...} once the model is loaded
    POST /predict   {"instances": [[30 numbers], ...]} or [{"mean_radius": ..., ...}, ...]
                    → {"request_id": ..., "predictions": [0|1, ...], "probabilities": [p(benign), ...],
                       "model_version": ...}
    POST /feedback  {"request_id": ..., "labels": [0|1, ...]}: the true labels of an earlier
                    prediction's instances, once they are known → {"labelled": n, "correct": k}
    GET  /metrics   Prometheus text exposition format

Metrics (docs/production-monitoring.md has the PromQL that turns them into gate metrics):
    model_server_requests_total{endpoint}     requests by endpoint (predict, feedback, healthz, metrics, other)
    model_server_errors_total{endpoint}       of those, answered with an error (4xx or 5xx)
    model_server_predict_latency_seconds      histogram of the time /predict takes
    model_server_predictions_total{class}     predicted classes
    model_server_feedback_labelled_total      predictions that received their true label through /feedback
    model_server_feedback_correct_total       of those, the ones the model got right
    model_server_info{version}                the model version being served

Accuracy in production is then one PromQL expression:
    sum(increase(model_server_feedback_correct_total[1h])) / sum(increase(model_server_feedback_labelled_total[1h]))

Configuration (the Kubernetes manifests mount these):
    MODEL_PATH     model file written by train.py (default /models/model.joblib)
    MODEL_VERSION  the registry version the image was built from (v0.3.0)
    CONFIG_PATH    optional JSON file: {"threshold": 0.5, "max_instances": 1000}
    API_TOKEN      optional: when set, /predict and /feedback need `Authorization: Bearer <token>`
    FEATURES_LOG   optional: append every instance's features as one JSON line (request_id, time and
                   the feature columns) for the drift stage; stops at FEATURES_LOG_MAX_MB (default 100)
    HOST, PORT     where to listen; default 0.0.0.0 and 8080
"""
import collections
import hmac
import json
import os
import sys
import threading
import time
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    Info,
    ProcessCollector,
    generate_latest,
)

MAX_BODY = 1 << 20
ENDPOINTS = ("predict", "feedback", "healthz", "metrics", "other")
# Predictions kept for feedback at most (oldest dropped first): a label that arrives later is refused.
MAX_PENDING = 100_000
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Model:
    def __init__(self, path, version, config):
        import joblib

        self.pipeline = joblib.load(path)
        self.features = list(getattr(self.pipeline, "feature_names_", []))
        self.classes = [int(c) for c in getattr(self.pipeline, "classes_", [0, 1])]
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
        rows = self.rows(instances)
        proba = self.pipeline.predict_proba(rows)[:, 1]
        return rows, {
            "predictions": [int(p >= self.threshold) for p in proba],
            "probabilities": [round(float(p), 6) for p in proba],
            "model_version": self.version,
        }


class Metrics:
    """The server's Prometheus metrics, on a registry of their own (one per server)."""

    def __init__(self, model, registry=None):
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.requests = Counter("model_server_requests", "Requests, by endpoint.", ["endpoint"], registry=r)
        self.errors = Counter("model_server_errors", "Requests answered with an error (4xx or 5xx), by endpoint.", ["endpoint"], registry=r)
        self.latency = Histogram("model_server_predict_latency_seconds", "Time taken by /predict.", buckets=LATENCY_BUCKETS, registry=r)
        self.predictions = Counter("model_server_predictions", "Predicted classes.", ["class"], registry=r)
        self.labelled = Counter("model_server_feedback_labelled", "Predictions that received their true label.", registry=r)
        self.correct = Counter("model_server_feedback_correct", "Labelled predictions the model got right.", registry=r)
        Info("model_server", "The model being served.", registry=r).info({"version": model.version})
        # Every series exists from the start (at 0), so rate() and increase() see a restart's first requests.
        for endpoint in ENDPOINTS:
            self.requests.labels(endpoint)
            self.errors.labels(endpoint)
        for c in model.classes:
            self.predictions.labels(str(c))

    def text(self):
        return generate_latest(self.registry)


class Pending:
    """Predictions waiting for their true labels, by request id; the oldest go first when full."""

    def __init__(self, limit=MAX_PENDING):
        self.lock = threading.Lock()
        self.items = collections.OrderedDict()
        self.limit = limit

    def add(self, request_id, predictions):
        with self.lock:
            self.items[request_id] = predictions
            while len(self.items) > self.limit:
                self.items.popitem(last=False)

    def take(self, request_id):
        with self.lock:
            return self.items.pop(request_id, None)


class FeatureLog:
    """Request features as JSON Lines (one line per instance), for the drift stage; bounded in size."""

    def __init__(self, path, features, max_bytes):
        self.lock = threading.Lock()
        self.path = path
        self.features = features
        self.max_bytes = max_bytes
        self.full = False

    def write(self, request_id, rows):
        if not self.path or self.full:
            return
        now = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
        text = "".join(
            json.dumps({"request_id": request_id, "time": now, **dict(zip(self.features, row))}) + "\n" for row in rows
        )
        with self.lock:
            size = os.path.getsize(self.path) if os.path.exists(self.path) else 0
            if size + len(text) > self.max_bytes:
                self.full = True
                sys.stderr.write(f"FEATURES_LOG reached {self.max_bytes} bytes: no more features are written\n")
                return
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(text)


def make_handler(model, token="", metrics=None, features_log=None, pending=None):
    metrics = metrics or Metrics(model)
    features_log = features_log or FeatureLog("", model.features, 0)
    pending = pending or Pending()

    class Handler(BaseHTTPRequestHandler):
        server_version = "model-server/2"

        def endpoint(self):
            name = self.path.split("?", 1)[0].strip("/")
            return name if name in ENDPOINTS[:-1] else "other"

        def send_body(self, status, data, content_type):
            if status >= 400:
                metrics.errors.labels(self.endpoint()).inc()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def send_json(self, status, body):
            self.send_body(status, json.dumps(body).encode(), "application/json")

        def authorised(self):
            return not token or hmac.compare_digest(self.headers.get("Authorization", ""), f"Bearer {token}")

        def read_json(self):
            length = int(self.headers.get("Content-Length", "0"))
            if not 0 < length <= MAX_BODY:
                raise ValueError(f"body must be 1 byte to {MAX_BODY} bytes of JSON")
            return json.loads(self.rfile.read(length))

        def do_GET(self):
            metrics.requests.labels(self.endpoint()).inc()
            if self.path == "/healthz":
                self.send_json(200, {"status": "ok", "model_version": model.version})
            elif self.path == "/metrics":
                self.send_body(200, metrics.text(), CONTENT_TYPE_LATEST)
            else:
                self.send_json(404, {"error": "not found"})

        def do_POST(self):
            metrics.requests.labels(self.endpoint()).inc()
            if self.path not in ("/predict", "/feedback"):
                return self.send_json(404, {"error": "not found"})
            if not self.authorised():
                return self.send_json(401, {"error": "missing or wrong bearer token"})
            if self.path == "/predict":
                # Timed, then answered: a client that reads /metrics after the answer sees it counted.
                start = time.perf_counter()
                status, answer = self.predict()
                metrics.latency.observe(time.perf_counter() - start)
                self.send_json(status, answer)
            else:
                self.feedback()

        def predict(self):
            try:
                body = self.read_json()
                instances = body.get("instances") if isinstance(body, dict) else body
                rows, result = model.predict(instances)
            except (ValueError, json.JSONDecodeError) as e:
                return 400, {"error": str(e)}
            except Exception as e:  # a model that fails is a server error, counted and answered
                sys.stderr.write(f"predict failed: {e!r}\n")
                return 500, {"error": "prediction failed"}
            request_id = uuid.uuid4().hex
            for p in result["predictions"]:
                metrics.predictions.labels(str(p)).inc()
            pending.add(request_id, result["predictions"])
            features_log.write(request_id, rows)
            return 200, {"request_id": request_id, **result}

        def feedback(self):
            try:
                body = self.read_json()
                if not isinstance(body, dict) or not isinstance(body.get("request_id"), str):
                    raise ValueError("expected {\"request_id\": ..., \"labels\": [...]}")
                labels = body.get("labels")
                if not isinstance(labels, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in labels):
                    raise ValueError("'labels' must be a list of class numbers")
                if any(v not in model.classes for v in labels):
                    raise ValueError(f"labels must be among the classes {model.classes}")
            except (ValueError, json.JSONDecodeError) as e:
                return self.send_json(400, {"error": str(e)})
            predictions = pending.take(body["request_id"])
            if predictions is None:
                return self.send_json(404, {"error": "unknown request_id, or its labels were already given"})
            if len(labels) != len(predictions):
                pending.add(body["request_id"], predictions)
                return self.send_json(400, {"error": f"expected {len(predictions)} labels, one per instance"})
            correct = sum(int(p == t) for p, t in zip(predictions, labels))
            metrics.labelled.inc(len(labels))
            metrics.correct.inc(correct)
            self.send_json(200, {"labelled": len(labels), "correct": correct})

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
    metrics = Metrics(model)
    ProcessCollector(registry=metrics.registry)
    features_log = FeatureLog(
        os.environ.get("FEATURES_LOG", ""), model.features, int(float(os.environ.get("FEATURES_LOG_MAX_MB", "100")) * (1 << 20))
    )
    port = int(os.environ.get("PORT", "8080"))
    host = os.environ.get("HOST", "0.0.0.0")
    server = ThreadingHTTPServer((host, port), make_handler(model, os.environ.get("API_TOKEN", ""), metrics, features_log))
    print(f"serving model {model.version} on {host}:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
