#!/usr/bin/env python3
"""Fuzzing harness for Flightdeck: mutates every data kind's files and the theme's templates, builds each mutant
with the debug `flightdeck build`, and fails on a crash, a hang, an exit code other than 0/1, or an error
message without a file:line:column location.

Deterministic: case N of a run with --seed S is always the same mutant. Python 3 only, no packages.

    scripts/fuzz/run.py                  # the smoke set `make test` runs (300 mutants and the hostile inputs at 1/4 size)
    scripts/fuzz/run.py --cases 5000 --binary .build/release/flightdeck
                                         # the longer run of `make fuzz` (hostile inputs at full size)
    scripts/fuzz/run.py --replay         # only the kept regression cases (Tests/FlightdeckTests/Fixtures/fuzz/)

A failing case is written to Tests/FlightdeckTests/Fixtures/fuzz/<name>/ (its target path in `target`, its bytes
in `data`, why it failed in `reason`): keep it there as a regression fixture; FuzzRegressionTests replays them.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "FlightdeckTests", "Fixtures")
KEPT = os.path.join(FIXTURES, "fuzz")
RELEASE = "content/releases/1.0"
LOCATED = re.compile(r"^\S.*:\d+:\d+: (error|warning|note): ")

# Reader fixture folders → where a file of theirs goes in a release (by extension when a kind takes several).
FIXTURE_TARGETS = {
    "baseline": {"json": "baseline.json", "csv": "baseline.csv"},
    "performance": {"json": "performance.json", "csv": "performance.csv"},
    "experiments": {"json": "experiments.json", "csv": "experiments.csv"},
    "incidents": {"md": "incidents/fuzz.md", "json": "incidents/fuzz.json"},
    "pagerduty-incidents": {"json": "incidents/fuzz.json"},
    "opsgenie-alerts": {"json": "incidents/fuzz.json"},
    "rollout": {"yaml": "rollout.yaml", "csv": "rollout-metrics.csv", "json": "rollout_state.json"},
    "junit": {"xml": "tests/fuzz.xml"},
    "trx": {"trx": "tests/fuzz.trx"},
    "nunit3-xml": {"xml": "tests/fuzz.xml"},
    "tests-json": {"json": "tests/fuzz.json"},
}
MAX_SEED_BYTES = 256 << 10

# Tokens each format gives meaning to, inserted at random places.
TOKENS = [b"{", b"}", b"[", b"]", b'"', b"\\", b",", b":", b"\n", b"\r", b"\r\n", b"\t", b"\x00", b"\x01", b"\x7f",
          b"\xff", b"\xc3", b"&a ", b"*a", b"<<: *a", b"- ", b"---\n", b"<", b">", b"</", b"<![CDATA[", b"&#0;", b"&amp",
          b"{{", b"}}", b"{%", b"%}", b"{#", b"{% if x %}", b"{% for x in y %}", b"{% endfor %}", b"{% endif %}",
          b"{{ x | url }}", b"{% include 'x' %}", b"{% extends 'base.html' %}", b"{% block b %}", b"{% macro m() %}",
          b"[ ]", b"- [x] ", b"```", b"|", b"<script>", b"javascript:", b"1e999", b"-0", b"NaN", b"9" * 40,
          b"2026-13-45", b"2026-03-02T14:05:00Z", b"\xef\xbb\xbf"]


def seeds():
    """Every seed file: (kind, target path in the site, bytes)."""
    found = []
    content = os.path.join(ROOT, "content", "releases")
    for release in sorted(os.listdir(content)):
        base = os.path.join(content, release)
        for folder, _, files in sorted(os.walk(base)):
            for name in sorted(files):
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, base)
                if relative.startswith("signoffs.evidence") or os.path.getsize(path) > MAX_SEED_BYTES:
                    continue
                found.append((relative.split("/")[0].split(".")[0], f"{RELEASE}/{relative}", read(path)))
    ingest = os.path.join(FIXTURES, "ingest")
    for kind, targets in sorted(FIXTURE_TARGETS.items()):
        for folder, _, files in sorted(os.walk(os.path.join(ingest, kind))):
            for name in sorted(files):
                extension = name.rsplit(".", 1)[-1].lower()
                path = os.path.join(folder, name)
                if extension in targets and os.path.getsize(path) <= MAX_SEED_BYTES and not name.startswith("expected"):
                    found.append((kind, f"{RELEASE}/{targets[extension]}", read(path)))
    templates = os.path.join(ROOT, "templates")
    for folder, _, files in sorted(os.walk(templates)):
        for name in sorted(files):
            if name.endswith(".html"):
                path = os.path.join(folder, name)
                found.append(("template", os.path.relpath(path, ROOT), read(path)))
    for page in ("content/index.md", "flightdeck.yaml"):
        found.append((page.split("/")[-1].split(".")[0], page, read(os.path.join(ROOT, page))))
    return found


def read(path):
    with open(path, "rb") as f:
        return f.read()


def mutate(data, rng):
    """One to four random edits: flips, inserted tokens, deletions, repeats, truncation, or growth."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(8)
        at = rng.randrange(len(data) + 1)
        if op == 0 and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif op in (1, 2):
            data[at:at] = rng.choice(TOKENS)
        elif op == 3 and data:
            end = min(len(data), at + rng.randint(1, 64))
            del data[at:end]
        elif op == 4 and data:
            start = rng.randrange(len(data))
            piece = data[start:start + rng.randint(1, 200)]
            data[at:at] = piece * rng.randint(2, 200)
        elif op == 5:
            del data[at:]
        elif op == 6:
            data[at:at] = rng.choice(TOKENS) * rng.randint(50, 5000)
        else:
            lines = bytes(data).split(b"\n")
            k = rng.randrange(len(lines))
            lines[k:k] = [lines[k]] * rng.randint(2, 2000)
            data = bytearray(b"\n".join(lines))
    return bytes(data)


def laughs(levels, key=""):
    """A "billion laughs" YAML document: each anchor a list of nine aliases of the one before."""
    text = key + "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, levels + 1):
        text += f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]\n"
    return text.encode()


def hostile(scale=1.0):
    """The large and hostile inputs issue #17 lists, built the same way every run: (name, target, bytes).

    `scale` sizes the inputs whose cost is their length (records, rows, carriage returns): the smoke set, built
    with the slow debug binary, takes a quarter; `make fuzz` takes them whole with the release binary."""
    def n(count):
        return max(1, int(count * scale))
    records = b"[" + b",".join([b"{}"] * n(100_000)) + b"]"
    return [
        ("laughs-release", f"{RELEASE}/release.yaml", b"title: x\ndate: 2026-01-02\n" + laughs(12, "extra:\n  ").replace(b"\na", b"\n  a")),
        ("laughs-signoffs", f"{RELEASE}/signoffs.yaml", laughs(12)),
        ("laughs-rollout", f"{RELEASE}/rollout.yaml", laughs(12)),
        ("laughs-incident", f"{RELEASE}/incidents/i.md", b"---\n" + laughs(12) + b"---\n# Incident\n"),
        ("empty-records-baseline", f"{RELEASE}/baseline.json", records),
        ("empty-records-tests", f"{RELEASE}/tests/t.json", records),
        ("empty-records-performance", f"{RELEASE}/performance.json", b'{"results": ' + records + b"}"),
        ("string-5mb", f"{RELEASE}/performance.json", b'{"results": [], "x": "' + b"a" * (5 << 20) + b'"}'),
        ("unknown-key-5mb", f"{RELEASE}/baseline.json", b'[{"job_id": "a", "' + b"k" * (5 << 20) + b'": 1}]'),
        ("deep-json", f"{RELEASE}/baseline.json", b"[" * 100_000),
        ("csv-10000-columns", f"{RELEASE}/experiments.csv",
         ",".join(["request_id", "test_variant"] + [f"c{k}" for k in range(9_998)]).encode() + b"\n" + b"1,A" + b",1" * 9_998 + b"\n"),
        ("csv-only-cr", f"{RELEASE}/performance.csv", b"\r" * n(1_000_000)),
        ("csv-100000-rows", f"{RELEASE}/performance.csv",
         b"operation,old_duration,new_duration\n" + b"".join(b"op%d,1.5,1.2\n" % k for k in range(n(100_000)))),
        ("markdown-50mb", f"{RELEASE}/notes.md", b"# Notes\n" + b"text " * (10 << 20)),
        ("yaml-control-character", f"{RELEASE}/signoffs.yaml", b"required:\n  - qa\n  - a\x01b\n"),
    ]


def make_site(folder, target, data):
    """A one-release site with the mutant at `target` (a template goes in the site's own templates/)."""
    os.makedirs(os.path.join(folder, RELEASE))
    with open(os.path.join(folder, "flightdeck.yaml"), "w") as f:
        f.write("title: Fuzz\n")
    with open(os.path.join(folder, RELEASE, "release.yaml"), "w") as f:
        f.write("title: Fuzz release\ndate: 2026-01-02\n")
    path = os.path.join(folder, target)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


EXITS = {}


def judge(binary, target, data, limit):
    """None when the build behaved, else why not."""
    with tempfile.TemporaryDirectory(prefix="flightdeck-fuzz-") as folder:
        make_site(folder, target, data)
        try:
            result = subprocess.run([binary, "build", "--quiet", "--no-cache", "--source", folder],
                                    capture_output=True, timeout=limit, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return f"hang: no exit within {limit} s"
    EXITS[result.returncode] = EXITS.get(result.returncode, 0) + 1
    if result.returncode < 0:
        return f"crash: signal {-result.returncode}"
    if result.returncode not in (0, 1):
        return f"exit code {result.returncode}: {result.stderr.decode(errors='replace')[-500:]}"
    if result.returncode == 1:
        lines = result.stderr.decode(errors="replace").splitlines()
        # Source lines under a diagnostic (`12 | text`, `   | ^`) quote the data, which may say anything.
        messages = [line for line in lines if not re.match(r"^\s*\d*\s?\| ", line)]
        unlocated = [line for line in messages if re.search(r"\b(error|warning): ", line) and not LOCATED.match(line)
                     and not re.match(r"^(\d+ errors?|error: build failed|error: \d+ errors?)", line)]
        if unlocated:
            return f"error without a location: {unlocated[0][:300]}"
        if not any(LOCATED.match(line) and ": error: " in line for line in lines):
            return "exit 1 without a located error: " + " | ".join(lines[:5])[:300]
    return None


def keep(name, target, data, reason):
    folder = os.path.join(KEPT, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "target"), "w") as f:
        f.write(target + "\n")
    with open(os.path.join(folder, "data"), "wb") as f:
        f.write(data)
    with open(os.path.join(folder, "reason"), "w") as f:
        f.write(reason + "\n")


def kept_cases():
    if not os.path.isdir(KEPT):
        return []
    cases = []
    for name in sorted(os.listdir(KEPT)):
        folder = os.path.join(KEPT, name)
        if os.path.isfile(os.path.join(folder, "target")):
            cases.append((name, read(os.path.join(folder, "target")).decode().strip(), read(os.path.join(folder, "data"))))
    return cases


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=300, help="how many mutants (default 300, the smoke set)")
    parser.add_argument("--seed", type=int, default=17, help="the run's seed (default 17)")
    parser.add_argument("--timeout", type=float, default=20, help="seconds a build may take (default 20)")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "flightdeck"))
    parser.add_argument("--scale", type=float, default=None,
                        help="size of the long hostile inputs (records, rows): 0.25 for the smoke set, else 1")
    parser.add_argument("--replay", action="store_true", help="run only the kept regression cases")
    parser.add_argument("--keep", action="store_true", help="write failing cases to Tests/FlightdeckTests/Fixtures/fuzz/")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"fuzz: {args.binary} not found; run `swift build --product flightdeck` first")

    started = time.monotonic()
    failures = 0
    cases = [(name, target, data) for name, target, data in kept_cases()]
    if not args.replay:
        cases += hostile(args.scale if args.scale is not None else (0.25 if args.cases <= 300 else 1.0))
        pool = seeds()
        for number in range(args.cases):
            rng = random.Random(args.seed * 1_000_003 + number)
            kind, target, data = pool[rng.randrange(len(pool))]
            cases.append((f"{kind}-s{args.seed}-c{number}", target, mutate(data, rng)))
    slowest = 0.0
    for name, target, data in cases:
        began = time.monotonic()
        reason = judge(args.binary, target, data, args.timeout)
        slowest = max(slowest, time.monotonic() - began)
        if reason:
            failures += 1
            print(f"FAIL {name} ({target}, {len(data)} bytes): {reason}", flush=True)
            if args.keep:
                keep(name, target, data, reason)
    print(f"fuzz: {len(cases)} cases, {failures} failures (crash, hang, exit code or unlocated error), "
          f"exit codes {dict(sorted(EXITS.items()))}, slowest {slowest:.1f} s, {time.monotonic() - started:.0f} s in all")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
