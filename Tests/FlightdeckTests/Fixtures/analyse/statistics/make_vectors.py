#!/usr/bin/env python3
"""Expected statistics from numpy (mean, std ddof=1, percentile method='linear', min, max).

Run from this folder: python3 make_vectors.py  → vectors.json
"""
import json, random
import numpy as np

rng = random.Random(11)
series = [[5.0], [1.0, 2.0], [3.0, 1.0, 2.0], [0.1, 0.2, 0.3, 0.4], [7.0] * 6,
          [1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3], [-4.5, 2.25, 0.0, 19.0, -1.0]]
series += [[round(rng.lognormvariate(3, 0.6), 4) for _ in range(n)] for n in (7, 20, 101, 1000)]
out = []
for s in series:
    a = np.array(s)
    out.append({"values": s, "mean": float(np.mean(a)), "min": float(np.min(a)), "max": float(np.max(a)),
                "std": float(np.std(a, ddof=1)) if len(s) > 1 else None,
                "percentiles": {str(p): float(np.percentile(a, p)) for p in (0, 5, 25, 50, 90, 95, 99, 100)}})
with open("vectors.json", "w") as f:
    json.dump(out, f, indent=1)
