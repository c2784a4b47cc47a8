#!/usr/bin/env python3
"""Writes the significance test vectors the Swift tests check against (scipy is the oracle).

Run from anywhere: python3 Tests/FlightdeckTests/Fixtures/stats/generate.py
Output: special.json, welch.json, chi2.json beside this script. Deterministic (seeded generators).

Conventions matching Flightdeck's Significance:
- Welch: scipy.stats.ttest_ind(treatment, control, equal_var=False), so t > 0 when treatment's mean is higher;
  CI of mean(treatment) - mean(control) = diff ± t.ppf(1 - (1 - confidence)/2, df) * se.
- Chi-square: scipy.stats.chi2_contingency([[c_succ, c_fail], [t_succ, t_fail]]) with its default
  correction=True, i.e. Yates' continuity correction for the 2x2 table; CI is the unpooled Wald
  interval diff ± norm.ppf(1 - (1 - confidence)/2) * sqrt(pc(1-pc)/nc + pt(1-pt)/nt).
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import special, stats

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, payload):
    payload = {"generator": "generate.py", "scipy": scipy.__version__, **payload}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(payload, f, indent=1, sort_keys=True)
        f.write("\n")


def scipy_is_exact(value, exact):
    """True unless mpmath (when installed) shows scipy's value off by more than 1e-12 relative."""
    return exact is None or abs(value - exact) <= 1e-12 * abs(exact)


def exact_t_sf(t, df):
    try:
        import mpmath as mp
    except ImportError:
        return None
    mp.mp.dps = 50
    t, df = mp.mpf(t), mp.mpf(df)
    try:
        tail = mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    except mp.libmp.NoConvergence:
        return None
    return float(tail if t >= 0 else 1 - tail)


def special_vectors():
    t_sf = []
    scipy_off = []  # points where scipy itself is inaccurate: kept out of the vectors, listed for the record
    for df in [1, 2, 3, 4.5, 10, 29.7, 100, 1234.5, 1e5, 2e6, 1e7, 3e7]:
        for t in [0.0, 1e-8, 0.05, 0.7, 1.0, 1.96, 2.5, 4.0, 8.0, 15.0, 40.0, 300.0, -2.0]:
            value = float(stats.t.sf(t, df))
            exact = exact_t_sf(t, df)
            if scipy_is_exact(value, exact):
                t_sf.append([t, df, value])
            else:
                scipy_off.append({"t": t, "df": df, "scipy": value, "mpmath": exact})
    t_isf = []
    for df in [1, 2, 3, 5.5, 10, 48.3, 200, 1e4, 1e6, 9994054.464915888]:
        for q in [0.4, 0.25, 0.05, 0.025, 0.005, 0.0005, 1e-6, 1e-12]:
            t_isf.append([q, df, float(stats.t.isf(q, df))])
    norm_isf = [[q, float(stats.norm.isf(q))] for q in
                [0.5, 0.4, 0.3, 0.16, 0.05, 0.025, 0.02425, 0.01, 0.005, 1e-4, 1e-8, 1e-20, 1e-100, 1e-300, 0.6, 0.975, 0.999]]
    chi2_sf = []
    for k in [1, 2, 3, 7, 20]:
        for x in [0.0, 1e-10, 0.01, 0.455, 1.0, 3.841, 10.0, 50.0, 200.0, 1000.0, 1400.0]:
            chi2_sf.append([x, k, float(stats.chi2.sf(x, k))])
    betainc = []
    for a, b in [(0.5, 0.5), (1, 1), (2.5, 0.5), (5, 0.5), (50, 0.5), (5e3, 0.5), (5e5, 0.5), (3, 7), (40, 60), (0.5, 12)]:
        for x in [1e-6, 0.01, 0.3, 0.5, 0.7, 0.99, 0.999999]:
            betainc.append([a, b, x, float(special.betainc(a, b, x))])
    gammaincc = []
    for a in [0.5, 1, 1.5, 3.5, 10, 100]:
        for x in [1e-6, 0.1, 0.5, 1, 2.5, 10, 50, 120, 700]:
            gammaincc.append([a, x, float(special.gammaincc(a, x))])
    write("special.json", {"t_sf": t_sf, "t_sf_scipy_inaccurate": scipy_off, "t_isf": t_isf, "norm_isf": norm_isf, "chi2_sf": chi2_sf,
                           "betainc": betainc, "gammaincc": gammaincc})


def welch_case(name, control, treatment, confidence=0.95):
    c = np.asarray(control, dtype=float)
    t = np.asarray(treatment, dtype=float)
    r = stats.ttest_ind(t, c, equal_var=False)
    se = math.sqrt(t.var(ddof=1) / len(t) + c.var(ddof=1) / len(c))
    diff = t.mean() - c.mean()
    q = float(stats.t.ppf(1 - (1 - confidence) / 2, r.df))
    return {"name": name, "control": c.tolist(), "treatment": t.tolist(), "confidence": confidence,
            "t": float(r.statistic), "df": float(r.df), "p": float(r.pvalue),
            "ci_low": float(diff - q * se), "ci_high": float(diff + q * se)}


def welch_stats_case(name, c, t, confidence=0.95):
    """c and t are (n, mean, std with ddof=1)."""
    r = stats.ttest_ind_from_stats(t[1], t[2], t[0], c[1], c[2], c[0], equal_var=False)
    vc, vt = c[2] ** 2 / c[0], t[2] ** 2 / t[0]
    df = (vc + vt) ** 2 / (vc ** 2 / (c[0] - 1) + vt ** 2 / (t[0] - 1))
    q = float(stats.t.ppf(1 - (1 - confidence) / 2, df))
    se = math.sqrt(vc + vt)
    diff = t[1] - c[1]
    return {"name": name, "control_stats": list(c), "treatment_stats": list(t), "confidence": confidence,
            "t": float(r.statistic), "df": float(df), "p": float(r.pvalue),
            "ci_low": float(diff - q * se), "ci_high": float(diff + q * se)}


def welch_vectors():
    rng = np.random.default_rng(20260914)
    cases = [
        welch_case("tiny samples", [1.0, 2.0], [2.5, 4.0]),
        welch_case("three each", [10.1, 9.8, 10.4], [11.0, 10.7, 11.6]),
        welch_case("unequal variances and sizes",
                   np.round(rng.normal(40, 2, 12), 6), np.round(rng.normal(43, 15, 57), 6)),
        welch_case("p near 1", [5.0, 6.0, 7.0, 8.0], [5.0, 6.0, 7.0, 8.0000001]),
        welch_case("processing time", np.round(rng.gamma(9, 4.6, 400), 4), np.round(rng.gamma(9, 3.5, 380), 4)),
        welch_case("p underflows to 0", np.round(rng.normal(100, 1, 300), 6), np.round(rng.normal(90, 1, 300), 6)),
        welch_case("p near 0", np.round(rng.normal(100, 1, 300), 6), np.round(rng.normal(99.5, 1, 300), 6)),
        welch_case("99% confidence", np.round(rng.normal(1.0, 0.3, 50), 6), np.round(rng.normal(1.1, 0.2, 45), 6), 0.99),
    ]
    cases += [
        welch_stats_case("huge samples", (5_000_000, 41.20, 8.1), (5_000_000, 41.21, 8.3)),
        welch_stats_case("huge, p tiny", (2_000_000, 41.2, 8.1), (2_000_000, 40.9, 8.0)),
        welch_stats_case("very unequal", (4, 10.0, 0.1), (100_000, 10.3, 25.0)),
        welch_stats_case("p astronomically small", (500, 10.0, 1.0), (500, 12.3, 1.0)),
        welch_stats_case("one vs many", (2, 3.0, 1.0), (1000, 2.0, 1.0)),
    ]
    write("welch.json", {"cases": cases})


def chi2_case(name, cs, cn, ts, tn, confidence=0.95):
    table = [[cs, cn - cs], [ts, tn - ts]]
    res = stats.chi2_contingency(table)
    pc, pt = cs / cn, ts / tn
    z = float(stats.norm.ppf(1 - (1 - confidence) / 2))
    se = math.sqrt(pc * (1 - pc) / cn + pt * (1 - pt) / tn)
    return {"name": name, "control_successes": cs, "control_n": cn, "treatment_successes": ts, "treatment_n": tn,
            "confidence": confidence, "chi2": float(res.statistic), "p": float(res.pvalue), "dof": int(res.dof),
            "ci_low": pt - pc - z * se, "ci_high": pt - pc + z * se}


def chi2_vectors():
    cases = [
        chi2_case("accuracy", 1310, 1500, 1342, 1480),
        chi2_case("tiny counts", 3, 5, 1, 6),
        chi2_case("equal proportions, p = 1", 50, 100, 50, 100),
        chi2_case("nearly equal, Yates clamps", 51, 100, 50, 100),
        chi2_case("huge samples", 4_900_000, 5_000_000, 4_901_000, 5_000_000),
        chi2_case("p tiny", 100, 1000, 600, 1000),
        chi2_case("p astronomically small", 10, 5000, 400, 5000),
        chi2_case("p underflows to 0", 10, 5000, 2500, 5000),
        chi2_case("timeouts", 42, 2000, 18, 2100, 0.99),
        chi2_case("one success", 0, 400, 1, 400),
    ]
    write("chi2.json", {"cases": cases})


if __name__ == "__main__":
    special_vectors()
    welch_vectors()
    chi2_vectors()
