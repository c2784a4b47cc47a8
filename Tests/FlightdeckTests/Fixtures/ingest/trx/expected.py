#!/usr/bin/env python3
"""Writes expected.json: the counts of every TRX file in this folder, by the rules of docs/formats/tests.md.

The oracle for Flightdeck's TRX reader, independent of it (Python's ElementTree):

- every element directly under <TestRun>/<Results> with an `outcome` is one test (MSTest's InnerResults are not);
- its outcome maps to Flightdeck's four: Passed, PassedButRunAborted, Warning, Completed → passed; Failed → failed;
  Error, Timeout, Aborted, Disconnected → errors; NotExecuted, NotRunnable, Inconclusive, Pending, InProgress → skipped;
- `declared` is ResultSummary/Counters as the tool wrote it, for comparison.

Run from anywhere: python3 Tests/FlightdeckTests/Fixtures/ingest/trx/expected.py
"""
import json
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
OUTCOMES = {
    "Passed": "passed", "PassedButRunAborted": "passed", "Warning": "passed", "Completed": "passed",
    "Failed": "failed",
    "Error": "errors", "Timeout": "errors", "Aborted": "errors", "Disconnected": "errors",
    "NotExecuted": "skipped", "NotRunnable": "skipped", "Inconclusive": "skipped", "Pending": "skipped", "InProgress": "skipped",
}


def counts(path):
    root = ET.parse(path).getroot()
    result = {"tests": 0, "passed": 0, "failed": 0, "errors": 0, "skipped": 0, "seconds": 0.0}
    for results in root.findall(f"{NS}Results"):
        for item in results:
            if item.get("outcome") is None:
                continue
            result["tests"] += 1
            result[OUTCOMES[item.get("outcome")]] += 1
            duration = item.get("duration")
            if duration:
                h, m, s = duration.split(":")
                result["seconds"] += int(h) * 3600 + int(m) * 60 + float(s)
    result["seconds"] = round(result["seconds"], 6)
    counters = root.find(f"{NS}ResultSummary/{NS}Counters")
    result["declared_total"] = int(counters.get("total")) if counters is not None else None
    return result


def main():
    files = sorted(HERE.glob("*.trx"))
    expected = {p.name: counts(p) for p in files}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n")
    print(f"wrote expected.json for {len(expected)} files")


if __name__ == "__main__":
    main()
