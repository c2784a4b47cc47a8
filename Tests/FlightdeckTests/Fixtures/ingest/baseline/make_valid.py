#!/usr/bin/env python3
"""Writes the valid baseline fixtures (seed 000 BaselineMetric records) and their expected figures.

The expected figures come from numpy (mean, std with ddof=1, percentile with the default linear method),
the oracle for Flightdeck's Statistics. Run from this folder: python3 make_valid.py
"""
import csv, json, random
import numpy as np

rng = random.Random(4)
jobs = [("small", 50, 2, ["fr", "de"]), ("small", 75, 3, ["uk", "es"]), ("medium", 150, 4, ["fr", "de"]),
        ("medium", 200, 5, ["uk"]), ("large", 300, 7, ["fr"]), ("large", 400, 8, ["de"])]
base = {"small": 28.0, "medium": 55.0, "large": 95.0}
records = []
for day in range(3):
    minute = 0
    for idx, (kind, it, tr, countries) in enumerate(jobs):
        for c in countries:
            minute += 37
            ts = f"2026-02-0{day + 2}T{8 + minute // 60:02d}:{minute % 60:02d}:{rng.randrange(60):02d}.{rng.randrange(10**6):06d}"
            ok = rng.random() > 0.12
            d = round(base[kind] * rng.uniform(0.8, 1.25), 4) if ok else 0
            cpu = round(d / 60 * 4 * (1 + it * tr / 1000 * 0.1), 2) if ok else 0
            mem = round(d / 60 * 16, 2) if ok else 0
            cost = round(cpu * 0.072 + mem * 0.008, 4) if ok else 0
            records.append({"timestamp": ts, "job_id": f"baseline-{day+1}-{idx+1}-{c}", "job_type": kind,
                            "iterations": it, "trials": tr, "country": c, "duration_minutes": d,
                            "cpu_hours": cpu, "memory_gb_hours": mem, "cost_estimate": cost, "success": ok,
                            "error_message": None if ok else "HTTP 503"})
with open("valid/seed-format.json", "w") as f:
    json.dump(records, f, indent=2)
# The same records as CSV with a BOM, CRLF line ends, a quoted error message with a comma and a doubled quote.
with open("valid/seed-format.csv", "w", newline="", encoding="utf-8-sig") as f:
    w = csv.writer(f, lineterminator="\r\n")
    cols = list(records[0].keys())
    w.writerow(cols)
    for r in records:
        row = dict(r)
        row["success"] = "True" if r["success"] else "False"
        if not r["success"]:
            row["error_message"] = 'HTTP 503, "Service Unavailable"'
        w.writerow([row[c] if row[c] is not None else "" for c in cols])

def group(rs):
    ok = [r for r in rs if r["success"]]
    d = np.array([r["duration_minutes"] for r in ok], dtype=float)
    out = {"jobs": len(rs), "successful_jobs": len(ok), "failed_jobs": len(rs) - len(ok),
           "success_rate": len(ok) / len(rs), "count": len(ok)}
    if len(ok):
        out.update(mean=float(np.mean(d)), min=float(np.min(d)), max=float(np.max(d)),
                   p50=float(np.percentile(d, 50)), p95=float(np.percentile(d, 95)))
        for k in ["cpu_hours", "memory_gb_hours", "cost_estimate"]:
            v = [r[k] for r in ok]
            out[k + "_sum"] = float(np.sum(v)); out[k + "_mean"] = float(np.mean(v))
        out["cpu_efficiency"] = out["cpu_hours_sum"] / (float(np.sum(d)) / 60)
    if len(ok) > 1:
        out["std"] = float(np.std(d, ddof=1))
    return out

expected = {"overall": group(records), "job_types": {}}
for kind in ["small", "medium", "large"]:
    expected["job_types"][kind] = group([r for r in records if r["job_type"] == kind])
with open("valid/seed-format.expected.json", "w") as f:
    json.dump(expected, f, indent=2, sort_keys=True)
