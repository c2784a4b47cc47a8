#!/usr/bin/env python3
"""Writes expected.json: each Opsgenie alerts file's alerts as docs/formats/incidents.md maps them (json module).

- severity: priority P1 → SEV1, P2 → SEV2, P3 → SEV3, P4/P5 → SEV4 (no priority: Opsgenie's default P3 → SEV3);
- status: closed → closed; open and acknowledged → investigating; open → open;
- minutes to acknowledge: report.ackTime / 60000; to resolve (closed only): report.closeTime / 60000, else updatedAt − createdAt.

Run from anywhere: python3 Tests/FlightdeckTests/Fixtures/ingest/opsgenie-alerts/expected.py
"""
import json
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PRIORITY = {"P1": "SEV1", "P2": "SEV2", "P3": "SEV3", "P4": "SEV4", "P5": "SEV4"}


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def alert(a):
    report = a.get("report") or {}
    closed = a["status"] == "closed"
    status = "closed" if closed else ("investigating" if a.get("acknowledged") else "open")
    ack = report.get("ackTime")
    resolve = None
    if closed:
        resolve = report["closeTime"] / 60000 if "closeTime" in report else (instant(a["updatedAt"]) - instant(a["createdAt"])).total_seconds() / 60
    return {"id": a["id"], "severity": PRIORITY[a.get("priority", "P3")], "status": status,
            "acknowledge_minutes": None if ack is None else round(ack / 60000, 6),
            "resolve_minutes": None if resolve is None else round(resolve, 6)}


def main():
    expected = {}
    for path in sorted(HERE.glob("*.json")):
        if path.name == "expected.json":
            continue
        data = json.loads(path.read_text())["data"]
        expected[path.name] = [alert(a) for a in (data if isinstance(data, list) else [data])]
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n")
    print(f"wrote expected.json for {len(expected)} files")


if __name__ == "__main__":
    main()
