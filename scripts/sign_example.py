#!/usr/bin/env python3
"""Re-record the example site's sign-offs with `flightdeck signoff`, so each carries the digest of the
evidence it approves (docs/verdict.md, "Stale sign-offs").

The sign-offs themselves (role, approver, decision, date, comment) are written by hand in each
release's signoffs.yaml; this script only records each approved or rejected one again, unchanged, on
the release's current data. Run it after changing any example data (`make example` does), and commit
signoffs.yaml and signoffs.evidence.json. Pending decisions are left as written.

Usage: python3 scripts/sign_example.py [path/to/flightdeck]
"""
import pathlib
import subprocess
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
BINARY = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build/debug/flightdeck")

for folder in sorted((ROOT / "content/releases").iterdir()):
    signoffs = folder / "signoffs.yaml"
    if not signoffs.exists():
        continue
    document = yaml.safe_load(signoffs.read_text(encoding="utf-8")) or {}
    for entry in document.get("signoffs") or []:
        if entry.get("decision") not in ("approved", "rejected"):
            continue
        command = [BINARY, "signoff", folder.name, "--role", str(entry["role"]), "--approver", str(entry["approver"]),
                   "--decision", entry["decision"], "--replace", "--quiet"]
        if entry.get("date") is not None:
            command += ["--date", str(entry["date"])]
        if entry.get("comment") is not None:
            command += ["--comment", str(entry["comment"])]
        subprocess.run(command, cwd=ROOT, check=True, stdin=subprocess.DEVNULL)
        print(f"signed {folder.name} {entry['role']} ({entry['decision']})")
