#!/usr/bin/env python3
"""Writes expected.json: the counts of every NUnit 3 result file in this folder, by the rules of docs/formats/tests.md.

The oracle for Flightdeck's NUnit 3 reader, independent of it (Python's ElementTree):

- every <test-case> element is one test;
- result Passed or Warning → passed; Failed → errors when its label is Error, Cancelled, Invalid or a timeout
  ("Test exceeded Timeout value…"), else failed; Skipped or Inconclusive → skipped;
- `declared` is what <test-run> says (NUnit's own totals: its `failed` counts errors too), for comparison with
  `by_result`, the cases counted by their NUnit result.

Run from anywhere: python3 Tests/FlightdeckTests/Fixtures/ingest/nunit3-xml/expected.py
"""
import json
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ERROR_LABELS = {"Error", "Cancelled", "Invalid"}


def outcome(case):
    result, label = case.get("result"), case.get("label") or ""
    if result in ("Passed", "Warning"):
        return "passed"
    if result in ("Skipped", "Inconclusive"):
        return "skipped"
    if label in ERROR_LABELS or label.startswith("Test exceeded Timeout"):
        return "errors"
    return "failed"


def counts(path):
    root = ET.parse(path).getroot()
    assert root.tag == "test-run", path
    result = {"tests": 0, "passed": 0, "failed": 0, "errors": 0, "skipped": 0, "seconds": 0.0}
    by_result = {}
    for case in root.iter("test-case"):
        result["tests"] += 1
        result[outcome(case)] += 1
        by_result[case.get("result")] = by_result.get(case.get("result"), 0) + 1
        seconds = case.get("duration", case.get("time"))  # NUnit 3.0 wrote `time`, later versions `duration`
        if seconds:
            result["seconds"] += float(seconds)
    result["seconds"] = round(result["seconds"], 6)
    result["declared"] = {k: int(root.get(k)) for k in ("total", "passed", "failed", "inconclusive", "skipped") if root.get(k)}
    result["by_result"] = by_result
    return result


def main():
    files = sorted(HERE.glob("*.xml"))
    expected = {p.name: counts(p) for p in files}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n")
    print(f"wrote expected.json for {len(expected)} files")


if __name__ == "__main__":
    main()
