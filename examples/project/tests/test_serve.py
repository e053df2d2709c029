"""serve.py's HTTP handler against a model trained by train.py (no Docker needed); its /metrics read
back with prometheus_client's own parser.

    python -m unittest discover -s tests        (from examples/project)
MODEL_PATH names a trained model; without it, train.py runs into a temp dir first.
"""
import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest
import urllib.error
import urllib.request
from http.server import ThreadingHTTPServer

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, HERE)

import serve  # noqa: E402


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        model_path = os.environ.get("MODEL_PATH")
        if not model_path:
            subprocess.run([sys.executable, "train.py", "--out", cls.tmp.name], cwd=HERE, check=True, capture_output=True)
            model_path = os.path.join(cls.tmp.name, "model.joblib")
        model = serve.Model(model_path, "v9.9.9", {"threshold": 0.5, "max_instances": 150})
        cls.metrics = serve.Metrics(model)
        cls.features_path = os.path.join(cls.tmp.name, "features.jsonl")
        cls.features_log = serve.FeatureLog(cls.features_path, model.features, 1 << 20)
        handler = serve.make_handler(model, token="s3cret", metrics=cls.metrics, features_log=cls.features_log)
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}"
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        with open(os.path.join(HERE, "sample-request.json")) as f:
            cls.sample = json.load(f)

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        cls.tmp.cleanup()

    def call(self, path, body=None, token="s3cret"):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method="POST" if data is not None else "GET")
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def test_healthz(self):
        status, text = self.call("/healthz")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(text), {"status": "ok", "model_version": "v9.9.9"})

    def test_predict_named_features(self):
        status, text = self.call("/predict", self.sample)
        self.assertEqual(status, 200, text)
        body = json.loads(text)
        self.assertEqual(body["predictions"], [0, 1])  # the first row is malignant, the second benign
        self.assertEqual(body["model_version"], "v9.9.9")
        self.assertTrue(all(0 <= p <= 1 for p in body["probabilities"]))

    def test_predict_positional_rows(self):
        rows = [list(i.values()) for i in self.sample["instances"]]
        status, text = self.call("/predict", rows)
        self.assertEqual(status, 200, text)
        self.assertEqual(json.loads(text)["predictions"], [0, 1])

    def test_bad_requests(self):
        self.assertEqual(self.call("/predict", {"instances": []})[0], 400)
        self.assertEqual(self.call("/predict", {"instances": [[1, 2, 3]]})[0], 400)
        self.assertEqual(self.call("/predict", {"instances": [["x"] * 30]})[0], 400)
        self.assertEqual(self.call("/predict", {"instances": [self.sample["instances"][0]] * 151})[0], 400)
        self.assertEqual(self.call("/nope")[0], 404)

    def test_token(self):
        self.assertEqual(self.call("/predict", self.sample, token="")[0], 401)
        self.assertEqual(self.call("/predict", self.sample, token="wrong")[0], 401)

    def test_smoke_test_against_the_server(self):
        import smoke_test

        result = smoke_test.run(self.base, "v9.9.9", os.path.join(HERE, "data", "current.csv"), rows=100, token="s3cret")
        self.assertEqual({k: result[k] for k in ("healthz_ok", "version_ok", "sample_ok")}, {"healthz_ok": 1, "version_ok": 1, "sample_ok": 1})
        self.assertGreaterEqual(result["live_accuracy"], 0.9)
        wrong = smoke_test.run(self.base, "v0.0.1", os.path.join(HERE, "data", "current.csv"), rows=10, token="bad")
        self.assertEqual((wrong["version_ok"], wrong["sample_ok"], wrong["live_accuracy"]), (0, 0, 0.0))

    def test_metrics(self):
        self.call("/healthz")
        status, text = self.call("/metrics")
        self.assertEqual(status, 200)
        self.assertIn("model_server_requests_total", text)

    def value(self, name, **labels):
        return self.metrics.registry.get_sample_value(name, labels) or 0.0

    def test_metrics_exposition_parses_with_the_official_parser(self):
        from prometheus_client.parser import text_string_to_metric_families

        self.call("/predict", self.sample)
        status, text = self.call("/metrics")
        self.assertEqual(status, 200)
        families = {f.name: f for f in text_string_to_metric_families(text)}
        self.assertEqual(families["model_server_requests"].type, "counter")
        self.assertEqual(families["model_server_predict_latency_seconds"].type, "histogram")
        self.assertEqual(families["model_server_info"].type, "gauge")  # an Info, as the text format writes it
        info = [s for s in families["model_server_info"].samples if s.name == "model_server_info"]
        self.assertEqual(info[0].labels, {"version": "v9.9.9"})
        buckets = [s for s in families["model_server_predict_latency_seconds"].samples if s.name.endswith("_bucket")]
        self.assertEqual(buckets[-1].labels["le"], "+Inf")
        self.assertGreaterEqual(buckets[-1].value, 1)
        # Every endpoint and class exists from the start, at 0 or more.
        endpoints = {s.labels["endpoint"] for s in families["model_server_errors"].samples if s.name.endswith("_total")}
        self.assertEqual(endpoints, set(serve.ENDPOINTS))
        classes = {s.labels["class"] for s in families["model_server_predictions"].samples if s.name.endswith("_total")}
        self.assertEqual(classes, {"0", "1"})

    def test_predictions_requests_errors_and_latency_are_counted(self):
        before = {
            "requests": self.value("model_server_requests_total", endpoint="predict"),
            "errors": self.value("model_server_errors_total", endpoint="predict"),
            "class0": self.value("model_server_predictions_total", **{"class": "0"}),
            "class1": self.value("model_server_predictions_total", **{"class": "1"}),
            "latency": self.value("model_server_predict_latency_seconds_count"),
        }
        self.assertEqual(self.call("/predict", self.sample)[0], 200)
        self.assertEqual(self.call("/predict", {"instances": []})[0], 400)
        self.assertEqual(self.call("/predict", self.sample, token="")[0], 401)
        self.assertEqual(self.value("model_server_requests_total", endpoint="predict") - before["requests"], 3)
        self.assertEqual(self.value("model_server_errors_total", endpoint="predict") - before["errors"], 2)
        self.assertEqual(self.value("model_server_predictions_total", **{"class": "0"}) - before["class0"], 1)
        self.assertEqual(self.value("model_server_predictions_total", **{"class": "1"}) - before["class1"], 1)
        # Authorised requests are timed, good or bad.
        self.assertEqual(self.value("model_server_predict_latency_seconds_count") - before["latency"], 2)

    def test_feedback_counts_labelled_and_correct_predictions(self):
        status, text = self.call("/predict", self.sample)
        self.assertEqual(status, 200, text)
        request_id = json.loads(text)["request_id"]
        labelled = self.value("model_server_feedback_labelled_total")
        correct = self.value("model_server_feedback_correct_total")
        # One label per instance, or the feedback is refused and can be sent again.
        self.assertEqual(self.call("/feedback", {"request_id": request_id, "labels": [0]})[0], 400)
        status, text = self.call("/feedback", {"request_id": request_id, "labels": [0, 0]})
        self.assertEqual(status, 200, text)
        self.assertEqual(json.loads(text), {"labelled": 2, "correct": 1})  # the model said [0, 1]
        self.assertEqual(self.value("model_server_feedback_labelled_total") - labelled, 2)
        self.assertEqual(self.value("model_server_feedback_correct_total") - correct, 1)
        # A request's labels count once; unknown ids, bad bodies and missing tokens are refused.
        self.assertEqual(self.call("/feedback", {"request_id": request_id, "labels": [0, 1]})[0], 404)
        self.assertEqual(self.call("/feedback", {"request_id": "nope", "labels": [0]})[0], 404)
        self.assertEqual(self.call("/feedback", {"request_id": request_id, "labels": [2, 0]})[0], 400)
        self.assertEqual(self.call("/feedback", {"labels": [0]})[0], 400)
        self.assertEqual(self.call("/feedback", {"request_id": request_id, "labels": [True, 0]})[0], 400)
        self.assertEqual(self.call("/feedback", {"request_id": request_id, "labels": [0, 1]}, token="")[0], 401)
        self.assertEqual(self.value("model_server_feedback_labelled_total") - labelled, 2)

    def test_pending_predictions_are_bounded(self):
        pending = serve.Pending(limit=2)
        for i in range(3):
            pending.add(str(i), [i])
        self.assertIsNone(pending.take("0"))
        self.assertEqual((pending.take("1"), pending.take("2")), ([1], [2]))

    def test_request_features_are_written_as_json_lines(self):
        status, text = self.call("/predict", self.sample)
        self.assertEqual(status, 200, text)
        request_id = json.loads(text)["request_id"]
        with open(self.features_path) as f:
            lines = [json.loads(line) for line in f if request_id in line]
        self.assertEqual(len(lines), 2)
        expected = {k: float(v) for k, v in self.sample["instances"][0].items()}
        self.assertEqual({k: v for k, v in lines[0].items() if k not in ("request_id", "time")}, expected)
        self.assertEqual(lines[0]["request_id"], request_id)

    def test_feature_log_stops_at_its_size_limit(self):
        path = os.path.join(self.tmp.name, "small.jsonl")
        log = serve.FeatureLog(path, ["a", "b"], 200)
        for i in range(10):
            log.write(str(i), [[1.0, 2.0]])
        self.assertTrue(log.full)
        self.assertLessEqual(os.path.getsize(path), 200)


if __name__ == "__main__":
    unittest.main()
