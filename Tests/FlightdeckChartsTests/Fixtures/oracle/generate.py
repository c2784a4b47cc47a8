#!/usr/bin/env python3
"""Writes the oracle fixtures for FlightdeckChartsTests: UTC dates from Python's datetime, quartiles from NumPy.

Run from this folder: python3 generate.py
"""
import json
import random
from datetime import datetime, timezone

import numpy as np

random.seed(5)

epochs = [0, 86399, 86400, 951782400, 951868800, 1705881600, 1705881600 + 33 * 3600 + 1234,
          -1, -86401, 253402300799, -62135596800, 1709164800]
epochs += [random.randint(-62135596800, 253402300799) for _ in range(40)]
dates = []
for e in epochs:
    d = datetime.fromtimestamp(e, tz=timezone.utc)
    day = d.date().isoformat()  # strftime("%Y") drops the zero padding of years before 1000 on glibc
    dates.append({"epoch": e, "date": day, "time": d.strftime("%H:%M"), "dateTime": day + " " + d.strftime("%H:%M") + " UTC"})
with open("dates.json", "w") as f:
    json.dump(dates, f, indent=1)

samples = [[1.0], [1.0, 2.0], [3.0, 1.0, 2.0], [5.0, 5.0, 5.0, 5.0], [-3.5, 2.25, 0.0, 10.0, 7.5],
           [round(random.gauss(100, 15), 2) for _ in range(57)],
           [round(random.expovariate(0.01), 1) for _ in range(200)] + [5000.0, 7000.0]]
quartiles = []
for s in samples:
    q1, med, q3 = (float(np.percentile(s, p)) for p in (25, 50, 75))
    iqr = q3 - q1
    inside = [v for v in s if q1 - 1.5 * iqr <= v <= q3 + 1.5 * iqr]
    quartiles.append({"values": s, "q1": q1, "median": med, "q3": q3,
                      "lowerWhisker": min(inside), "upperWhisker": max(inside),
                      "outliers": sorted(v for v in s if v < min(inside) or v > max(inside))})
with open("quartiles.json", "w") as f:
    json.dump(quartiles, f, indent=1)
