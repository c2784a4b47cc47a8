#!/usr/bin/env python3
"""The peer of ChartsBench: the same release-report charts and a 100,000-point line with pygal (pure-Python SVG charts).

pygal has no step, forest or Gantt chart: those are drawn as the nearest kind it has (line, horizontal bar), so the
set has the same number of charts and about the same data. Prints a RESULT line like ChartsBench's.
"""
import math
import statistics
import sys
import time

import pygal

JOBS = ["data_prep", "feature_engineering", "model_training", "hyperparameter_search", "evaluation", "report_generation"]


def lcg(seed):
    state = seed
    while True:
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        yield (state >> 11) / float(1 << 53)


def report_charts():
    charts = []
    bar = pygal.Bar(title="Duration per job type")
    bar.x_labels = JOBS
    bar.add("Baseline", [12.4, 38.2, 146.5, 212.0, 18.3, 4.1])
    bar.add("Optimised", [7.9, 21.6, 98.1, 120.4, 16.9, 3.8])
    charts.append(bar)
    rnd = lcg(7)
    box = pygal.Box(title="Optimised duration spread")
    for job, mean in zip(JOBS, [7.9, 21.6, 98.1, 120.4, 16.9, 3.8]):
        box.add(job, [mean * (0.8 + 0.4 * next(rnd)) for _ in range(20)])
    charts.append(box)
    rnd = lcg(11)
    values = [-math.log(1 - next(rnd)) * 850 for _ in range(412)]
    hist = pygal.Histogram(title="Test durations")
    edges = list(range(0, 6500, 500))
    hist.add("tests", [(sum(1 for v in values if a <= v < b), a, b) for a, b in zip(edges, edges[1:])])
    charts.append(hist)
    slow = pygal.HorizontalBar(title="Slowest tests")
    for name, v in [("test_end_to_end_training_pipeline", 48.2), ("test_hyperparameter_search_convergence", 31.7),
                    ("test_feature_store_backfill", 22.4), ("test_model_registry_roundtrip", 12.9),
                    ("test_gcs_upload_retry", 9.6), ("test_report_rendering", 4.1)]:
        slow.add(name, v)
    charts.append(slow)
    imp = pygal.HorizontalBar(title="Improvement per operation")
    for name, v in zip(JOBS, [36.3, 43.5, 33.0, 43.2, 7.7, -4.9]):
        imp.add(name, v)
    charts.append(imp)
    stack = pygal.StackedBar(title="Test outcomes per suite")
    stack.x_labels = ["unit", "integration", "performance", "security", "e2e"]
    for name, vs in [("passed", [212, 96, 18, 31, 12]), ("failed", [2, 3, 1, 0, 1]), ("error", [0, 1, 0, 0, 1]), ("skipped", [8, 4, 2, 1, 0])]:
        stack.add(name, vs)
    charts.append(stack)
    donut = pygal.Pie(title="Test outcomes", inner_radius=0.6)
    for name, v in [("passed", 369), ("failed", 7), ("error", 2), ("skipped", 15)]:
        donut.add(name, v)
    charts.append(donut)
    traffic = pygal.Line(title="Canary traffic share")
    traffic.add("Canary", [0, 5, 20, 20, 5, 20, 50, 100, 100])
    charts.append(traffic)
    error = pygal.Line(title="Error rate")
    error.add("Canary", [0.35 + 0.12 * math.sin(t / 5) + 0.05 * math.cos(t * 1.7) for t in range(96)])
    error.add("warning", [1] * 96)
    error.add("critical", [5] * 96)
    charts.append(error)
    latency = pygal.Line(title="p99 latency")
    latency.add("Canary", [520 + 60 * math.sin(t / 4) for t in range(48)])
    latency.add("Stable", [560 + 60 * math.sin(t / 4 + 1) for t in range(48)])
    charts.append(latency)
    forest = pygal.HorizontalBar(title="A/B differences")
    for name, v in [("Accuracy", 2.4), ("Speed", 21.3), ("Timeout rate", -0.2), ("Fallback rate", 1.1)]:
        forest.add(name, v)
    charts.append(forest)
    plan = pygal.HorizontalBar(title="Deployment timeline")
    for name, days in [("Environment Setup", 3), ("Testing", 2), ("Staging", 1), ("Performance", 3), ("UAT", 2),
                       ("Canary 20%", 1), ("Monitor", 2), ("Scale 50%", 1), ("Migration", 1), ("Validation", 2), ("Docs", 1)]:
        plan.add(name, days)
    charts.append(plan)
    incident = pygal.HorizontalBar(title="Incident")
    for name, minutes in [("Impact", 45), ("Detection", 8), ("Mitigation", 27), ("Verification", 30)]:
        incident.add(name, minutes)
    charts.append(incident)
    return charts


def huge_chart():
    rnd = lcg(42)
    chart = pygal.Line(title="Request latency, 100,000 samples", show_dots=False, show_x_labels=False)
    chart.add("latency", [200 + 40 * math.sin(t / 4000) + 30 * (next(rnd) - 0.5) for t in range(100_000)])
    return chart


def median_ms(runs, body):
    samples, size = [], 0
    for _ in range(max(runs, 1)):
        start = time.perf_counter()
        size = body()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), size


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    charts = report_charts()
    report_ms, report_bytes = median_ms(iterations, lambda: sum(len(c.render()) for c in charts))
    huge = huge_chart()
    huge_ms, huge_bytes = median_ms(max(iterations // 10, 1), lambda: len(huge.render()))
    print(f"pygal {pygal.__version__}: report {len(charts)} charts {report_ms:.2f} ms, {report_bytes} bytes; "
          f"huge line {huge_ms:.2f} ms, {huge_bytes} bytes")
    print(f"RESULT report_ms={report_ms:.2f} report_bytes={report_bytes} huge_ms={huge_ms:.2f} huge_bytes={huge_bytes}")


if __name__ == "__main__":
    main()
