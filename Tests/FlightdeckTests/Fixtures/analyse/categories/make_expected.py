#!/usr/bin/env python3
"""The oracle for failure categories: Python's `re` puts each failing test of a real JUnit file into the first
category of flightdeck.yaml that matches, as Flightdeck must (docs/configuration.md, "Failure categories").

A category matches a failing test when its outcome is listed in `statuses` (failed and error by default) and each
of `message` and `trace` that is given is found (re.search) in the first 8,192 characters of the test's message
and trace; a test no category takes goes to "Product defects" (failed) or "Test defects" (error).

Run from this folder: python3 make_expected.py > expected.json
"""
import json
import pathlib
import re
import xml.etree.ElementTree as ET

import yaml

HERE = pathlib.Path(__file__).resolve().parent
FIXTURE = HERE.parent.parent / "ingest" / "junit" / "real" / "dotnet" / "junit-testlogger-TestResults.xml"
LIMIT = 8192


def main():
    categories = yaml.safe_load((HERE / "flightdeck.yaml").read_text())["tests"]["categories"]
    for c in categories:
        c["statuses"] = ["error" if s == "broken" else s for s in c.get("statuses", ["failed", "error"])]
    rows = []
    for case in ET.parse(FIXTURE).getroot().iter("testcase"):
        for tag, outcome in (("failure", "failed"), ("error", "error")):
            element = case.find(tag)
            if element is None:
                continue
            message = element.get("message")
            trace = element.text
            name = None
            for c in categories:
                if outcome not in c["statuses"]:
                    continue
                if "message" in c and (message is None or not re.search(c["message"], message[:LIMIT])):
                    continue
                if "trace" in c and (trace is None or not re.search(c["trace"], trace[:LIMIT])):
                    continue
                name = c["name"]
                break
            rows.append([case.get("classname") + "::" + case.get("name"), name or ("Test defects" if outcome == "error" else "Product defects")])
            break
    print(json.dumps(rows, indent=1, ensure_ascii=False))


main()
