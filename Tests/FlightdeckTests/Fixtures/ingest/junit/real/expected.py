#!/usr/bin/env python3
"""Writes expected.json: the counts of every JUnit file in this folder, by the rules of docs/formats/tests.md.

The oracle for Flightdeck's JUnit reader, independent of it (Python's ElementTree):

- every <testcase> element is one test, wherever it sits;
- its outcome comes from its direct children: <failure> → failed, else <error> → error,
  else <skipped> → skipped, else passed;
- two attributes the runners themselves count as "did not run" also make it skipped when no child says
  otherwise: CTest/googletest/tst `status="disabled"` or `status="notrun"`, and Eclipse `ignored="true"`;
- a passed test with a Surefire rerun marker child (<flakyFailure>, <flakyError>, <rerunFailure>,
  <rerunError>) is also flaky; flaky tests are counted in passed.

Run from anywhere: python3 Tests/FlightdeckTests/Fixtures/ingest/junit/real/expected.py
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
RERUN_MARKERS = {"flakyFailure", "flakyError", "rerunFailure", "rerunError"}
# XML 1.0 forbids these; ElementTree (expat) rejects them, Flightdeck reads them with a warning.
FORBIDDEN_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
FORBIDDEN_REFS = re.compile(rb"&#(?:x0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]));")


def outcome(case):
    tags = {child.tag for child in case}
    if "failure" in tags:
        return "failed"
    if "error" in tags:
        return "errors"
    if "skipped" in tags:
        return "skipped"
    if case.get("status") in ("disabled", "notrun") or case.get("ignored") == "true":
        return "skipped"
    return "passed"


def counts(path):
    data = path.read_bytes()
    if FORBIDDEN_BYTES.search(data) or FORBIDDEN_REFS.search(data):
        # Handled explicitly: the characters are replaced by a space so that ElementTree can read the file.
        print(f"{path.relative_to(HERE)}: forbidden control characters replaced for ElementTree", file=sys.stderr)
        data = FORBIDDEN_REFS.sub(b" ", FORBIDDEN_BYTES.sub(b" ", data))
    root = ET.fromstring(data)
    result = {"tests": 0, "passed": 0, "failed": 0, "errors": 0, "skipped": 0, "flaky": 0}
    for case in root.iter("testcase"):
        result["tests"] += 1
        kind = outcome(case)
        result[kind] += 1
        if kind == "passed" and any(child.tag in RERUN_MARKERS for child in case):
            result["flaky"] += 1
    return result


def main():
    files = sorted(p for p in HERE.rglob("*.xml"))
    expected = {str(p.relative_to(HERE)): counts(p) for p in files}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n")
    print(f"wrote expected.json for {len(expected)} files")


if __name__ == "__main__":
    main()
