#!/usr/bin/env python3
"""Writes <format>/expected.json: what each real file in this folder must read as, by the mapping of
docs/formats/rollout-controllers.md, computed here independently of Flightdeck (PyYAML and json).

- argo-rollout: stages from spec.strategy.canary.steps (one per setWeight, "initial" before the first, "promoted"
  at 100% after the last; blueGreen: "preview" and "promoted"), each stage's progress from the phase and
  status.currentStepIndex, the phase (status.phase, or derived from the status as Argo CD's health check does),
  the mapped status, pause and abort events.
- argo-analysisrun: every metric with its conditions, limits, counts (absent = 0) and measurements (value as text,
  and as a number when it is a decimal number or a one-element list), and the check each metric gives.
- flagger-canary: weight stages from spec.analysis (stepWeights, or stepWeight up to maxWeight) and "promotion",
  their progress from the phase and canaryWeight, the failed-checks check, the mapped status and events.
- prometheus-query-range: each series' labels and samples ([unix time, value], NaN as null), or, for a response
  Flightdeck must refuse, the JSON paths of the values it must name.

Run from anywhere: python3 Tests/FlightdeckTests/Fixtures/rollouts/expected.py
"""
import datetime
import json
import math
import re
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
NUMBER = re.compile(r"^[0-9+\-.eE]+$")


def load(path):
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


def instant(value):
    """An RFC 3339 time (PyYAML gives unquoted ones as datetime) as Flightdeck writes it: UTC, whole seconds, Z."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def text(value):
    """A scalar as text, as written (PyYAML has parsed numbers; Flightdeck keeps their text)."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def number(s):
    """A measurement value as a number: decimal, or a one-element list."""
    body = s.strip()
    if body.startswith("[") and body.endswith("]"):
        body = body[1:-1].strip()
    if not body or not NUMBER.match(body):
        return None
    try:
        v = float(body)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def fmt(n):
    return str(int(n)) if float(n).is_integer() else repr(float(n))


def objects(doc):
    if doc.get("kind") == "List" or (doc.get("kind", "").endswith("List") and "items" in doc):
        return doc["items"]
    return [doc]


# Argo Rollouts ---------------------------------------------------------------------------------------------------

def argo_phase(obj):
    """(phase, derived, message, aborted) as docs/formats/rollout-controllers.md says."""
    status = obj.get("status")
    conditions = (status or {}).get("conditions") or []
    aborted = bool((status or {}).get("abort")) or any(
        c.get("type") == "Progressing" and c.get("reason") == "RolloutAborted" for c in conditions)
    if status is None:
        return "Progressing", True, "the controller has not reconciled the Rollout yet (no status)", False
    if status.get("phase") is not None:
        return status["phase"], False, status.get("message"), aborted
    for c in conditions:
        if c.get("type") == "InvalidSpec":
            return "Degraded", True, c.get("message"), aborted
    for c in conditions:
        if c.get("type") == "Progressing" and c.get("reason") in ("RolloutAborted", "ProgressDeadlineExceeded"):
            return "Degraded", True, c.get("message"), aborted
    pauses = status.get("pauseConditions") or []
    if pauses or obj["spec"].get("paused") is True:
        reasons = [p["reason"] for p in pauses if p.get("reason") is not None]
        return "Paused", True, ", ".join(reasons) if reasons else "paused", aborted
    pod = status.get("currentPodHash")
    if pod is None:
        return "Progressing", True, "the controller has not reconciled the Rollout yet", aborted
    stable = status.get("stableRS") or (status.get("canary") or {}).get("stableRS")
    if "blueGreen" in obj["spec"]["strategy"]:
        active = (status.get("blueGreen") or {}).get("activeSelector")
        healthy = active == pod and (not stable or stable == pod)
    else:
        healthy = stable == pod
    return ("Healthy", True, None, aborted) if healthy else \
        ("Progressing", True, "waiting for the rollout to finish its steps", aborted)


def argo_status(phase, aborted):
    return {"Healthy": "complete", "Progressing": "in_progress", "Paused": "paused",
            "Degraded": "rolled_back" if aborted else "failed"}[phase]


def step_text(step):
    key = next(iter(step))
    if key == "setWeight":
        return f"setWeight {fmt(step['setWeight'])}"
    if key == "pause":
        duration = (step["pause"] or {}).get("duration")
        if duration is None:
            return "pause"
        return f"pause {duration}s" if isinstance(duration, int) else f"pause {duration}"
    if key == "analysis":
        names = [t["templateName"] for t in (step["analysis"] or {}).get("templates") or [] if "templateName" in t]
        return "analysis " + ", ".join(names) if names else "analysis"
    return key


def argo_plan(obj):
    """[(name, weight, first step, detail)] of the stages."""
    strategy = obj["spec"]["strategy"]
    if "blueGreen" in strategy:
        return [("preview", 0, 0, "new version behind the preview service"),
                ("promoted", 100, 1, "active service switched to the new version")]
    steps = (strategy.get("canary") or {}).get("steps") or []
    stages = []
    for i, step in enumerate(steps):
        if "setWeight" in step:
            stages.append([f"step {i + 1}", step["setWeight"], i, [step_text(step)]])
        elif not stages:
            stages.append(["initial", 0, 0, [step_text(step)]])
        else:
            stages[-1][3].append(step_text(step))
    plan = [(n, w, f, " · ".join(d)) for n, w, f, d in stages]
    return plan + [("promoted", 100, len(steps), "full promotion after the last step")]


def progress(first_steps, current, status):
    if status == "complete":
        return ["completed"] * len(first_steps)
    if current is None:
        return ["planned"] * len(first_steps)
    active = max([i for i, f in enumerate(first_steps) if f <= current], default=0)
    out = []
    for i in range(len(first_steps)):
        if i < active:
            out.append("completed")
        elif i > active:
            out.append("planned")
        else:
            out.append("rolled_back" if status == "rolled_back" else "active")
    return out


def argo_rollout(obj):
    phase, derived, message, aborted = argo_phase(obj)
    status = argo_status(phase, aborted)
    st = obj.get("status") or {}
    plan = argo_plan(obj)
    blue_green = "blueGreen" in obj["spec"]["strategy"]
    current = 0 if blue_green else st.get("currentStepIndex")
    stages = [{"name": n, "traffic_percent": w, "status": p, "detail": d}
              for (n, w, _, d), p in zip(plan, progress([f for _, _, f, _ in plan], current, status))]
    events = []
    for p in st.get("pauseConditions") or []:
        if p.get("startTime") is not None:
            events.append({"type": "pause", "at": instant(p["startTime"]),
                           "reason": f"paused: {p['reason']}" if p.get("reason") else "paused"})
    abort_condition = next((c for c in st.get("conditions") or [] if c.get("reason") == "RolloutAborted"), None)
    if st.get("abort") is True:
        at = st.get("abortedAt") or (abort_condition or {}).get("lastTransitionTime")
        if at is not None:
            events.append({"type": "emergency_rollback", "at": instant(at),
                           "reason": message or (abort_condition or {}).get("message") or "aborted"})
    events.sort(key=lambda e: e["at"])
    weights = ((st.get("canary") or {}).get("weights") or {}).get("canary") or {}
    return {"name": obj["metadata"]["name"], "namespace": obj["metadata"].get("namespace"),
            "strategy": "blueGreen" if blue_green else "canary", "phase": phase, "phase_derived": derived,
            "status": status, "message": message, "current_step_index": st.get("currentStepIndex"),
            "step_count": None if blue_green else len((obj["spec"]["strategy"].get("canary") or {}).get("steps") or []),
            "canary_weight": weights.get("weight"), "stages": stages, "events": events}


def analysis_run(obj):
    meta = obj["metadata"]
    labels = meta.get("labels") or {}
    owner = next((o["name"] for o in meta.get("ownerReferences") or [] if o.get("kind") == "Rollout"), None)
    role = {"Step": "step", "PrePromotion": "pre_promotion", "PostPromotion": "post_promotion"}.get(
        labels.get("rollout-type"), "background")
    spec = obj.get("spec") or {}
    metrics = []
    for m in spec.get("metrics") or (spec.get("analysisSpec") or {}).get("metrics") or []:
        metrics.append({"name": m["name"], "provider": next(iter(m.get("provider") or {}), None),
                        "interval": text(m.get("interval")), "success_condition": m.get("successCondition"),
                        "failure_condition": m.get("failureCondition"), "failure_limit": text(m.get("failureLimit")),
                        "inconclusive_limit": text(m.get("inconclusiveLimit")),
                        "consecutive_error_limit": text(m.get("consecutiveErrorLimit")),
                        "phase": None, "message": None, "count": None, "successful": None, "failed": None,
                        "inconclusive": None, "error": None, "consecutive_error": None, "measurements": []})
    status = obj.get("status") or {}
    for r in status.get("metricResults") or []:
        metric = next((m for m in metrics if m["name"] == r["name"]), None)
        if metric is None:
            metric = {"name": r["name"], "provider": None, "interval": None, "success_condition": None,
                      "failure_condition": None, "failure_limit": None, "inconclusive_limit": None,
                      "consecutive_error_limit": None}
            metrics.append(metric)
        metric.update({"phase": r.get("phase"), "message": r.get("message"),
                       "count": r.get("count", 0), "successful": r.get("successful", 0), "failed": r.get("failed", 0),
                       "inconclusive": r.get("inconclusive", 0), "error": r.get("error", 0),
                       "consecutive_error": r.get("consecutiveError"),
                       "measurements": [{"phase": e.get("phase"), "value": text(e.get("value")),
                                         "number": number(text(e["value"])) if e.get("value") is not None else None,
                                         "started_at": instant(e.get("startedAt")),
                                         "finished_at": instant(e.get("finishedAt"))}
                                        for e in r.get("measurements") or []]})
    checks = []
    for m in metrics:
        phase = m["phase"] or status.get("phase") or "Pending"
        outcome = "pass" if phase == "Successful" else "fail" if phase in ("Failed", "Error") else "no_data"
        checks.append({"name": m["name"], "outcome": outcome})
    step = labels.get("step-index")
    return {"name": meta["name"], "owner": owner, "role": role, "step_index": int(step) if step is not None else None,
            "pod_hash": labels.get("rollouts-pod-template-hash"), "phase": status.get("phase"),
            "message": status.get("message"), "started_at": instant(status.get("startedAt")),
            "metrics": metrics, "checks": checks}


# Flagger ---------------------------------------------------------------------------------------------------------

FLAGGER_STATUS = {"Succeeded": "complete", "Failed": "rolled_back", "Terminating": "failed", "Terminated": "failed",
                  "Waiting": "paused", "WaitingPromotion": "paused", "Initializing": "in_progress",
                  "Initialized": "in_progress", "Progressing": "in_progress", "Promoting": "in_progress",
                  "Finalising": "in_progress"}


def flagger_stages(analysis, canary_weight):
    weights, detail = [], None
    if analysis is not None:
        max_weight = analysis.get("maxWeight", 100)
        if analysis.get("stepWeights"):
            weights = [w for w in analysis["stepWeights"] if 0 <= w <= 100]
        elif (analysis.get("stepWeight") or 0) > 0:
            w = analysis["stepWeight"]
            while w < max_weight:
                weights.append(w)
                w += analysis["stepWeight"]
            weights.append(max_weight)
        else:
            detail = (f"{analysis['iterations']} iterations; traffic routed by match rules, not by weight"
                      if analysis.get("iterations") is not None else "no stepWeight or stepWeights in spec.analysis")
    else:
        detail = "weights unknown: the object has no spec.analysis"
    stages = [{"name": f"{fmt(w)}%", "traffic_percent": w, "detail": None} for w in weights]
    if not stages:
        stages = [{"name": "analysis", "traffic_percent": canary_weight if analysis is None else 0, "detail": detail}]
    return stages + [{"name": "promotion", "traffic_percent": 100, "detail": "primary updated to the new version"}]


def flagger_progress(phase, weights, canary_weight):
    n = len(weights) + 1
    if phase == "Progressing":
        active = max([i for i, w in enumerate(weights) if w <= canary_weight], default=0)
        return ["completed" if i < active else "active" if i == active else "planned" for i in range(n)]
    if phase == "WaitingPromotion":
        return ["completed" if i < len(weights) else "planned" for i in range(n)]
    if phase in ("Promoting", "Finalising"):
        return ["completed" if i < len(weights) else "active" for i in range(n)]
    if phase == "Succeeded":
        return ["completed"] * n
    return ["planned"] * n


def canary(obj):
    spec = obj.get("spec") or {}
    analysis = spec.get("analysis") or spec.get("canaryAnalysis")
    st = obj.get("status") or {}
    phase = st.get("phase") or "Initializing"
    weight = st.get("canaryWeight", 0) or 0
    promoted = next((c for c in st.get("conditions") or [] if c.get("type") == "Promoted"), None)
    threshold = (analysis or {}).get("threshold")
    failed = st.get("failedChecks")
    if spec.get("skipAnalysis") is True or threshold is None or failed is None:
        check = "no_data"
    else:
        check = "pass" if failed < threshold else "fail"
    stages = flagger_stages(analysis, weight)
    for stage, p in zip(stages, flagger_progress(phase, [s["traffic_percent"] for s in stages[:-1]], weight)):
        stage["status"] = p
        stage["checks"] = [check] if stage["name"] != "promotion" and p != "planned" else []
    events = []
    at = st.get("lastTransitionTime")
    if at is not None and phase == "Failed":
        events.append({"type": "emergency_rollback", "at": instant(at),
                       "reason": (promoted or {}).get("message") or "canary analysis failed"})
    if at is not None and phase in ("Waiting", "WaitingPromotion"):
        events.append({"type": "pause", "at": instant(at), "reason": (promoted or {}).get("message") or phase})
    metrics = []
    for m in (analysis or {}).get("metrics") or []:
        low, high = (m.get("thresholdRange") or {}).get("min"), (m.get("thresholdRange") or {}).get("max")
        if "thresholdRange" not in m and m.get("threshold") is not None:
            low, high = (m["threshold"], None) if m["name"] == "request-success-rate" else (None, m["threshold"])
        metrics.append({"name": m["name"], "threshold_min": low, "threshold_max": high, "interval": text(m.get("interval"))})
    return {"name": obj["metadata"]["name"], "namespace": obj["metadata"].get("namespace"), "phase": phase,
            "phase_derived": st.get("phase") is None, "status": FLAGGER_STATUS[phase],
            "message": (promoted or {}).get("message"), "canary_weight": st.get("canaryWeight"),
            "failed_checks": failed, "iterations": st.get("iterations"), "threshold": threshold,
            "conditions": [{"type": c["type"], "status": c.get("status"), "reason": c.get("reason")}
                           for c in st.get("conditions") or []],
            "stages": stages, "events": events, "metrics": metrics}


# Prometheus ------------------------------------------------------------------------------------------------------

def prometheus(doc):
    bad = []
    series = []
    for i, s in enumerate(doc["data"]["result"]):
        points, gaps = [], 0
        for j, (t, v) in enumerate(s["values"]):
            if v == "NaN":
                gaps += 1
                points.append([t, None])
            elif v in ("+Inf", "-Inf", "Inf"):
                bad.append(f"data.result[{i}].values[{j}][1]")
            else:
                points.append([t, float(v)])
        series.append({"labels": dict(sorted(s["metric"].items())), "points": points, "gaps": gaps})
    if doc["status"] != "success" or doc["data"]["resultType"] != "matrix" or bad:
        return {"ok": False, "bad_values": bad}
    return {"ok": True, "series": series}


READERS = {
    "argo-rollout": lambda doc: [argo_rollout(o) for o in objects(doc)],
    "argo-analysisrun": lambda doc: [analysis_run(o) for o in objects(doc)],
    "flagger-canary": lambda doc: [canary(o) for o in objects(doc)],
    "prometheus-query-range": prometheus,
}


def main():
    for folder, read in READERS.items():
        files = sorted(p for p in (HERE / folder).iterdir() if p.suffix in (".yaml", ".yml", ".json") and p.name != "expected.json")
        expected = {p.name: read(load(p)) for p in files}
        (HERE / folder / "expected.json").write_text(json.dumps(expected, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
        print(f"{folder}: wrote expected.json for {len(expected)} files")


if __name__ == "__main__":
    main()
