#!/usr/bin/env python3
"""Peak memory of `flightdeck build` and `flightdeck check` against the size of the largest accepted file of
each kind (issue #17: at most 3x the input), and the largest page each build writes (under 20 MB).

Each case is a one-release site holding one large file, generated here with a fixed seed, just under the size
limit of its kind (docs/formats.md, "Limits") unless --scale says otherwise. The peak is the process's maximum
resident set size from wait4 (what `/usr/bin/time -f %M` prints). The binary's own fixed cost is measured on the
same site without the large file and printed beside it.

    Benchmarks/peak_memory.py [--binary .build/release/flightdeck] [--scale 1.0] [--only NAME ...]
                              [--commands check,build,build-cached]
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELEASE = "content/releases/1.0"
MIB = 1 << 20
# The limits of Sources/Flightdeck/Ingest/InputLimits.swift.
LIMITS = {"md": 4 * MIB, "yaml": 16 * MIB, "json": 64 * MIB, "csv": 128 * MIB, "xml": 512 * MIB}


def fill(size, header, record):
    """`header`, then `record(k)` for k = 0, 1, ... while the whole stays under `size` bytes."""
    parts, total, k = [header], len(header), 0
    while True:
        item = record(k)
        if total + len(item) + 8 > size:
            return parts
        parts.append(item)
        total += len(item)
        k += 1


def baseline_json(size):
    rng = random.Random(1)
    def record(k):
        return (b'%s{"timestamp": "2026-02-02T08:%02d:%02d.245226+00:00", "job_id": "baseline-%d-%s", "job_type": "%s",'
                b' "iterations": %d, "trials": %d, "country": "%s", "duration_minutes": %.4f, "cpu_hours": %.2f,'
                b' "memory_gb_hours": %.2f, "cost_estimate": %.3f, "success": true, "error_message": null}'
                % (b"," if k else b"", k // 60 % 60, k % 60, k, rng.choice([b"fr", b"de", b"us"]),
                   rng.choice([b"small", b"medium", b"large"]), rng.randint(10, 300), rng.randint(1, 6),
                   rng.choice([b"fr", b"de", b"us"]), rng.uniform(5, 60), rng.uniform(0.1, 4), rng.uniform(1, 20),
                   rng.uniform(0.01, 1)))
    return b"".join(fill(size - 2, b"[", record)) + b"]\n"


def baseline_csv(size):
    rng = random.Random(2)
    header = b"timestamp,job_id,job_type,iterations,trials,country,duration_minutes,cpu_hours,memory_gb_hours,cost_estimate,success,error_message\n"
    def record(k):
        return (b"2026-02-02T08:%02d:%02d+00:00,baseline-%d,%s,%d,%d,%s,%.4f,%.2f,%.2f,%.3f,true,\n"
                % (k // 60 % 60, k % 60, k, rng.choice([b"small", b"medium", b"large"]), rng.randint(10, 300),
                   rng.randint(1, 6), rng.choice([b"fr", b"de", b"us"]), rng.uniform(5, 60), rng.uniform(0.1, 4),
                   rng.uniform(1, 20), rng.uniform(0.01, 1)))
    return b"".join(fill(size, header, record))


def tests_json(size):
    rng = random.Random(3)
    def record(k):
        return (b'%s{"test_name": "test_%07d_case", "status": "%s", "duration": %.3f, "description": "Checks case %d"}'
                % (b"," if k else b"", k, b"PASS" if rng.random() < 0.98 else b"FAIL", rng.uniform(0.01, 2), k))
    return b"".join(fill(size - 2, b"[", record)) + b"]\n"


def performance_csv(size):
    rng = random.Random(4)
    def record(k):
        return b"operation_%d,%.2f,%.2f,%d,%d\n" % (k, rng.uniform(10, 50), rng.uniform(10, 50), rng.randint(100, 2000),
                                                   rng.randint(100, 2000))
    return b"".join(fill(size, b"operation,old_duration,new_duration,old_memory_mb,new_memory_mb\n", record))


def experiments_csv(size):
    rng = random.Random(5)
    header = (b"timestamp,request_id,test_variant,processing_method,processing_time_seconds,pdf_size_mb,pdf_page_count,"
              b"pdf_complexity_score,line_items_extracted,processing_successful,timeout_occurred,vendor_detected,"
              b"fallback_used,processing_accuracy,cost_per_invoice\n")
    def record(k):
        variant = rng.choice([b"control", b"treatment"])
        return (b"%.3f,inv-%07d,%s,%s,%.3f,%.2f,%d,%.3f,%d,true,false,%s,false,true,%.5f\n"
                % (1788220875.658 + k, k, variant, b"gemini" if variant == b"treatment" else b"document_ai",
                   rng.uniform(5, 60), rng.uniform(0.1, 3), rng.randint(1, 9), rng.random(), rng.randint(1, 40),
                   rng.choice([b"Delta Freight", b"Bolt Foods", b"Acme"]), rng.uniform(0.001, 0.1)))
    return b"".join(fill(size, header, record))


def rollout_metrics_csv(size):
    rng = random.Random(6)
    def record(k):
        minute = k // 2
        return (b"2026-05-%02dT%02d:%02d:00Z,%s,%d,%.4f,%d\n"
                % (12 + minute // 1440 % 15, minute // 60 % 24, minute % 60, b"storage" if k % 2 else b"registration",
                   min(100, 25 * (1 + k * 4 // 1_000_000)), rng.uniform(0, 0.004), rng.randint(200, 480)))
    return b"".join(fill(size, b"timestamp,component,traffic_percent,error_rate,latency_p99_ms\n", record))


def repeated(head, part, size):
    """`head`, then `part` as many times as fit in `size` bytes."""
    return head + part * ((size - len(head)) // len(part))


def release_yaml(size):
    line = b"  The cutover moves every warehouse query to the new engine, stage by stage, with a rollback at each.\n"
    return repeated(b"title: Large release\ndate: 2026-01-02\nsummary: >\n", line, size)


def notes_md(size):
    section = (b"## Changes\n\nThe trainer now warms its containers before the first job, and *every* stage is "
               b"[documented](https://example.com/docs). See `flightdeck build`.\n\n- one item\n- another item\n\n")
    return repeated(b"# Notes\n\n", section, size)


def notes_code_md(size):
    """Notes whose code samples hold `]:` (a Python return type), which the piece scan once took for a definition."""
    section = (b"## Loader\n\nThe loader now returns counts by [name](https://example.com/docs):\n\n"
               b"```python\ndef load(path: str) -> dict[str, int]:\n    return {}\n```\n\n")
    return repeated(b"# Notes\n\n", section, size)


def notes_inline_md(size):
    """Notes whose inline code holds `]:` (a typed key), which the piece scan once took for a definition."""
    section = (b"## Loader\n\nThe loader returns `counts[name]: int` by [name](https://example.com/docs).\n\n"
               b"- one item\n- another item\n\n")
    return repeated(b"# Notes\n\n", section, size)


def notes_links_md(size):
    """Notes whose paragraphs start with a link (`[#123](url) fixed …`), which the piece scan once took for definitions."""
    section = (b"## Loader\n\n[#123](https://example.com/pr/123) The loader returns counts by name.\n\n"
               b"- one item\n- another item\n\n")
    return repeated(b"# Notes\n\n", section, size)


def notes_nested_definitions_md(size):
    """Notes with link reference definitions in list items and block quotes, which were once parsed whole."""
    section = (b"## Loader\n\nSee [the guide][guide] and the [notes].\n\n- The loader returns counts by name.\n\n"
               b"  [notes]: https://example.com/notes\n\n> [guide]: https://example.com/guide \"Guide\"\n\n")
    return repeated(b"# Notes\n\n", section, size)


def notes_definition_text_md(size):
    """Notes whose paragraphs start with a definition and go on with text, which were once parsed whole."""
    section = (b"## Loader\n\n[guide]: https://example.com/guide\nThe loader returns counts by name, as the [guide] says.\n\n"
               b"- one item\n- another item\n\n")
    return repeated(b"# Notes\n\n", section, size)


def changelog_md(size):
    """A changelog whose every entry links its pull request through a definition of its own: tens of thousands."""
    def record(k):
        return (b"## 1.%d.0\n\n- The loader returns counts by name ([#%d]).\n- Fixed a crash on empty input.\n\n"
                b"[#%d]: https://github.com/example/project/pull/%d\n\n" % (k, k, k, k))
    return b"".join(fill(size, b"# Changelog\n\n", record))


def checklist_md(size):
    section = (b"## Stage\n\n- [x] The canary ran for its *full* window on [the dashboard](https://example.com/d)\n"
               b"- [ ] Rollback rehearsed on staging\n\n")
    return repeated(b"# Readiness checklist\n\n", section, size)


def postmortem_md(size):
    head = (b"---\nid: INC-1\ntitle: Large postmortem\nseverity: SEV3\nstatus: resolved\n"
            b"started: 2026-01-01T00:00:00Z\nresolved: 2026-01-01T02:00:00Z\n---\n")
    return head + notes_md(size - len(head))


def signoffs_yaml(size):
    def record(k):
        return (b'  - { role: role-%d, approver: "Priya Raman", decision: approved, date: 2026-03-05, '
                b'comment: "Suite at 100%%, outputs identical." }\n' % k)
    return b"".join(fill(size, b"signoffs:\n", record))


def junit_failing(size):
    """An all-failing JUnit file: each case has a 600-line trace (issue #17's 196 MiB case)."""
    trace = b"".join(b"    at com.example.Module%d.method(Module.java:%d)\n" % (k, k) for k in range(600))
    def record(k):
        return (b'<testcase classname="com.example.Suite" name="test_%d" time="0.1"><failure message="boom %d" '
                b'type="AssertionError">%s</failure></testcase>\n' % (k, k, trace))
    parts = fill(size - 40, b'<?xml version="1.0"?>\n<testsuite name="big">\n', record)
    return b"".join(parts) + b"</testsuite>\n"


def junit_many_failures(size):
    """An all-failing JUnit file of short failures: as many failing tests as fit (the page-size worst case)."""
    def record(k):
        return (b'<testcase classname="com.example.Suite%d" name="test_%d" time="0.1"><failure message="boom %d" '
                b'type="AssertionError">at x</failure></testcase>\n' % (k % 50, k, k))
    parts = fill(size - 40, b'<?xml version="1.0"?>\n<testsuite name="big">\n', record)
    return b"".join(parts) + b"</testsuite>\n"


# (name, file in the release folder, generator, limit key)
CASES = [
    ("markdown", "notes.md", notes_md, "md"),
    ("markdown-code", "notes.md", notes_code_md, "md"),
    ("markdown-inline", "notes.md", notes_inline_md, "md"),
    ("markdown-links", "notes.md", notes_links_md, "md"),
    ("markdown-nested-definitions", "notes.md", notes_nested_definitions_md, "md"),
    ("markdown-definition-text", "notes.md", notes_definition_text_md, "md"),
    ("markdown-changelog", "notes.md", changelog_md, "md"),
    ("yaml-summary", "release.yaml", release_yaml, "yaml"),
    ("checklist", "checklist.md", checklist_md, "md"),
    ("postmortem", "incidents/INC-1.md", postmortem_md, "md"),
    ("signoffs-yaml", "signoffs.yaml", signoffs_yaml, "yaml"),
    ("baseline-json", "baseline.json", baseline_json, "json"),
    ("tests-json", "tests/staging.json", tests_json, "json"),
    ("baseline-csv", "baseline.csv", baseline_csv, "csv"),
    ("performance-csv", "performance.csv", performance_csv, "csv"),
    ("experiments-csv", "experiments.csv", experiments_csv, "csv"),
    ("rollout-metrics-csv", "rollout-metrics.csv", rollout_metrics_csv, "csv"),
    ("junit-failing", "tests/junit.xml", junit_failing, "xml"),
    ("junit-many-failures", "tests/junit.xml", junit_many_failures, "xml"),
]


def make_site(folder, target=None, data=None):
    os.makedirs(os.path.join(folder, RELEASE, "tests"))
    with open(os.path.join(folder, "flightdeck.yaml"), "w") as f:
        f.write("title: Peak memory\n")
    if target != "release.yaml":
        with open(os.path.join(folder, RELEASE, "release.yaml"), "w") as f:
            f.write("title: Large release\ndate: 2026-01-02\n")
    if target == "rollout-metrics.csv":
        with open(os.path.join(folder, RELEASE, "rollout.yaml"), "w") as f:
            f.write("metrics: rollout-metrics.csv\ncomponents:\n" + "".join(
                f"  - name: {c}\n    stages:\n    - name: canary\n      traffic_percent: 25\n"
                f"      start: 2026-05-12T00:00:00Z\n      requests: 1000\n      errors: 1\n"
                for c in ("storage", "registration")))
    if target:
        os.makedirs(os.path.dirname(os.path.join(folder, RELEASE, target)), exist_ok=True)
        with open(os.path.join(folder, RELEASE, target), "wb") as f:
            f.write(data)


def measure(binary, command, folder):
    """Runs the command in a child that reports its own maximum RSS (ru_maxrss of RUSAGE_CHILDREN is per process)."""
    script = ("import resource, subprocess, sys, time\n"
              "t = time.monotonic()\n"
              "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)\n"
              "sys.stderr.buffer.write(r.stderr[-2000:])\n"
              "print(r.returncode, time.monotonic() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    # `build-cached` is `build` with the build cache (a fresh one, in the site's folder), as a default build runs.
    args = [binary, "build" if command == "build-cached" else command, "--quiet", "--source", folder]
    if command in ("build", "build-cached"):
        args += ["--no-cache"] if command == "build" else ["--cache", os.path.join(folder, ".cache")]
        args += ["--output", os.path.join(folder, "public")]
        shutil.rmtree(os.path.join(folder, "public"), ignore_errors=True)
        shutil.rmtree(os.path.join(folder, ".cache"), ignore_errors=True)
    result = subprocess.run([sys.executable, "-c", script] + args, capture_output=True, stdin=subprocess.DEVNULL)
    code, seconds, kib = result.stdout.split()
    return int(code), float(seconds), int(kib) * 1024, result.stderr.decode(errors="replace")


def largest_page(folder):
    """The largest page (HTML, SVG or XML) the build wrote; summary.json, the data export, is left out."""
    largest = (0, "")
    for base, _, files in os.walk(os.path.join(folder, "public")):
        for name in files:
            if not name.endswith((".html", ".svg", ".xml")):
                continue
            path = os.path.join(base, name)
            largest = max(largest, (os.path.getsize(path), os.path.relpath(path, os.path.join(folder, "public"))))
    return largest


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "flightdeck"))
    parser.add_argument("--scale", type=float, default=1.0, help="file size as a fraction of its kind's limit")
    parser.add_argument("--only", nargs="*", help="case names to run")
    parser.add_argument("--commands", default="check,build",
                        help="check, build (without the build cache) and build-cached (with a fresh one), comma-separated")
    args = parser.parse_args()
    commands = args.commands.split(",")
    with tempfile.TemporaryDirectory(prefix="flightdeck-peak-") as scratch:
        empty = os.path.join(scratch, "empty")
        make_site(empty)
        fixed = {}
        for command in commands:
            code, seconds, rss, _ = measure(args.binary, command, empty)
            fixed[command] = rss
            print(f"fixed cost ({command}, a one-release site): {rss / MIB:.0f} MiB, exit {code}")
        print()
        print("Growth is the peak less the fixed cost of the same command, against the input's size.")
        print()
        print("| Case, file | Size | Command | Exit | Time | Peak RSS | × input | Growth × input | Largest page |")
        print("|-|-:|-|-:|-:|-:|-:|-:|-|")
        failed = False
        for name, target, generate, limit in CASES:
            if args.only and name not in args.only:
                continue
            size = int(LIMITS[limit] * args.scale) - 4096
            data = generate(size)
            folder = os.path.join(scratch, name)
            make_site(folder, target, data)
            for command in commands:
                code, seconds, rss, stderr = measure(args.binary, command, folder)
                page = largest_page(folder) if command.startswith("build") else (0, "")
                largest = f"{page[1]}, {page[0] / MIB:.1f} MiB" if page[1] else "—"
                growth = max(rss - fixed[command], 0) / len(data)
                print(f"| {name}, {target} | {len(data) / MIB:.1f} MiB | {command} | {code} | {seconds:.1f} s | "
                      f"{rss / MIB:.0f} MiB | {rss / len(data):.1f}× | {growth:.1f}× | {largest} |", flush=True)
                if code not in (0, 1) or (code == 1 and command == "check"):
                    failed = True
                    print(stderr[-1500:], file=sys.stderr)
            shutil.rmtree(folder)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
