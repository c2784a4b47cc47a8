#!/usr/bin/env python3
"""Writes hostile/: one site whose every text field carries script payloads, for HostileDataTests.

Run from anywhere: python3 Tests/FlightdeckTests/Fixtures/sites/generate_hostile.py

Every injected field gets a numbered marker, `fdx001` … (lower case, so that filters such as `capitalize` or
`title` on the way to a page cannot hide it), followed by the payloads of issue #17:

    fdx001<img src=x onerror=alert(1)></script><script>alert(1)</script>"><svg onload=alert(1)>' onmouseover='alert(1)

URL fields get `javascript:` variants instead (` JaVaScRiPt:`, `java<TAB>script:`, `data:text/html,`).
hostile/manifest.json lists each marker with its file, field and how it must show:
- "text": the field is printed as text, so the page holds the marker followed by the escaped `<img` payload;
- "markdown": the field is Markdown, whose raw HTML cmark drops in safe mode, so the page holds the marker;
- "url": the field is a URL, shown as text only (the page holds the marker, never a link to it);
- "hidden": the field is read but no page shows it (the reason is given); the test only checks it is not live.
"""
import csv
import io
import json
import os
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.join(HERE, "hostile")
R1 = "content/releases/r1"   # the hostile release, with every data kind
R0 = "content/releases/r0"   # an earlier release of the same product, for the test comparison

manifest = []


def payload(file, field, shows="text", reason=None):
    n = len(manifest) + 1
    marker = f"fdx{n:03d}"
    entry = {"marker": marker, "file": file, "field": field, "shows": shows}
    if reason:
        entry["reason"] = reason
    manifest.append(entry)
    return (f"{marker}<img src=x onerror=alert({n})></script><script>alert({n})</script>"
            f"\"><svg onload=alert({n})>' onmouseover='alert({n})")


def url_payload(file, field, variant):
    n = len(manifest) + 1
    marker = f"fdx{n:03d}"
    manifest.append({"marker": marker, "file": file, "field": field, "shows": "url"})
    return [f"javascript:alert('{marker}')", f" JaVaScRiPt:alert('{marker}')", f"java\tscript:alert('{marker}')",
            f"data:text/html,<script>alert('{marker}')</script>"][variant]


def y(text):
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def write(path, text):
    full = os.path.join(SITE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def site():
    write("flightdeck.yaml", f"title: {y(payload('flightdeck.yaml', 'title'))}\n"
                             f"description: {y(payload('flightdeck.yaml', 'description'))}\n"
                             "signoffs:\n  roles: [extra]\n")
    write("content/index.md", "---\n"
          f"title: {y(payload('content/index.md', 'front matter title', 'hidden', 'the home page is titled by the site'))}\n"
          "---\n"
          f"# Welcome {payload('content/index.md', 'heading', 'markdown')}\n\n"
          f"{payload('content/index.md', 'paragraph', 'markdown')}\n")
    write("content/pages/hostile.md", "---\n"
          f"title: {y(payload('content/pages/hostile.md', 'front matter title'))}\n"
          f"description: {y(payload('content/pages/hostile.md', 'front matter description'))}\n"
          "---\n"
          f"{payload('content/pages/hostile.md', 'paragraph', 'markdown')}\n\n"
          f"[a link {payload('content/pages/hostile.md', 'link text', 'markdown')}](javascript:alert(1))\n\n"
          f"| h |\n|---|\n| {payload('content/pages/hostile.md', 'table cell', 'markdown')} |\n\n"
          f"`{payload('content/pages/hostile.md', 'code span')}`\n")


def release_yaml(folder, product, version):
    f = f"{folder}/release.yaml"
    r1 = folder == R1
    text = (f"title: {y(payload(f, 'title'))}\n"
            f"version: {y(payload(f, 'version') if r1 else version)}\n"
            f"product: {y(product)}\n"
            f"date: {'2026-03-06' if r1 else '2026-02-01'}\n")
    if r1:
        text += (f"owner: {y(payload(f, 'owner'))}\n"
                 f"environment: {y(payload(f, 'environment'))}\n"
                 f"summary: {y(payload(f, 'summary'))}\n"
                 "links:\n"
                 + "".join(f"  - {{ title: {y(payload(f, f'links[{i}].title'))}, url: {y(url_payload(f, f'links[{i}].url', i))} }}\n"
                           for i in range(4))
                 + f"  - {{ title: \"Safe\", url: \"https://example.com/?a=1&b=2\" }}\n"
                 "phases:\n"
                 f"  - {{ name: {y(payload(f, 'phases[0].name'))}, start: 2026-02-02, end: 2026-02-10 }}\n"
                 f"  - {{ name: {y(payload(f, 'phases[1].name'))}, start: 2026-02-11, end: 2026-03-06 }}\n")
    write(f, text)


def notes():
    f = f"{R1}/notes.md"
    write(f, f"# {payload(f, 'first heading', 'hidden', 'the page shows the release title instead (docs/template-variables.md)')}\n\n"
             f"## {payload(f, 'heading', 'markdown')}\n\n"
             f"{payload(f, 'paragraph', 'markdown')}\n\n"
             f"- {payload(f, 'list item', 'markdown')}\n\n"
             f"[link {payload(f, 'link text', 'markdown')}](javascript:alert(1)) "
             f"[b](  JaVaScRiPt:alert(2)) [c](<java\tscript:alert(3)>) [d](&#106;avascript:alert(4)) <javascript:alert(5)>\n"
             f"![{payload(f, 'image description', 'markdown')}](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n\n"
             f"[ref link][r]\n\n[r]: vbscript:msgbox(1)\n")


def tests(folder, failing):
    f = f"{folder}/tests/junit.xml"
    r1 = folder == R1
    suite = payload(f, "testsuite name") if r1 else "plain"
    cls = payload(f, "testcase classname") if r1 else "k"
    names = [payload(f, f"testcase {i} name") if r1 else f"t{i}" for i in range(4)]
    cases = [f'<testcase classname={quoteattr(cls)} name={quoteattr(names[0])} time="0.1"/>']
    if r1:
        cases.append(f'<testcase classname="k" name={quoteattr(names[1])} time="0.2">'
                     f'<failure message={quoteattr(payload(f, "failure message"))} type={quoteattr(payload(f, "failure type"))}>'
                     f'{escape(payload(f, "failure text (trace)"))}</failure>'
                     f'<system-out>{escape(payload(f, "system-out"))}</system-out>'
                     f'<system-err>{escape(payload(f, "system-err"))}</system-err></testcase>')
        cases.append(f'<testcase classname="k" name={quoteattr(names[2])} time="0.3">'
                     f'<skipped message={quoteattr(payload(f, "skipped message", "hidden", "the theme lists no skip reasons"))}/></testcase>')
        cases.append(f'<testcase classname="k" name={quoteattr(names[3])} time="0.4">'
                     f'<flakyFailure message={quoteattr(payload(f, "flakyFailure message", "hidden", "the theme shows flaky tests by name only"))}/></testcase>')
    else:
        cases += [f'<testcase classname="k" name="t{i}"/>' for i in range(1, 4)]
    write(f, '<?xml version="1.0" encoding="UTF-8"?>\n'
             f'<testsuite name={quoteattr(suite)} tests="{len(cases)}">\n'
             '<properties><property name="ci" value=' + quoteattr(payload(f, "property value", "hidden", "properties are kept, not shown") if r1 else "1") + '/></properties>\n'
             + "\n".join(cases) + "\n</testsuite>\n")
    if r1:
        g = f"{folder}/tests/runner.json"
        write(g, json.dumps({"suite": payload(g, "suite"), "test_results": [
            {"test_name": payload(g, "test_name"), "status": "FAIL", "duration": 0.5,
             "description": payload(g, "description", "hidden", "the theme does not print test descriptions"),
             "traceback": "Traceback (most recent call last):\n  File x\nAssertionError: " + payload(g, "traceback last line (message)")},
            {"test_name": "passes", "status": "PASS", "duration": 0.1},
        ]}, ensure_ascii=False, indent=1) + "\n")


def baseline():
    f = f"{R1}/baseline.json"
    job_type = payload(f, "job_type")
    records = []
    for i in range(6):
        records.append({"timestamp": f"2026-02-0{i + 1}T08:00:00Z", "job_id": payload(f, f"job_id {i}", "hidden", "job ids are not listed") if i == 0 else f"job-{i}",
                        "job_type": job_type if i < 4 else "small", "iterations": 50, "trials": 2,
                        "country": payload(f, "country", "hidden", "countries are not shown") if i == 0 else "fr",
                        "duration_minutes": 30 + i, "cpu_hours": 1.2, "memory_gb_hours": 7.5, "cost_estimate": 0.15,
                        "success": i != 5, "error_message": payload(f, "error_message", "hidden", "baseline errors are counted, not listed") if i == 5 else None})
    write(f, json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    return job_type


def performance(job_type):
    f = f"{R1}/performance.json"
    name = payload(f, "tests[].name / results[].test_name")
    failing = payload(f, "failing test_name")
    write(f, json.dumps({
        "tests": [{"name": name, "job_type": job_type, "iterations": 50, "trials": 2, "expected_duration_min": 15, "parallel_jobs": 1}],
        "results": [
            {"test_name": name, "success": True, "duration_minutes": 15.2, "throughput_jobs_per_hour": 3.9,
             "resource_efficiency": 0.98, "cost_estimate": 0.1, "error_message": None},
            {"test_name": failing, "success": False, "duration_minutes": 0, "throughput_jobs_per_hour": 0,
             "resource_efficiency": 0, "cost_estimate": 0, "error_message": payload(f, "error_message")},
        ],
        "comparisons": [{"operation": payload(f, "comparisons[].operation"), "old_duration": 42.8, "new_duration": 30.4,
                         "old_memory_mb": 812, "new_memory_mb": 666}],
    }, ensure_ascii=False, indent=1) + "\n")


def rollout():
    f = f"{R1}/rollout.yaml"
    component = payload(f, "component name")
    canary, full = payload(f, "stage name (canary)"), payload(f, "stage name (full)")
    write(f, "metrics: metrics.csv\n"
             "components:\n"
             f"  - name: {y(component)}\n"
             "    baseline_latency_p99_ms: 300\n"
             "    stages:\n"
             f"      - {{ name: {y(canary)}, traffic_percent: 10, start: 2026-03-01T08:00:00Z, end: 2026-03-02T08:00:00Z, requests: 1000, errors: 2, latency_p99_ms: 290 }}\n"
             f"      - {{ name: {y(full)}, traffic_percent: 100, start: 2026-03-02T08:00:00Z, end: 2026-03-03T08:00:00Z, requests: 5000, errors: 400, latency_p99_ms: 500 }}\n"
             "    events:\n"
             f"      - {{ type: advance, at: 2026-03-02T08:00:00Z, stage: {y(full)}, reason: {y(payload(f, 'advance reason', 'hidden', 'the theme lists rollback events only'))} }}\n"
             f"      - {{ type: rollback, at: 2026-03-03T08:00:00Z, stage: {y(canary)}, reason: {y(payload(f, 'rollback reason'))} }}\n")
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["timestamp", "traffic_percent", "error_rate", "latency_p99_ms", "component"])
    for i, (t, p) in enumerate([("2026-03-01T08:00:00Z", 10), ("2026-03-02T08:00:00Z", 100), ("2026-03-03T08:00:00Z", 10)]):
        w.writerow([t, p, 0.01 * (i + 1), 290 + 50 * i, component])
    write(f"{R1}/metrics.csv", out.getvalue())


def incidents():
    f = f"{R1}/incidents/inc.md"
    write(f, "---\n"
             f"id: {y(payload(f, 'id'))}\n"
             f"title: {y(payload(f, 'title'))}\n"
             "severity: SEV2\nstatus: mitigated\n"
             "started: 2026-03-02T09:05:00Z\ndetected: 2026-03-02T09:22:00Z\nmitigated: 2026-03-02T09:40:00Z\n"
             f"components: [{y(payload(f, 'components[0]'))}]\n"
             "rollback_triggered: true\n"
             "action_items:\n"
             f"  - {{ title: {y(payload(f, 'action_items[0].title'))}, owner: {y(payload(f, 'action_items[0].owner'))}, due: 2026-03-09 }}\n"
             "---\n"
             f"# Summary {payload(f, 'body first heading', 'hidden', 'a postmortem drops its leading # heading (nested Markdown)')}\n\n"
             f"{payload(f, 'body paragraph', 'markdown')}\n\n"
             f"## {payload(f, 'body heading', 'markdown')}\n\n"
             f"[runbook {payload(f, 'body link text', 'markdown')}](javascript:alert(1))\n")


def experiments():
    f = f"{R1}/experiments.json"
    metric = payload(f, "metrics[].name")
    field = payload(f, "metrics[].field", "hidden", "a metric is shown by its name")
    records = []
    for i in range(60):
        for variant in ("control", "treatment"):
            records.append({"variant": variant, field: 10 + (i % 7) + (2 if variant == "treatment" else 0),
                            "processing_accuracy": (i % 10) != 0})
    name = payload(f, "name", "hidden", "not in the experiment figures, so no template can show it (reported as a gap)")
    write(f, json.dumps({"name": name, "metrics": [
        {"name": "processing_accuracy"},
        {"name": metric, "field": field, "kind": "continuous", "better": "higher"},
    ], "records": records}, ensure_ascii=False) + "\n")


def checklist():
    f = f"{R1}/checklist.md"
    write(f, f"# Checklist\n\n## {payload(f, 'section heading', 'markdown')}\n\n"
             f"- [x] {payload(f, 'done item', 'markdown')}\n"
             f"- [ ] {payload(f, 'open item', 'markdown')}\n"
             f"- [ ] [item link {payload(f, 'item link text', 'markdown')}](javascript:alert(1))\n")


def signoffs():
    f = f"{R1}/signoffs.yaml"
    role = payload(f, "role (in required)")
    write(f, f"required: [{y(role)}, qa]\n"
             "signoffs:\n"
             f"  - {{ role: {y(role)}, approver: {y(payload(f, 'approver'))}, decision: approved, date: 2026-03-05, comment: {y(payload(f, 'comment'))} }}\n"
             f"  - {{ role: qa, approver: \"QA\", decision: rejected, date: 2026-03-05, comment: {y(payload(f, 'rejection comment'))} }}\n")


def main():
    site()
    release_yaml(R0, "hostile-product", "1.0")
    tests(R0, failing=[])
    release_yaml(R1, "hostile-product", None)
    notes()
    tests(R1, failing=[1])
    performance(baseline())
    rollout()
    incidents()
    experiments()
    checklist()
    signoffs()
    write("manifest.json", json.dumps({"fields": manifest}, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
