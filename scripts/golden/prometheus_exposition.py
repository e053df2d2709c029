#!/usr/bin/python3
"""Golden values for src/metrics/readers/prometheus.ts: Prometheus text exposition (format 0.0.4)
written by the official Python client (prometheus_client.generate_latest) and by hand, read back by
the client's own parser (prometheus_client.parser.text_string_to_metric_families). Each series is
named as the reader names it: the metric name, then its labels sorted by name with their values in
the format's escaping.

Usage: /usr/bin/python3 scripts/golden/prometheus_exposition.py > __tests__/fixtures/golden/prometheus_exposition.json
"""
import importlib.metadata
import json
import math
import sys

from prometheus_client import CollectorRegistry, Counter, Enum, Gauge, Histogram, Info, Summary, generate_latest
from prometheus_client.parser import text_string_to_metric_families


def written_by_the_client():
    r = CollectorRegistry()
    c = Counter("http_requests", "Requests.", ["path", "code"], registry=r)
    c.labels("/predict", "200").inc(1027)
    c.labels("/predict", "500").inc(3)
    c.labels('/a "quoted" \\ path\nnext', "200").inc(2)
    c.labels("/ünïcødé", "404").inc(1)
    Gauge("queue_depth", "Queue depth.", registry=r).set(0.125)
    Gauge("not_a_number", "NaN.", registry=r).set(float("nan"))
    Gauge("too_big", "+Inf.", registry=r).set(float("inf"))
    Gauge("too_small", "-Inf.", registry=r).set(float("-inf"))
    Gauge("tiny", "Exponent form.", registry=r).set(1.5e-7)
    Gauge("huge", "Exponent form.", registry=r).set(6.02214076e23)
    h = Histogram("predict_latency_seconds", "Latency.", buckets=(0.005, 0.05, 0.5), registry=r)
    for v in (0.001, 0.002, 0.01, 0.2, 0.7):
        h.observe(v)
    s = Summary("payload_bytes", "Sizes.", registry=r)
    for v in (100, 250):
        s.observe(v)
    Info("model", "The model.", registry=r).info({"version": "v0.3.0", "name": "breast-cancer"})
    Enum("state", "State.", states=["ready", "busy"], registry=r).state("busy")
    text = generate_latest(r).decode()
    # _created series hold the creation time: fixed here so the file does not change on every run.
    return "\n".join(
        line if "_created" not in line or line.startswith("#") else line.rsplit(" ", 1)[0] + " 1.7645e+09"
        for line in text.split("\n")
    )


BY_HAND = {
    "spacing, comments, timestamps and a trailing comma": (
        "# A comment the parser skips\n"
        "# HELP http_requests_total The total number of HTTP requests.\n"
        "# TYPE http_requests_total counter\n"
        'http_requests_total{method="post",code="200"} 1027 1395066363000\n'
        'http_requests_total{method="post",code="400"}    3 1395066363000\n'
        "\n"
        "   metric_without_timestamp_and_labels 12.47\n"
        'something_weird{problem="division by zero"} +Inf -3982045\n'
        'trailing_comma{a="1",} 5\n'
        "http_request_duration_seconds_bucket{le=\"0.05\"} 24054\n"
        'http_request_duration_seconds_bucket{le="+Inf"} 144320\n'
        "http_request_duration_seconds_sum 53423\n"
        'rpc_duration_seconds{quantile="0.99"} 76656\n'
        "lower_nan nan\n"
        "upper_inf +Inf\n"
    ),
    "label values with escapes and braces": (
        'msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9\n'
        'braces{text="{a=\\"b\\"}, c"} 2\n'
    ),
}


def series_name(name, labels):
    if not labels:
        return name
    esc = lambda v: v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")  # noqa: E731
    return name + "{" + ",".join(f'{k}="{esc(v)}"' for k, v in sorted(labels.items())) + "}"


def number(v):
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "+Inf" if v > 0 else "-Inf"
    return v


cases = []
for title, text in [("written by prometheus_client.generate_latest", written_by_the_client()), *BY_HAND.items()]:
    series = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            key = series_name(s.name, s.labels)
            assert key not in series, key
            series[key] = number(s.value)
    cases.append({"title": title, "text": text, "series": series})

version = importlib.metadata.version("prometheus_client")
json.dump({"generator": f"prometheus_client {version}", "cases": cases}, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")
