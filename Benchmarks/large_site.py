#!/usr/bin/env python3
"""Generate a large Flightdeck site for Benchmarks/large.sh (issue #13): N releases x M test cases.

Usage: Benchmarks/large_site.py DIR [N] [M]      (defaults: N=1000, M=1000)

Deterministic (seeded per release): the same N and M always give byte-identical files, and release i
has the same content whatever N is. Every release has every data kind, in the documented formats
(docs/formats/*.md), with shapes taken from the example site (content/releases/*):

  release.yaml        id, version, title, product (one of four), date (one per day from 2023-01-01),
                      owner, environment, summary, links, phases
  notes.md            about 600 words of Markdown: headings, paragraphs, lists, a table, a quote
  baseline.json       48 BaselineMetric records (seed 000 shape)
  tests/junit.xml     M test cases in 10 suites (pytest-like JUnit XML; ~2% failures, ~1% skipped)
  performance.json    the performance tester's tests + results (9 tests)
  rollout.yaml        2 components x 4 stages, events, site gates; names rollout-metrics.csv
  rollout-metrics.csv 10-minute samples of the last stage for both components (72 rows)
  incidents/*.md      1-2 incidents: YAML front matter + Markdown postmortem
  experiments.csv     240 seed A/B records (seed 004 shape)
  checklist.md        task lists with four bound checks (`check: ...`)
  signoffs.yaml       four required roles; decisions without digests (unverified)
"""
import datetime as dt
import pathlib
import random
import sys

PRODUCTS = ("mmm-trainer", "metadata-platform", "invoice-pipeline", "deploy-safety")
OWNERS = ("Priya Raman", "Dana Whitfield", "Tomás Ortega", "Hannah Becker", "Marcus Lee",
          "Samir Haddad", "Lena Kowalski", "Chris Adeyemi")
ROLES = ("engineering", "qa", "operations", "product")
WORDS = ("release canary rollout baseline latency throughput regression gate incident checklist "
         "signoff trainer warehouse invoice pipeline validation monitoring dashboard error budget "
         "storage registration feature cache parallel trial cost memory timeout fallback").split()
JOB_TYPES = (("small", 50, 2, 28.0), ("medium", 150, 4, 58.0), ("large", 300, 6, 122.0))
COUNTRIES = ("fr", "de", "uk", "es", "it", "nl")
VENDORS = ("Acme Supply", "Bolt Foods", "Cedar Paper", "Delta Freight", "Evergreen Farms")
START = dt.date(2023, 1, 1)


def sentence(rng, k):
    return " ".join(rng.choice(WORDS) for _ in range(k)).capitalize() + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def release_yaml(rng, i, rid, product, day):
    owner = OWNERS[i % len(OWNERS)]
    phases = []
    start = day - dt.timedelta(days=20)
    for name, length in (("Baseline collection", 7), ("Staging tests", 4), ("Performance tests", 4),
                         ("Canary", 3), ("Full production", 2)):
        end = start + dt.timedelta(days=length - 1)
        phases.append(f'  - {{ name: "{name}", start: {start}, end: {end} }}')
        start = end + dt.timedelta(days=1)
    return (f'id: "{rid}"\n'
            f'version: "{1 + i // 100}.{i % 100}.0"\n'
            f'title: "{product.replace("-", " ").capitalize()} release {i + 1}"\n'
            f'product: {product}\n'
            f'date: {day}\n'
            f'owner: "{owner}"\n'
            f'environment: production\n'
            f'summary: >-\n  {paragraph(rng, 2)}\n'
            f'links:\n'
            f'  - {{ title: "Change ticket CHG-{1000 + i}", url: "https://tracker.example.com/CHG-{1000 + i}" }}\n'
            f'  - {{ title: "Runbook", url: "https://docs.example.com/{product}/runbook" }}\n'
            f'phases:\n' + "\n".join(phases) + "\n")


def notes_md(rng, i, product):
    parts = [f"# {product.replace('-', ' ').capitalize()} release {i + 1}\n", paragraph(rng, 5) + "\n"]
    for title in ("What changed", "What we expected", "How it went"):
        parts.append(f"## {title}\n")
        parts.append(paragraph(rng, 5) + "\n")
        parts.append("\n".join(f"- **{rng.choice(WORDS)}**: {sentence(rng, 10)}" for _ in range(4)) + "\n")
        parts.append(f"Some *emphasis*, `code_{i}` and a [link](https://docs.example.com/{product}).\n")
    parts.append("## Figures\n")
    parts.append("| Job | Before | After |\n|-----|-------:|------:|\n" + "\n".join(
        f"| {name} | {mean:.1f} min | {mean * rng.uniform(0.5, 0.9):.1f} min |" for name, _, _, mean in JOB_TYPES) + "\n")
    parts.append("> " + sentence(rng, 14) + "\n")
    return "\n".join(parts)


def baseline_json(rng, day):
    records = []
    t = dt.datetime.combine(day - dt.timedelta(days=20), dt.time(8, 0), dt.timezone.utc)
    for k in range(48):
        name, iterations, trials, mean = JOB_TYPES[k % 3]
        ok = rng.random() > 0.04
        duration = rng.gauss(mean, mean * 0.12) if ok else 0.0
        cpu = duration / 60 * rng.uniform(1.8, 3.5) if ok else 0.0
        records.append(
            "  {\n"
            f'    "timestamp": "{t.isoformat()}",\n'
            f'    "job_id": "baseline-{k // 6 + 1}-{k % 6 + 1}-{COUNTRIES[k % 6]}",\n'
            f'    "job_type": "{name}",\n'
            f'    "iterations": {iterations},\n'
            f'    "trials": {trials},\n'
            f'    "country": "{COUNTRIES[k % 6]}",\n'
            f'    "duration_minutes": {duration:.4f},\n'
            f'    "cpu_hours": {cpu:.2f},\n'
            f'    "memory_gb_hours": {cpu * 6:.2f},\n'
            f'    "cost_estimate": {cpu * 0.12:.4f},\n'
            f'    "success": {"true" if ok else "false"},\n'
            f'    "error_message": {"null" if ok else chr(34) + "HTTP 503, retry later" + chr(34)}\n'
            "  }")
        t += dt.timedelta(minutes=rng.randint(40, 90))
    return "[\n" + ",\n".join(records) + "\n]\n"


def junit_xml(rng, i, m, day):
    suites = []
    per = [m // 10 + (1 if s < m % 10 else 0) for s in range(10)]
    for s, count in enumerate(per):
        cases, failures, skipped, total = [], 0, 0, 0.0
        for c in range(count):
            t = rng.uniform(0.001, 2.5)
            total += t
            r = rng.random()
            body = ""
            if r < 0.02:
                failures += 1
                body = (f'<failure message="AssertionError: expected {c} got {c + 1}" type="AssertionError">'
                        f'tests/test_mod{s}.py:{10 + c}: AssertionError\n  assert {c} == {c + 1}</failure>')
            elif r < 0.03:
                skipped += 1
                body = '<skipped message="needs GPU" type="pytest.skip" />'
            attrs = f'classname="tests.test_mod{s}.TestCase{c % 7}" name="test_case_{s}_{c}" time="{t:.3f}"'
            cases.append(f"<testcase {attrs}>{body}</testcase>" if body else f"<testcase {attrs} />")
        suites.append(f'<testsuite name="tests.test_mod{s}" errors="0" failures="{failures}" skipped="{skipped}" '
                      f'tests="{count}" time="{total:.3f}" timestamp="{day}T09:00:00+00:00" hostname="ci-runner-{i % 4}">'
                      + "".join(cases) + "</testsuite>")
    return '<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests">' + "".join(suites) + "</testsuites>\n"


def performance_json(rng):
    tests, results = [], []
    specs = (("Small Job - Single", "small", 50, 2, 15, 1), ("Medium Job - Single", "medium", 150, 4, 30, 1),
             ("Large Job - Single", "large", 300, 6, 60, 1), ("Small Jobs - Parallel (2)", "small", 50, 2, 15, 2),
             ("Small Jobs - Parallel (3)", "small", 50, 2, 15, 3), ("Medium Job - High Iterations", "medium", 400, 8, 45, 1),
             ("Large Job - Maximum Config", "large", 500, 10, 75, 1), ("Minimum Job", "small", 25, 1, 8, 1),
             ("Medium Jobs - Parallel (2)", "medium", 150, 4, 30, 2))
    for name, job, it, tr, exp, par in specs:
        tests.append(f'    {{"name": "{name}", "job_type": "{job}", "iterations": {it}, "trials": {tr}, '
                     f'"expected_duration_min": {exp}, "parallel_jobs": {par}}}')
        ok = rng.random() > 0.01
        d = exp * rng.uniform(0.85, 1.15)
        err = "null" if ok else '"timeout after 90 minutes"'
        results.append(f'    {{"test_name": "{name}", "success": {"true" if ok else "false"}, "duration_minutes": {d:.3f}, '
                       f'"throughput_jobs_per_hour": {60 / d * par:.3f}, "resource_efficiency": {rng.uniform(0.8, 1.2):.4f}, '
                       f'"cost_estimate": {d * 0.0077:.4f}, "error_message": {err}}}')
    return '{\n  "tests": [\n' + ",\n".join(tests) + '\n  ],\n  "results": [\n' + ",\n".join(results) + "\n  ]\n}\n"


def rollout(rng, day):
    """rollout.yaml and its metrics CSV: two components, four stages, the last one sampled every 10 minutes."""
    base = dt.datetime.combine(day - dt.timedelta(days=4), dt.time(8, 0), dt.timezone.utc)
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    rolled_back = rng.random() < 0.1
    lines = ["# Generated by Benchmarks/large_site.py", f"as_of: {(base + dt.timedelta(days=4, hours=1)).strftime(fmt)}",
             "metrics: rollout-metrics.csv", "components:"]
    rows = ["timestamp,component,traffic_percent,error_rate,latency_p99_ms"]
    for name, p99 in (("api", 420), ("worker", 1200)):
        lines += [f"  - name: {name}", f"    baseline_latency_p99_ms: {p99}", "    stages:"]
        events = []
        t = base
        for s, (stage, pct) in enumerate((("staging", 0), ("canary", 10), ("half", 50), ("full", 100))):
            end = t + dt.timedelta(days=1)
            req = int(rng.uniform(300, 2000) * (1 + pct))
            lines += [f"    - name: {stage}", f"      traffic_percent: {pct}", f"      start: {t.strftime(fmt)}"]
            if s < 3 or not rolled_back:
                lines.append(f"      end: {end.strftime(fmt)}")
            lines += [f"      requests: {req}", f"      errors: {int(req * rng.uniform(0.0005, 0.004))}",
                      f"      latency_p50_ms: {int(p99 * rng.uniform(0.35, 0.45))}",
                      f"      latency_p99_ms: {int(p99 * rng.uniform(0.9, 1.1))}"]
            if s > 0:
                events.append((t, stage, f"gates passed in {('staging', 'canary', 'half')[s - 1]}"))
            t = end
        lines.append("    events:")
        for at, stage, reason in events:
            lines += ["    - type: advance", f"      at: {at.strftime(fmt)}", f"      stage: {stage}", f"      reason: {reason}"]
        if rolled_back and name == "worker":
            at = base + dt.timedelta(days=3, hours=2)
            lines += ["    - type: rollback", f"      at: {at.strftime(fmt)}", "      stage: half",
                      "      reason: error rate above the limit"]
    sample = base + dt.timedelta(days=3)
    for k in range(36):
        at = (sample + dt.timedelta(minutes=10 * k)).strftime(fmt)
        for name, p99 in (("api", 420), ("worker", 1200)):
            rows.append(f"{at},{name},100,{rng.uniform(0.0005, 0.004):.4f},{int(p99 * rng.uniform(0.9, 1.1))}")
    return "\n".join(lines) + "\n", "\n".join(rows) + "\n"


def incident(rng, i, k, day):
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    started = dt.datetime.combine(day - dt.timedelta(days=2), dt.time(9, 5), dt.timezone.utc) + dt.timedelta(hours=k * 5)
    status = rng.choice(("resolved", "resolved", "closed", "mitigated"))
    times = [("started", started), ("detected", started + dt.timedelta(minutes=17)),
             ("mitigated", started + dt.timedelta(minutes=35))]
    if status in ("resolved", "closed"):
        times.append(("resolved", started + dt.timedelta(hours=6)))
    sev = rng.choice(("SEV2", "SEV3", "SEV3", "SEV4", "SEV4"))
    front = [f"id: INC-{i + 1:04d}-{k + 1}", f"title: {sentence(rng, 8)[:-1]}", f"severity: {sev}", f"status: {status}"]
    front += [f"{key}: {t.strftime(fmt)}" for key, t in times]
    front += ["components: [api, worker]", f"rollback_triggered: {'true' if k == 1 else 'false'}", "action_items:"]
    for a in range(3):
        front += [f"  - title: {sentence(rng, 6)[:-1]}", f"    owner: {OWNERS[(i + a) % len(OWNERS)].split()[0].lower()}",
                  f"    due: {day + dt.timedelta(days=7 + a)}", f"    done: {'true' if a == 0 else 'false'}"]
    body = ["# Summary\n", paragraph(rng, 4) + "\n", "## Timeline\n",
            "\n".join(f"- {t.strftime('%H:%M')}Z {key}" for key, t in times) + "\n", "## Cause\n", paragraph(rng, 3) + "\n"]
    return "---\n" + "\n".join(front) + "\n---\n" + "\n".join(body)


def experiments_csv(rng, day):
    rows = ["timestamp,request_id,test_variant,processing_method,processing_time_seconds,pdf_size_mb,pdf_page_count,"
            "pdf_complexity_score,line_items_extracted,processing_successful,timeout_occurred,vendor_detected,"
            "fallback_used,processing_accuracy,cost_per_invoice"]
    t = dt.datetime.combine(day - dt.timedelta(days=6), dt.time(8, 0), dt.timezone.utc).timestamp()
    for k in range(240):
        t += rng.uniform(20, 400)
        treatment = rng.random() < 0.5
        fallback = treatment and rng.random() < 0.08
        method = "document_ai_fallback" if fallback else ("gemini" if treatment else "document_ai")
        pt = rng.uniform(8, 40) if treatment else rng.uniform(20, 45)
        size = rng.uniform(0.2, 3.0)
        rows.append(f"{t:.3f},inv-{rng.randint(0, 9999):05d},{'treatment' if treatment else 'control'},{method},"
                    f"{pt:.3f},{size:.2f},{max(1, int(size * 2))},{rng.uniform(0.1, 0.8):.3f},{rng.randint(3, 40)},"
                    f"true,{'true' if rng.random() < 0.02 else 'false'},{rng.choice(VENDORS)},"
                    f"{'true' if fallback else 'false'},{'true' if rng.random() < 0.93 else 'false'},"
                    f"{(0.006 if treatment else 0.02) * size:.5f}")
    return "\n".join(rows) + "\n"


def checklist_md(rng):
    x = lambda: "x" if rng.random() < 0.85 else " "
    return ("# Readiness checklist\n\n## Testing\n\n"
            f"- [{x()}] Test suite passes `check: tests.success_rate >= 0.95`\n"
            f"- [{x()}] Performance tests show the expected improvement\n\n## Rollout\n\n"
            f"- [{x()}] Canary gates passed at every stage `check: rollout.status == complete`\n"
            f"- [{x()}] No rollbacks `check: rollout.rollback_count == 0`\n"
            f"- [{x()}] Rollback procedure tested in staging\n\n## Operations\n\n"
            f"- [{x()}] Monitoring dashboard shows the new metrics\n"
            f"- [{x()}] No open SEV1/SEV2 incidents `check: incidents.open_major == 0`\n")


def signoffs_yaml(rng, i, day):
    lines = [f"required: [{', '.join(ROLES)}]", "signoffs:"]
    for k, role in enumerate(ROLES):
        r = rng.random()
        if r < 0.85:
            lines.append(f'  - {{ role: {role}, approver: "{OWNERS[(i + k) % len(OWNERS)]}", decision: approved, date: {day} }}')
        elif r < 0.92:
            lines.append(f'  - {{ role: {role}, approver: "{OWNERS[(i + k) % len(OWNERS)]}", decision: rejected, '
                         f'date: {day}, comment: "{sentence(rng, 8)}" }}')
        else:
            lines.append(f'  - {{ role: {role}, approver: "{OWNERS[(i + k) % len(OWNERS)]}", decision: pending }}')
    return "\n".join(lines) + "\n"


def write_release(root, i, m):
    rng = random.Random(f"flightdeck-large-{i}")
    day = START + dt.timedelta(days=i)
    product = PRODUCTS[i % len(PRODUCTS)]
    rid = f"{day}-r{i + 1:04d}"
    folder = root / "content" / "releases" / rid
    (folder / "tests").mkdir(parents=True)
    (folder / "incidents").mkdir()
    (folder / "release.yaml").write_text(release_yaml(rng, i, rid, product, day))
    (folder / "notes.md").write_text(notes_md(rng, i, product))
    (folder / "baseline.json").write_text(baseline_json(rng, day))
    (folder / "tests" / "junit.xml").write_text(junit_xml(rng, i, m, day))
    (folder / "performance.json").write_text(performance_json(rng))
    spec, metrics = rollout(rng, day)
    (folder / "rollout.yaml").write_text(spec)
    (folder / "rollout-metrics.csv").write_text(metrics)
    for k in range(1 + (i % 3 == 0)):
        (folder / "incidents" / f"{day}-incident-{k + 1}.md").write_text(incident(rng, i, k, day))
    (folder / "experiments.csv").write_text(experiments_csv(rng, day))
    (folder / "checklist.md").write_text(checklist_md(rng))
    (folder / "signoffs.yaml").write_text(signoffs_yaml(rng, i, day))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = pathlib.Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    m = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    (root / "content" / "releases").mkdir(parents=True)
    (root / "flightdeck.yaml").write_text(
        'title: "Large site benchmark"\n'
        f'description: "{n} releases x {m} test cases with every data kind (Benchmarks/large_site.py)."\n'
        "language: en\n"
        "thresholds:\n  tests:\n    ready_percent: 95\n    caution_percent: 80\n"
        "  rollout:\n    min_success_rate: 0.99\n    max_error_rate: 0.05\n    min_operations: 100\n"
        "    min_stage_minutes: 60\n    max_latency_regression: 0.20\n"
        "  baseline:\n    max_mean_duration_minutes: 45\n    min_cpu_efficiency: 3\n    max_failure_rate: 0.10\n"
        "  experiments:\n    confidence: 0.95\n    min_sample_size: 100\n")
    (root / "content" / "index.md").write_text("Release reports of four products, one release a day.\n")
    for i in range(n):
        write_release(root, i, m)


if __name__ == "__main__":
    main()
