#!/usr/bin/env python3
"""Deterministic inputs for the ingest benchmark.

generate.py junit OUT N [OUTPUT_BYTES]  — N testcases in suites of 100; ~5% failures with a trace, 1% errors,
                                          2% skipped; OUTPUT_BYTES of CDATA system-out per testcase (for the 200 MB file).
generate.py baseline OUT N             — N BaselineMetric rows as CSV (the seed collector's columns).
"""
import random, sys

kind, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(20260202)
if kind == "junit":
    pad = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    filler = ("log line " * (pad // 9 + 1))[:pad]
    with open(out, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bench">\n')
        for s in range(0, n, 100):
            f.write(f'  <testsuite name="pkg.module{s // 100}" tests="{min(100, n - s)}">\n')
            for k in range(s, min(n, s + 100)):
                r = rng.random()
                t = f"{rng.random() * 2:.4f}"
                head = f'    <testcase classname="pkg.module{s // 100}.Class{k % 7}" name="test_case_{k}" time="{t}"'
                out_xml = f"<system-out><![CDATA[{filler}]]></system-out>" if pad else ""
                if r < 0.05:
                    f.write(f'{head}><failure message="assert {k} == {k + 1}" type="AssertionError">Traceback (most recent call last):\n'
                            f'  File "tests/test_{k}.py", line 12, in test_case_{k}\n    assert {k} == {k + 1}\n'
                            f'AssertionError: assert {k} == {k + 1} &amp; &lt;diff&gt;</failure>{out_xml}</testcase>\n')
                elif r < 0.06:
                    f.write(f'{head}><error message="RuntimeError: boom">RuntimeError: boom</error>{out_xml}</testcase>\n')
                elif r < 0.08:
                    f.write(f'{head}><skipped message="not on linux"/>{out_xml}</testcase>\n')
                elif pad:
                    f.write(f'{head}>{out_xml}</testcase>\n')
                else:
                    f.write(f'{head}/>\n')
            f.write("  </testsuite>\n")
        f.write("</testsuites>\n")
elif kind == "baseline":
    types = [("small", 50, 2, 28.0), ("small", 75, 3, 30.0), ("medium", 150, 4, 55.0), ("medium", 200, 5, 60.0),
             ("large", 300, 7, 95.0), ("large", 400, 8, 110.0)]
    countries = ["fr", "de", "uk", "es", "it", "nl"]
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("timestamp,job_id,job_type,iterations,trials,country,duration_minutes,cpu_hours,memory_gb_hours,"
                "cost_estimate,success,error_message\n")
        for i in range(n):
            kind_, it, tr, base = types[i % 6]
            c = countries[i % 6]
            ts = f"2026-02-{2 + i % 14:02d}T{i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d}Z"
            if rng.random() < 0.07:
                f.write(f'{ts},job-{i},{kind_},{it},{tr},{c},0,0,0,0,False,"HTTP 503, retry later"\n')
                continue
            d = round(base * rng.uniform(0.8, 1.25), 4)
            cpu = round(d / 60 * 4 * (1 + it * tr / 1000 * 0.1), 2)
            mem = round(d / 60 * 16, 2)
            f.write(f"{ts},job-{i},{kind_},{it},{tr},{c},{d},{cpu},{mem},{round(cpu * 0.072 + mem * 0.008, 4)},True,\n")
