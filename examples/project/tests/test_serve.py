"""serve.py's HTTP handler against a model trained by train.py (no Docker needed).

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
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), serve.make_handler(model, token="s3cret"))
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


if __name__ == "__main__":
    unittest.main()
