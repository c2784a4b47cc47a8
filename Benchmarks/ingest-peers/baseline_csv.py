#!/usr/bin/env python3
"""Peer for the baseline benchmark: the csv module reads the file and sums per job type
(count, successes, duration, cpu, memory and cost sums)."""
import csv, resource, sys, time

path, repeats = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
best = best_cpu = float("inf")
for _ in range(repeats):
    start, start_cpu = time.perf_counter(), time.process_time()
    sums = {}
    rows = 0
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        i = {name: k for k, name in enumerate(header)}
        jt, ok, d, c, m, co = (i["job_type"], i["success"], i["duration_minutes"], i["cpu_hours"],
                              i["memory_gb_hours"], i["cost_estimate"])
        for row in reader:
            rows += 1
            s = sums.setdefault(row[jt], [0, 0, 0.0, 0.0, 0.0, 0.0])
            s[0] += 1
            if row[ok] == "True":
                s[1] += 1
                s[2] += float(row[d]); s[3] += float(row[c]); s[4] += float(row[m]); s[5] += float(row[co])
    best = min(best, time.perf_counter() - start)
    best_cpu = min(best_cpu, time.process_time() - start_cpu)
successful = sum(s[1] for s in sums.values())
cost = sum(s[5] for s in sums.values())
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"python baseline best={best:.3f} cpu={best_cpu:.3f} rows={rows} successful={successful} cost={cost:.4f} peak_rss_mb={peak:.1f}")
