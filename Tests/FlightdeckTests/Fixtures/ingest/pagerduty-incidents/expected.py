#!/usr/bin/env python3
"""Writes expected.json: each PagerDuty incidents file's incidents as docs/formats/incidents.md maps them (json module).

- severity: priority.summary P1 → SEV1, P2 → SEV2, P3 → SEV3, P4/P5 → SEV4; without a priority, urgency high → SEV2, low → SEV3;
- status: triggered → open, acknowledged → investigating, resolved → resolved;
- minutes to acknowledge: the earliest acknowledgements[].at − created_at; to resolve: (resolved_at, else
  last_status_change_at when resolved) − created_at.

Run from anywhere: python3 Tests/FlightdeckTests/Fixtures/ingest/pagerduty-incidents/expected.py
"""
import json
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PRIORITY = {"P1": "SEV1", "P2": "SEV2", "P3": "SEV3", "P4": "SEV4", "P5": "SEV4"}
STATUS = {"triggered": "open", "acknowledged": "investigating", "resolved": "resolved"}


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def minutes(start, end):
    return None if end is None else round((end - start).total_seconds() / 60, 6)


def incident(i):
    created = instant(i["created_at"])
    priority = (i.get("priority") or {}).get("summary")
    severity = PRIORITY.get(priority) or {"high": "SEV2", "low": "SEV3"}[i["urgency"]]
    acks = [instant(a["at"]) for a in i.get("acknowledgements") or []]
    resolved = None
    if i["status"] == "resolved":
        resolved = instant(i.get("resolved_at") or i["last_status_change_at"])
    return {"id": i["id"], "severity": severity, "status": STATUS[i["status"]],
            "acknowledge_minutes": minutes(created, min(acks) if acks else None), "resolve_minutes": minutes(created, resolved)}


def main():
    expected = {}
    for path in sorted(HERE.glob("*.json")):
        if path.name == "expected.json":
            continue
        doc = json.loads(path.read_text())
        items = doc["incidents"] if "incidents" in doc else [doc["incident"]]
        expected[path.name] = [incident(i) for i in items]
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n")
    print(f"wrote expected.json for {len(expected)} files")


if __name__ == "__main__":
    main()
