#!/usr/bin/env python3
"""Writes expected.json: the per-label figures of every real load-test file in this folder, by the
mapping of docs/formats/load-tests.md, computed without Flightdeck (json, csv, xml.etree and numpy).

For each file: its format (the folder name), and one row per request label, the tool's aggregate first,
each with count, errors, error_rate, mean_ms, p50_ms, p90_ms, p95_ms, p99_ms and throughput_rps (null when
the file does not give it):

- k6-summary: the request metrics http_req_duration (with http_reqs, http_req_failed) and
  grpc_req_duration (with grpc_reqs); a row for the untagged metric and one per tag set written in braces
  (`http_req_duration{name:login}`), except k6's own `{expected_response:true}`. The stats are under
  `values` (handleSummary) or directly under the metric (--summary-export). p50 is `p(50)` or else `med`.
  Errors are the failed requests: http_req_failed's `passes` (true values). Count is the counter's
  `count`, else passes + fails of http_req_failed, else the trend's `count`. Throughput is the counter's
  `rate`, else count / the test's duration (state.testRunDurationMs, or the untagged counter's
  count / rate).
- jmeter-jtl-csv / jmeter-jtl-xml: every CSV row, or every top-level <httpSample>/<sample> (nested
  samples belong to their parent), is one sample of its label; the aggregate "TOTAL" takes them all.
  Percentiles are numpy's default (linear) over `elapsed`/`t`; throughput is samples / (latest
  timeStamp + elapsed − earliest timeStamp) in seconds.
- locust-stats-csv: one row per line, label "Type Name" (the Aggregated line is the aggregate);
  percentiles from the 50%, 90%, 95%, 99% columns when present (N/A is null).
- gatling-stats-json: the root `stats` is the aggregate; each REQUEST in `contents` (also inside
  GROUPs) is a label named by its `path`. percentiles1, 3, 4 are p50, p95, p99 (Gatling's defaults);
  p90 is null.

Error rate is errors / count. Run from anywhere: python3 Tests/FlightdeckTests/Fixtures/loadtests/expected.py
"""
import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
FORMATS = ["k6-summary", "jmeter-jtl-csv", "jmeter-jtl-xml", "locust-stats-csv", "gatling-stats-json"]


def row(label, total, count=None, errors=None, mean=None, p50=None, p90=None, p95=None, p99=None, throughput=None):
    rate = errors / count if errors is not None and count else None
    return {"label": label, "total": total, "count": count, "errors": errors, "error_rate": rate, "mean_ms": mean,
            "p50_ms": p50, "p90_ms": p90, "p95_ms": p95, "p99_ms": p99, "throughput_rps": throughput}


# k6

def k6_stats(metric):
    """The stats of a metric in either shape: handleSummary's `values`, or --summary-export's flat object."""
    if metric is None:
        return None
    return metric["values"] if "values" in metric else metric


def k6_rows(doc):
    metrics = doc["metrics"]
    state_ms = (doc.get("state") or {}).get("testRunDurationMs")
    rows = []
    for family, trend, counter, failed, total_label in [
            ("http", "http_req_duration", "http_reqs", "http_req_failed", "All HTTP requests"),
            ("grpc", "grpc_req_duration", "grpc_reqs", None, "All gRPC requests")]:
        if trend not in metrics:
            continue
        base_counter = k6_stats(metrics.get(counter))
        if state_ms:
            seconds = state_ms / 1000
        elif base_counter and base_counter.get("rate"):
            seconds = base_counter["count"] / base_counter["rate"]
        else:
            seconds = None
        selectors = [None] + sorted(
            {m.group(1) for name in metrics for m in [re.fullmatch(re.escape(trend) + r"\{(.*)\}", name)] if m}
            - {"expected_response:true"},
            key=lambda s: list(metrics).index(f"{trend}{{{s}}}"))
        for selector in selectors:
            suffix = "" if selector is None else "{" + selector + "}"
            stats = k6_stats(metrics[trend + suffix])
            count_stats = k6_stats(metrics.get(counter + suffix))
            failed_stats = k6_stats(metrics.get(failed + suffix)) if failed else None
            errors = failed_stats["passes"] if failed_stats else None
            if count_stats is not None:
                count = count_stats["count"]
            elif failed_stats is not None:
                count = failed_stats["passes"] + failed_stats["fails"]
            else:
                count = stats.get("count")
            if count_stats is not None and "rate" in count_stats:
                throughput = count_stats["rate"]
            elif count is not None and seconds:
                throughput = count / seconds
            else:
                throughput = None
            if selector is None:
                label = total_label
            else:
                parts = selector.split(",")
                single = len(parts) == 1 and parts[0].split(":", 1)[0] in ("name", "url")
                label = parts[0].split(":", 1)[1] if single else selector
            rows.append(row(label, selector is None, count, errors, stats.get("avg"),
                            stats.get("p(50)", stats.get("med")), stats.get("p(90)"), stats.get("p(95)"),
                            stats.get("p(99)"), throughput))
    return rows


# JMeter

def jmeter_rows(samples):
    """samples: (label, elapsed ms, start ms, success) in file order."""
    labels = {}
    for sample in samples:
        labels.setdefault(sample[0], []).append(sample)

    def figures(label, group, total):
        elapsed = np.array([s[1] for s in group], dtype=float)
        start = min(s[2] for s in group)
        end = max(s[2] + s[1] for s in group)
        errors = sum(1 for s in group if not s[3])
        throughput = len(group) / ((end - start) / 1000) if end > start else None
        p = [float(np.percentile(elapsed, q)) for q in (50, 90, 95, 99)]
        return row(label, total, len(group), errors, float(np.mean(elapsed)), *p, throughput)

    return [figures("TOTAL", samples, True)] + [figures(label, group, False) for label, group in labels.items()]


def jtl_csv_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        samples = [(r["label"], float(r["elapsed"]), float(r["timeStamp"]), r["success"].lower() == "true")
                   for r in reader]
    return jmeter_rows(samples)


def jtl_xml_rows(path):
    root = ET.parse(path).getroot()
    samples = [(e.get("lb"), float(e.get("t")), float(e.get("ts")), e.get("s").lower() == "true")
               for e in root if e.tag in ("httpSample", "sample")]
    return jmeter_rows(samples)


# Locust

def locust_number(text):
    return None if text in ("", "N/A") else float(text)


def locust_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        records = list(csv.DictReader(f))
    rows = []
    for r in records:
        total = r["Name"] == "Aggregated" and r["Type"] in ("", "Aggregated")
        label = r["Name"] if total or not r["Type"] else f'{r["Type"]} {r["Name"]}'
        count, errors = int(r["Request Count"]), int(r["Failure Count"])
        p50 = locust_number(r["50%"]) if "50%" in r else locust_number(r["Median Response Time"])
        rows.append(row(label, total, count, errors, locust_number(r["Average Response Time"]), p50,
                        locust_number(r.get("90%", "")), locust_number(r.get("95%", "")),
                        locust_number(r.get("99%", "")), locust_number(r["Requests/s"])))
    rows.sort(key=lambda r: not r["total"])  # the aggregate first, the others in file order
    return rows


# Gatling

def gatling_number(value):
    if value is None or value == "-":
        return None
    return float(value)


def gatling_row(label, total, stats):
    def total_of(key):
        return gatling_number(stats[key]["total"]) if key in stats else None
    count, errors = stats["numberOfRequests"]["total"], stats["numberOfRequests"]["ko"]
    return row(label, total, int(count), int(errors), total_of("meanResponseTime"), total_of("percentiles1"), None,
               total_of("percentiles3"), total_of("percentiles4"), total_of("meanNumberOfRequestsPerSecond"))


def gatling_rows(doc):
    rows = [gatling_row(doc["stats"]["name"], True, doc["stats"])]

    def walk(contents):
        for entry in contents.values():
            if entry["type"] == "REQUEST":
                rows.append(gatling_row(entry.get("path") or entry["name"], False, entry["stats"]))
            else:
                walk(entry.get("contents", {}))
    walk(doc.get("contents", {}))
    return rows


def rows_of(fmt, path):
    if fmt == "k6-summary":
        return k6_rows(json.loads(path.read_text(encoding="utf-8")))
    if fmt == "jmeter-jtl-csv":
        return jtl_csv_rows(path)
    if fmt == "jmeter-jtl-xml":
        return jtl_xml_rows(path)
    if fmt == "locust-stats-csv":
        return locust_rows(path)
    return gatling_rows(json.loads(path.read_text(encoding="utf-8")))


def main():
    expected = {}
    for fmt in FORMATS:
        for path in sorted((HERE / fmt).iterdir()):
            expected[f"{fmt}/{path.name}"] = {"format": fmt, "rows": rows_of(fmt, path)}
    out = HERE / "expected.json"
    out.write_text(json.dumps(expected, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(HERE)}: {len(expected)} files, "
          f"{sum(len(v['rows']) for v in expected.values())} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
