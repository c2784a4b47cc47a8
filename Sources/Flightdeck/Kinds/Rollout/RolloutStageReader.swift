/// Reads the `stages:` and `events:` lists of one rollout component, checking each value and their consistency.
enum RolloutStageReader {
    /// The stages, or nil when `stages` is missing or not a list. Bad stages are reported and left out.
    static func readStages(_ c: ObjectReader) -> [RolloutStage]? {
        guard let list = c.list("stages", required: true) else { return nil }
        if list.isEmpty { c.log.error("'stages' must list at least one stage", at: c.node["stages"]?.location) }
        var stages: [RolloutStage] = []
        var seen: [String: Int] = [:]
        for element in list {
            guard let s = ObjectReader(element, log: c.log, what: "each stage") else { continue }
            guard let stage = readStage(s) else { continue }
            if let first = seen[stage.name] {
                c.log.error("duplicate stage name '\(stage.name)' (first at line \(first))", at: s.node["name"]?.location)
                continue
            }
            seen[stage.name] = element.location.line
            if let previous = stages.last(where: { $0.start != nil })?.start, let start = stage.start, start < previous {
                c.log.warning("stage '\(stage.name)' starts before the stage listed above it; list stages in rollout order",
                              at: s.node["start"]?.location)
            }
            stages.append(stage)
        }
        return stages
    }

    private static func readStage(_ s: ObjectReader) -> RolloutStage? {
        let name = s.string("name", required: true)
        let traffic = s.percent("traffic_percent", required: true)
        let start = s.locatedInstant("start")
        let end = s.locatedInstant("end")
        let requests = s.count("requests")
        let errors = s.count("errors")
        let p50 = s.nonNegative("latency_p50_ms")
        let p99 = s.nonNegative("latency_p99_ms")
        s.warnUnknownKeys()
        if let end, start == nil, s.node["start"] == nil {
            s.log.error("'end' is set but 'start' is missing; a stage that ended must have begun", at: end.location)
        }
        s.requireOrder(start, "start", end, "end")
        if let requests, let errors, errors > requests {
            s.log.error("'errors' (\(errors)) must not exceed 'requests' (\(requests))", at: s.node["errors"]?.location)
        }
        if errors != nil, requests == nil, s.node["requests"] == nil {
            s.log.error("'errors' is set but 'requests' is missing; an error rate needs both", at: s.node["errors"]?.location)
        }
        if let p50, let p99, p50 > p99 {
            s.log.warning("'latency_p50_ms' (\(p50)) is above 'latency_p99_ms' (\(p99))", at: s.node["latency_p50_ms"]?.location)
        }
        guard let name, let traffic else { return nil }
        return RolloutStage(name: name, trafficPercent: traffic, start: start?.date, end: end?.date,
                            requests: requests, errors: errors, latencyP50Ms: p50, latencyP99Ms: p99)
    }

    /// The events sorted by time (stably); bad events are reported and left out.
    static func readEvents(_ c: ObjectReader) -> [RolloutEvent] {
        guard let list = c.list("events") else { return [] }
        // Every stage name written, even of stages rejected for other reasons, so events are not reported twice.
        let names = c.node["stages"]?.elements?.compactMap { $0["name"]?.scalarText }
        let kinds = RolloutEvent.Kind.allCases.map(\.rawValue)
        var events: [RolloutEvent] = []
        for element in list {
            guard let e = ObjectReader(element, log: c.log, what: "each event") else { continue }
            let kind = e.choice("type", required: true, of: kinds).flatMap(RolloutEvent.Kind.init(rawValue:))
            // `time` is accepted for `at`, as the issue words it.
            let at = e.node["time"] != nil && e.node["at"] == nil ? e.instant("time", required: true) : e.instant("at", required: true)
            let reason = e.string("reason")
            let stage = e.string("stage")
            e.warnUnknownKeys()
            if let stage, let names, !names.contains(stage) {
                c.log.error("'stage' must name a stage of this component, found \"\(stage)\""
                            + Suggestion.phrase(for: stage, in: names), at: e.node["stage"]?.location)
            }
            guard let kind, let at else { continue }
            events.append(RolloutEvent(kind: kind, at: at, reason: reason, stage: stage))
        }
        return events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}
