#!/usr/bin/env python3
"""Peer for the JUnit benchmark: xml.etree.ElementTree parses the file and counts outcomes and time."""
import resource, sys, time
import xml.etree.ElementTree as ET

path, repeats = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
best = best_cpu = float("inf")
for _ in range(repeats):
    start, start_cpu = time.perf_counter(), time.process_time()
    root = ET.parse(path).getroot()
    total = failed = error = skipped = 0
    seconds = 0.0
    for case in root.iter("testcase"):
        total += 1
        seconds += float(case.get("time") or 0)
        if case.find("error") is not None:
            error += 1
        elif case.find("failure") is not None:
            failed += 1
        elif case.find("skipped") is not None:
            skipped += 1
    best = min(best, time.perf_counter() - start)
    best_cpu = min(best_cpu, time.process_time() - start_cpu)
    del root
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"python junit best={best:.3f} cpu={best_cpu:.3f} tests={total} failed={failed} error={error} skipped={skipped} time={seconds:.3f} peak_rss_mb={peak:.1f}")
