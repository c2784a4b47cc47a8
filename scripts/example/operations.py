#!/usr/bin/env python3
"""Writes the rollout, incident and experiment files of the example site's three releases.

    python3 scripts/example/operations.py      # from the repository root (or anywhere)

Deterministic: every random draw comes from a seeded random.Random, and nothing depends on the clock.
Output goes to content/releases/<id>/ and is committed; rerunning rewrites the same bytes. The script
checks that the data tells the story each release needs (gates passing, thresholds crossed, which A/B
metrics are significant) and stops with an error if a change to it breaks that story.

  2026.1-trainer-optimisation  (seeds 000/001, GO)      staging → 10% → 50% → 100%, complete; one SEV4, resolved
  2026.2-warehouse-cutover     (seed 002, NO-GO)        four components reach 50% on 2026-05-12; storage and
                                                        registration rolled back at 09:40Z; a SEV2 and a SEV3
  2026.3-invoice-gemini        (seed 004, PENDING)      A/B records 2026-09-01..14; rollout at 25% since 2026-09-14
"""
import csv
import datetime as dt
import math
import os
import random

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RELEASES = os.path.join(ROOT, "content", "releases")
UTC = dt.timezone.utc


def when(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def iso(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write(release, name, text):
    path = os.path.join(RELEASES, release, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def percentile(values, q):
    """numpy's default (linear) percentile."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def stage_yaml(stage, indent="      "):
    lines = [f"{indent[:-2]}- name: {stage['name']}", f"{indent}traffic_percent: {stage['traffic']}"]
    for key in ["start", "end"]:
        if stage.get(key):
            lines.append(f"{indent}{key}: {iso(stage[key])}")
    for key, field in [("requests", "requests"), ("errors", "errors"), ("p50", "latency_p50_ms"), ("p99", "latency_p99_ms")]:
        if stage.get(key) is not None:
            lines.append(f"{indent}{field}: {stage[key]}")
    return "\n".join(lines)


def event_yaml(event, indent="      "):
    lines = [f"{indent[:-2]}- type: {event['type']}", f"{indent}at: {iso(event['at'])}"]
    if event.get("stage"):
        lines.append(f"{indent}stage: {event['stage']}")
    lines.append(f"{indent}reason: {event['reason']}")
    return "\n".join(lines)


def component_yaml(component):
    parts = [f"  - name: {component['name']}"]
    if component.get("baseline_p99"):
        parts.append(f"    baseline_latency_p99_ms: {component['baseline_p99']}")
    parts.append("    stages:")
    parts += [stage_yaml(s) for s in component["stages"]]
    if component.get("events"):
        parts.append("    events:")
        parts += [event_yaml(e) for e in component["events"]]
    return "\n".join(parts)


def rollout_yaml(header, components, gates=None, metrics=None, as_of=None):
    text = header
    if as_of:
        text += f"as_of: {iso(as_of)}\n"
    if gates:
        text += "gates:\n" + "".join(f"  {k}: {v}\n" for k, v in gates.items())
    if metrics:
        text += f"metrics: {metrics}\n"
    return text + "components:\n" + "\n".join(component_yaml(c) for c in components) + "\n"


def check_gates(stage, baseline_p99, gates, expect_pass, label):
    error_rate = stage["errors"] / stage["requests"]
    minutes = (stage["end"] - stage["start"]).total_seconds() / 60 if stage.get("end") else None
    ok = (1 - error_rate >= gates["min_success_rate"] and error_rate <= gates["max_error_rate"]
          and stage["requests"] >= gates["min_operations"]
          and (minutes is None or minutes >= gates["min_stage_minutes"])
          and (baseline_p99 is None or (stage["p99"] - baseline_p99) / baseline_p99 <= gates["max_latency_regression"]))
    assert ok == expect_pass, f"{label}: stage {stage['name']} gates {'fail' if expect_pass else 'pass'}"


DEFAULT_GATES = {"min_success_rate": 0.99, "max_error_rate": 0.05, "min_operations": 100,
                 "min_stage_minutes": 60, "max_latency_regression": 0.20}


def incident_md(fields, actions, body):
    lines = ["---"]
    for key, value in fields:
        lines.append(f"{key}: {iso(value) if isinstance(value, dt.datetime) else value}")
    if actions:
        lines.append("action_items:")
        for title, owner, due, done in actions:
            lines += [f"  - title: {title}", f"    owner: {owner}", f"    due: {due}", f"    done: {'true' if done else 'false'}"]
    lines.append("---")
    return "\n".join(lines) + "\n" + body


# --- 2026.1-trainer-optimisation -------------------------------------------------------------------

def trainer(rng):
    release = "2026.1-trainer-optimisation"
    baseline_p99 = 2400
    plan = [("staging", 0, "2026-03-02T08:00:00Z", "2026-03-02T16:00:00Z", 180),
            ("canary", 10, "2026-03-02T16:00:00Z", "2026-03-03T16:00:00Z", 1400),
            ("half", 50, "2026-03-03T16:00:00Z", "2026-03-05T08:00:00Z", 9800),
            ("full", 100, "2026-03-05T08:00:00Z", "2026-03-06T12:00:00Z", 17500)]
    stages = []
    for name, traffic, start, end, volume in plan:
        requests = volume + rng.randrange(0, volume // 10)
        errors = sum(1 for _ in range(requests) if rng.random() < 0.002)
        p50 = round(rng.uniform(880, 960))
        p99 = round(baseline_p99 * rng.uniform(0.78, 0.92))
        stages.append({"name": name, "traffic": traffic, "start": when(start), "end": when(end),
                       "requests": requests, "errors": errors, "p50": p50, "p99": p99})
        check_gates(stages[-1], baseline_p99, DEFAULT_GATES, True, release)
    events = [{"type": "advance", "at": s["start"], "stage": s["name"],
               "reason": f"gates passed in {prev['name']}"} for prev, s in zip(stages, stages[1:])]
    header = ("# MMM trainer optimisation (seeds 000/001): staging, canary 10%, 50%, 100%.\n"
              "# Written by scripts/example/operations.py; the site's default gates apply.\n")
    write(release, "rollout.yaml", rollout_yaml(header, [{"name": "mmm-app", "baseline_p99": baseline_p99,
                                                          "stages": stages, "events": events}]))
    write(release, "incidents/2026-03-04-dashboard-lag.md", incident_md([
        ("id", "INC-2026-031"), ("title", "Trainer dashboard lagged behind the canary's job metrics"),
        ("severity", "SEV4"), ("status", "resolved"),
        ("started", when("2026-03-04T10:12:00Z")), ("detected", when("2026-03-04T10:31:00Z")),
        ("mitigated", when("2026-03-04T11:02:00Z")), ("resolved", when("2026-03-04T13:45:00Z")),
        ("components", "[mmm-app, monitoring]"), ("rollback_triggered", "false")],
        [("Raise the metrics exporter's batch size", "priya", "2026-03-11", True)],
        "# Summary\n\nThe monitoring dashboard showed job metrics up to 20 minutes late while the 50% stage ran.\n"
        "Jobs themselves were unaffected; the rollout went on.\n\n## Cause\n\nThe metrics exporter flushed in "
        "batches of 10 and fell behind at the higher job rate.\n\n## What we changed\n\n- Batch size raised to 200.\n"))


# --- 2026.2-warehouse-cutover ----------------------------------------------------------------------

CUTOVER_GATES = {**DEFAULT_GATES, "min_stage_minutes": 4320}  # seed 002: three days per stage


def cutover_series(rng, baselines, ga_start, rollback_at):
    """The 10-minute samples of 12 May for storage and registration: error rate and p99 climb from 09:10Z."""
    rows = []
    moment = when("2026-05-12T07:00:00Z")
    while moment <= when("2026-05-12T11:00:00Z"):
        for component in ["storage", "registration"]:
            base = baselines[component]
            on = ga_start <= moment < rollback_at
            minutes = (moment - ga_start).total_seconds() / 60
            traffic = 50 if on else (25 if moment < ga_start or component == "storage" else 0)
            if component == "registration" and on:
                error = 0.002 + max(0, minutes - 60) * 0.0018
                p99 = base * (1 + max(0, minutes - 65) * 0.0085)
            elif component == "storage" and on:
                error = 0.002 + rng.random() * 0.001
                p99 = base * (1 + max(0, minutes - 65) * 0.009)
            else:
                error = 0.001 + rng.random() * 0.001
                p99 = base * rng.uniform(0.95, 1.05)
            rows.append([iso(moment), component, traffic, round(error, 4), round(p99)])
        moment += dt.timedelta(minutes=10)
    return rows


def cutover(rng):
    release = "2026.2-warehouse-cutover"
    starts = [when("2026-05-03T08:00:00Z"), when("2026-05-06T08:00:00Z"), when("2026-05-09T08:00:00Z"),
              when("2026-05-12T08:00:00Z")]
    names = [("testing", 0), ("canary", 5), ("early_adopters", 25), ("general_availability", 50)]
    rollback_at = when("2026-05-12T09:40:00Z")
    baselines = {"config": 120, "storage": 450, "features": 900, "registration": 300}
    series = cutover_series(rng, baselines, starts[3], rollback_at)
    components = []
    for component, base in baselines.items():
        stages = []
        for index, ((name, traffic), start) in enumerate(zip(names, starts)):
            last = index == len(names) - 1
            volume = [300, 2500, 9000, 3200][index]
            requests = volume + rng.randrange(0, volume // 8)
            errors = round(requests * (0.001 + rng.random() * 0.002))
            p99 = round(base * rng.uniform(0.9, 1.1))
            end = starts[index + 1] if not last else None
            if last and component in ("storage", "registration"):
                # The 50% stage of the rolled-back components is the sum of its ten 10-minute samples:
                # 210 requests each, errors = Σ rate × 210, p99 = the highest sample's p99.
                window = [r for r in series if r[1] == component and starts[3] <= when(r[0]) < rollback_at]
                requests = 210 * len(window)
                errors = round(sum(r[3] for r in window) * 210)
                p99 = max(r[4] for r in window)
                end = rollback_at
            stages.append({"name": name, "traffic": traffic, "start": start, "end": end,
                           "requests": requests, "errors": errors, "p50": round(p99 * 0.35), "p99": p99})
        for stage in stages[:-1]:
            check_gates(stage, base, CUTOVER_GATES, True, f"{release}/{component}")
        events = [{"type": "advance", "at": s["start"], "stage": s["name"], "reason": "stage gates passed after 3 days"}
                  for s in stages[1:]]
        if component == "registration":
            events.append({"type": "emergency_rollback", "at": rollback_at,
                           "reason": "INC-2026-051 registration records mismatched between old and new registrar"})
        if component == "storage":
            events.append({"type": "rollback", "at": rollback_at, "stage": "early_adopters",
                           "reason": "p99 regression from registrar retries; back to 25% with registration"})
        components.append({"name": component, "baseline_p99": base, "stages": stages, "events": events})
    registration = components[3]["stages"][3]
    assert registration["errors"] / registration["requests"] > 0.01, "the 50% stage fails the success-rate gate"
    header = ("# Warehouse cutover (seed 002): config, storage, features and registration through the seed's stages.\n"
              "# Written by scripts/example/operations.py. The 50% stage of storage and registration sums\n"
              "# rollout-metrics.csv: 210 requests per 10-minute sample, errors = Σ error_rate × 210, p99 = highest sample.\n")
    write(release, "rollout.yaml", rollout_yaml(header, components, gates={"min_stage_minutes": 4320},
                                                metrics="rollout-metrics.csv", as_of=when("2026-05-12T12:00:00Z")))
    first_latency = next(r[0] for r in series if r[1] == "registration" and r[4] > baselines["registration"] * 1.2)
    first_error = next(r[0] for r in series if r[1] == "registration" and r[3] > 0.05)
    assert "2026-05-12T09:05:00Z" < first_error < "2026-05-12T09:40:00Z"
    assert "2026-05-12T09:05:00Z" < first_latency < "2026-05-12T09:40:00Z"
    lines = ["timestamp,component,traffic_percent,error_rate,latency_p99_ms"] + [",".join(map(str, r)) for r in series]
    write(release, "rollout-metrics.csv", "\n".join(lines) + "\n")
    write(release, "incidents/2026-05-12-registration-mismatch.md", incident_md([
        ("id", "INC-2026-051"), ("title", "Registration records mismatched after the cutover reached 50%"),
        ("severity", "SEV2"), ("status", "mitigated"),
        ("started", when("2026-05-12T09:05:00Z")), ("detected", when("2026-05-12T09:22:00Z")),
        ("mitigated", rollback_at),
        ("components", "[registration, storage]"), ("rollback_triggered", "true")],
        [("Compare row counts and checksums in the cutover gate", "dana", "2026-05-19", False),
         ("Backfill the mismatched registration records", "lee", "2026-05-15", True),
         ("Make the new registrar write timestamps in UTC", "lee", "2026-05-22", False)],
        "# Summary\n\nFrom 09:05Z, with all components at 50%, the new registrar wrote dataset timestamps in local\n"
        "time, and the validation job began to reject records that no longer matched the old registrar's.\n"
        f"The error rate rose through the 5% rollout limit at {first_error[11:16]}Z and p99 latency passed +20% at "
        f"{first_latency[11:16]}Z\nas clients retried. Registration was rolled back (emergency) at 09:40Z and storage back to 25%.\n\n"
        "## Timeline (UTC)\n\n- 08:00 all components at 50%\n- 09:05 first mismatched record written\n"
        "- 09:22 validation alert pages the on-call engineer\n"
        "- 09:40 emergency rollback of registration; storage back to early adopters\n\n## Follow-up\n\n"
        "The cutover stays on hold until the action items are done and a new 50% stage passes its gates.\n"))
    write(release, "incidents/2026-05-10-duckdb-slow-queries.md", incident_md([
        ("id", "INC-2026-048"), ("title", "Slow feature queries on the DuckDB backend for early adopters"),
        ("severity", "SEV3"), ("status", "resolved"),
        ("started", when("2026-05-10T13:40:00Z")), ("detected", when("2026-05-10T14:05:00Z")),
        ("mitigated", when("2026-05-10T15:10:00Z")), ("resolved", when("2026-05-11T09:30:00Z")),
        ("components", "[features, storage]"), ("rollback_triggered", "false")],
        [("Add the missing index on feature_snapshots(dataset_id)", "omar", "2026-05-11", True)],
        "# Summary\n\nFeature generation for early adopters slowed threefold: a query on the DuckDB backend\n"
        "scanned a whole snapshot table. An index fixed it; no rollback was needed.\n"))


# --- 2026.3-invoice-gemini -------------------------------------------------------------------------

def invoice(rng):
    release = "2026.3-invoice-gemini"
    begin = when("2026-09-01T00:00:00Z").timestamp()
    span = 14 * 86400
    vendors = ["Acme Supply", "Bolt Foods", "Cedar Paper", "Delta Freight", "Evergreen Farms"]
    records = []
    for index in range(6000):
        # The seed's hash split is 50/50; a draw stands in for hash(request_id) % 100 < 50.
        variant = "control" if rng.random() < 0.5 else "treatment"
        pages = rng.choice([1, 1, 1, 2, 2, 3, 4, 6])
        complexity = round(min(1.0, rng.betavariate(2, 5) + pages * 0.03), 3)
        if variant == "control":
            method = "document_ai"
            seconds = rng.gammavariate(9.0, 4.6) * (0.8 + complexity * 0.5)
            accurate = rng.random() < 0.872
            cost = 0.0150 * pages + rng.gauss(0, 0.002)
        else:
            fallback = rng.random() < 0.082
            method = "document_ai_fallback" if fallback else "gemini"
            seconds = rng.gammavariate(9.0, 3.5) * (0.8 + complexity * 0.5) + (18 if fallback else 0)
            accurate = rng.random() < 0.876
            cost = (0.0150 * pages if fallback else 0.0062 * pages) + 0.0009 + rng.gauss(0, 0.002)
        # Zapier gives up at 160 s (seed 004); about 1.4% of requests in either variant run that long.
        timed_out = rng.random() < 0.014
        if timed_out:
            seconds = 160 + rng.uniform(0, 25)
        successful = rng.random() > 0.006  # a timed-out request still finishes (Zapier just stops waiting)
        records.append({
            "timestamp": round(begin + rng.random() * span, 3),
            "request_id": f"inv-{index:05d}",
            "test_variant": variant,
            "processing_method": method,
            "processing_time_seconds": round(seconds, 3),
            "pdf_size_mb": round(0.2 + pages * rng.uniform(0.15, 0.6), 2),
            "pdf_page_count": pages,
            "pdf_complexity_score": complexity,
            "line_items_extracted": rng.randrange(1, 40) if successful else 0,
            "processing_successful": successful,
            "timeout_occurred": timed_out,
            "vendor_detected": rng.choice(vendors) if successful else "",
            "fallback_used": method == "document_ai_fallback",
            "processing_accuracy": accurate and successful,
            "cost_per_invoice": round(max(0.001, cost), 5),
        })
    records.sort(key=lambda r: r["timestamp"])
    with open(os.path.join(RELEASES, release, "experiments.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(records[0].keys()), lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow({k: (("true" if v else "false") if isinstance(v, bool) else v) for k, v in record.items()})
    story = check_experiment(records)

    treatment = [r for r in records if r["test_variant"] == "treatment"]
    times_ms = [r["processing_time_seconds"] * 1000 for r in treatment]
    control_ms = [r["processing_time_seconds"] * 1000 for r in records if r["test_variant"] == "control"]
    initial = {"name": "initial", "traffic": 5, "start": when("2026-09-01T00:00:00Z"), "end": when("2026-09-14T09:00:00Z"),
               "requests": len(treatment), "errors": sum(not r["processing_successful"] for r in treatment),
               "p50": round(percentile(times_ms, 50)), "p99": round(percentile(times_ms, 99))}
    expanded_requests = 1180 + rng.randrange(0, 60)
    expanded = {"name": "expanded", "traffic": 25, "start": when("2026-09-14T09:00:00Z"),
                "requests": expanded_requests, "errors": round(expanded_requests * 0.006),
                "p50": round(percentile(times_ms, 50) * 1.02), "p99": round(percentile(times_ms, 99) * 1.03)}
    baseline_p99 = round(percentile(control_ms, 99))
    gates = {**DEFAULT_GATES, "min_stage_minutes": 1440}  # seed 004: the initial stage lasts 24 hours
    check_gates(initial, baseline_p99, gates, True, release)
    components = [{"name": "invoice-processing", "baseline_p99": baseline_p99,
                   "stages": [initial, expanded, {"name": "majority", "traffic": 50}, {"name": "full", "traffic": 100}],
                   "events": [{"type": "advance", "at": expanded["start"], "stage": "expanded",
                               "reason": f"A/B test {story}"}]}]
    header = ("# Gemini invoice processing (seed 004): 5% → 25% → 50% → 100%. Baseline p99 is Document AI's\n"
              "# (the A/B control); the initial stage's figures are the A/B treatment's. Written by\n"
              "# scripts/example/operations.py.\n")
    as_of = when("2026-09-15T09:00:00Z")
    check_gates({**expanded, "end": as_of}, baseline_p99, gates, True, release)
    write(release, "rollout.yaml", rollout_yaml(header, components, gates={"min_stage_minutes": 1440}, as_of=as_of))
    errors = expanded["errors"]
    write(release, "rollout_state.json",
          "{\n"
          '  "configs": {\n'
          '    "invoice-processing": {\n'
          '      "start_date": "2026-09-01T00:00:00+00:00",\n'
          '      "stage_duration_days": 1,\n'
          '      "auto_advance": false,\n'
          '      "success_threshold": 0.99,\n'
          '      "error_threshold": 0.05\n'
          "    }\n"
          "  },\n"
          '  "current_stages": {\n'
          '    "invoice-processing": "expanded"\n'
          "  },\n"
          '  "metrics": {\n'
          '    "invoice-processing": {\n'
          f'      "success_count": {expanded_requests - errors},\n'
          f'      "error_count": {errors},\n'
          '      "stage_started": "2026-09-14T09:00:00+00:00"\n'
          "    }\n"
          "  },\n"
          '  "last_updated": "2026-09-15T09:00:00+00:00"\n'
          "}\n")


def check_experiment(records):
    """The A/B story: treatment significantly faster and cheaper, accuracy and timeouts not significantly
    different, fallbacks significantly more frequent (seed recommendation PROCEED_WITH_CAUTION)."""
    from scipy import stats

    def split(field):
        c = [float(r[field]) for r in records if r["test_variant"] == "control"]
        t = [float(r[field]) for r in records if r["test_variant"] == "treatment"]
        return c, t

    p = {}
    for field in ["processing_time_seconds", "cost_per_invoice"]:
        c, t = split(field)
        p[field] = (stats.ttest_ind(t, c, equal_var=False).pvalue, sum(t) / len(t) - sum(c) / len(c))
    for field in ["processing_accuracy", "timeout_occurred", "fallback_used"]:
        c, t = split(field)
        table = [[sum(c), len(c) - sum(c)], [sum(t), len(t) - sum(t)]]
        p[field] = (stats.chi2_contingency(table).pvalue, sum(t) / len(t) - sum(c) / len(c))
    assert p["processing_time_seconds"][0] < 0.05 and p["processing_time_seconds"][1] < 0, p
    assert p["cost_per_invoice"][0] < 0.05 and p["cost_per_invoice"][1] < 0, p
    assert p["processing_accuracy"][0] >= 0.05, p
    assert p["timeout_occurred"][0] >= 0.05, p
    assert p["fallback_used"][0] < 0.05 and p["fallback_used"][1] > 0, p
    return "shows faster and cheaper processing, accuracy not significantly different"


def main():
    trainer(random.Random(20260302))
    cutover(random.Random(20260512))
    invoice(random.Random(20260914))


if __name__ == "__main__":
    main()
