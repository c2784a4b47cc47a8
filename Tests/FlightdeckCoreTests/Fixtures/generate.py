#!/usr/bin/env python3
"""Writes the oracle fixtures for FlightdeckCoreTests from Python's datetime.

Run from anywhere: python3 Tests/FlightdeckCoreTests/Fixtures/generate.py
Output beside this script (deterministic):
- civil_dates.json: days since 1970-01-01 and the date they name, every 997th day from 0001-01-01 to 9999-12-31
  plus the days around every leap-rule boundary; and dates that do not exist (29 February of common years).
- fixed.json: numbers written with 0 to 4 decimals by Python's '%.Nf' (correct rounding, exact halves to even),
  which FigureText.fixed matches but for "-0" (written without the sign).
- instants.json: every instant form Timestamp.instant accepts, with its epoch seconds from datetime.fromisoformat.
  Python does not read lower-case 't'/'z', spaces before the zone or a leap second, so the oracle reads those
  texts upper-cased, without the spaces, and 23:59:60 as 23:59:59 plus one second (what Flightdeck means by it).
"""
import json
import os
from datetime import date, datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
EPOCH = date(1970, 1, 1).toordinal()


def day_entry(d):
    return {"days": d.toordinal() - EPOCH, "date": d.isoformat()}


def civil_dates():
    days = {date.fromordinal(o) for o in range(date.min.toordinal(), date.max.toordinal() + 1, 997)}
    days |= {date.min, date.max, date(1970, 1, 1), date(1969, 12, 31)}
    for year in [1, 4, 100, 400, 1582, 1600, 1700, 1800, 1900, 1970, 2000, 2023, 2024, 2100, 2400, 9996, 9999]:
        for month, day in [(1, 1), (2, 28), (3, 1), (12, 31)]:
            days.add(date(year, month, day))
        if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
            days.add(date(year, 2, 29))
    invalid = []
    for year in [1, 100, 1700, 1800, 1900, 2023, 2100, 2200, 2300, 9999]:
        try:
            date(year, 2, 29)
        except ValueError:
            invalid.append(f"{year:04d}-02-29")
    invalid += ["2024-04-31", "2024-06-31", "2024-09-31", "2024-11-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32"]
    for text in invalid:
        try:
            date.fromisoformat(text)
            raise SystemExit(f"{text} exists")
        except ValueError:
            pass
    return {"valid": [day_entry(d) for d in sorted(days)], "invalid": invalid}


INSTANTS = [
    "2026-02-02T08:37:15Z",
    "2026-02-02t08:37:15z",
    "2026-02-02 08:37:15Z",
    "2026-02-02T08:37Z",
    "2026-02-02T08:37:15.25Z",
    "2026-02-02T08:37:15,25Z",
    "2026-02-02T08:37:15.123456Z",
    "2026-02-02T08:37:15 Z",
    "2026-02-02T08:37:15  +01:00",
    "2026-02-02T08:37:15+01:00",
    "2026-02-02T08:37:15-05:30",
    "2026-02-02T08:37:15+0100",
    "2026-02-02T08:37:15-05",
    "2026-02-02T00:30:00+01:00",
    "2016-12-31T23:59:60Z",
    "2024-02-29T23:59:59-23:59",
    "1969-12-31T23:59:59Z",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
]


def oracle(text):
    text = text[:16] + text[16:].replace(" ", "")  # Python reads at most one space before the zone
    text = text.replace("t", "T").replace("z", "Z")
    leap = ":60" in text[16:19]
    if leap:
        text = text[:17] + "59" + text[19:]
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None, text
    if value.year == 1:  # timestamp() would step outside datetime's range in some zones; count from the epoch instead.
        return (value - datetime(1970, 1, 1, tzinfo=value.tzinfo)).total_seconds() + (1 if leap else 0)
    return value.timestamp() + (1 if leap else 0)


def fixed_cases():
    values = [k / 8 for k in range(-40, 41)] + [k / 1000 + 0.0005 for k in range(0, 3000, 23)]
    values += [0.285, 1.115, 2.675, 1.005, 0.125, 1e-9, 123456789.125, -98765.4321, 1 / 3, 2 / 3, 99.995, 0.98996 * 100]
    cases = []
    for value in values:
        for decimals in range(5):
            text = "%.*f" % (decimals, value)
            if text.startswith("-") and set(text[1:]) <= {"0", "."}:
                text = text[1:]
            cases.append({"value": value, "decimals": decimals, "text": text})
    return cases


def write(name, payload):
    """One JSON object, a list member per line: small, and a regenerated file diffs line by line."""
    payload = {"generator": "generate.py", **payload}
    with open(os.path.join(HERE, name), "w") as f:
        f.write("{\n")
        for i, (key, value) in enumerate(sorted(payload.items())):
            f.write(f" {json.dumps(key)}: ")
            if isinstance(value, list):
                f.write("[\n" + ",\n".join("  " + json.dumps(v, sort_keys=True) for v in value) + "\n ]")
            else:
                f.write(json.dumps(value))
            f.write(",\n" if i < len(payload) - 1 else "\n")
        f.write("}\n")


write("civil_dates.json", civil_dates())
write("fixed.json", {"cases": fixed_cases()})
write("instants.json", {"instants": [{"text": t, "epoch": oracle(t)} for t in INSTANTS]})
