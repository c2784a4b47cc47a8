import Foundation

/// Reads an Argo Rollouts `AnalysisRun` (argoproj.io/v1alpha1): each metric of `spec.metrics` with its conditions and
/// limits, and of `status.metricResults` its phase, counts and measurements. Argo Rollouts leaves zero counts out.
enum ArgoAnalysisRunReader {
    /// A run as read, with what tells which Rollout and revision it belongs to.
    struct Read {
        /// The run.
        var run: RolloutAnalysisRun
        /// The Rollout that owns it (`metadata.ownerReferences` of kind Rollout).
        var owner: String?
        /// `metadata.namespace`.
        var namespace: String?
        /// Label `rollouts-pod-template-hash`: the revision it analysed.
        var podHash: String?
        /// Where its name is written.
        var location: SourceLocation
    }

    /// The run, or nil when the object cannot be read. Problems go to the log.
    static func read(_ object: KubernetesObjects.Object, log: DiagnosticLog) -> Read? {
        guard let r = ObjectReader(object.node, log: log, what: "an AnalysisRun"),
              let metadata = r.object("metadata", required: true), let name = metadata.string("name", required: true) else { return nil }
        let labels = metadata.object("labels")
        let owner = (metadata.list("ownerReferences") ?? []).first { $0["kind"]?.scalarText == "Rollout" }?["name"]?.scalarText
        let role: RolloutAnalysisRun.Role = switch labels?.string("rollout-type") {
        case "Step": .step
        case "PrePromotion": .prePromotion
        case "PostPromotion": .postPromotion
        default: .background
        }
        let spec = r.object("spec")
        // Older objects nest the metrics under spec.analysisSpec.
        let specMetrics = spec?.list("metrics") ?? spec?.object("analysisSpec")?.list("metrics") ?? []
        let status = r.object("status")
        var metrics = specMetrics.compactMap { element -> RolloutAnalysisMetric? in
            guard let m = ObjectReader(element, log: log, what: "each metric"), let name = m.string("name", required: true) else { return nil }
            var metric = RolloutAnalysisMetric(name: name)
            metric.provider = m.object("provider")?.keys.first
            metric.interval = m.string("interval")
            metric.successCondition = m.string("successCondition")
            metric.failureCondition = m.string("failureCondition")
            metric.failureLimit = m.string("failureLimit")
            metric.inconclusiveLimit = m.string("inconclusiveLimit")
            metric.consecutiveErrorLimit = m.string("consecutiveErrorLimit")
            return metric
        }
        for element in status?.list("metricResults") ?? [] {
            guard let m = ObjectReader(element, log: log, what: "each metric result"), let name = m.string("name", required: true) else { continue }
            let index = metrics.firstIndex { $0.name == name } ?? {
                metrics.append(RolloutAnalysisMetric(name: name))
                return metrics.count - 1
            }()
            result(m, into: &metrics[index])
        }
        let run = RolloutAnalysisRun(name: name, path: object.path, role: role, stepIndex: labels?.string("step-index").flatMap { Int($0) },
                                     phase: status?.string("phase"), message: status?.string("message"),
                                     startedAt: status?.instant("startedAt"), metrics: metrics)
        return Read(run: run, owner: owner, namespace: metadata.string("namespace"), podHash: labels?.string("rollouts-pod-template-hash"),
                    location: metadata.node["name"]?.location ?? object.node.location)
    }

    /// A metric's result: phase, counts (absent is 0) and measurements.
    private static func result(_ m: ObjectReader, into metric: inout RolloutAnalysisMetric) {
        metric.phase = m.string("phase")
        metric.message = m.string("message")
        metric.count = m.count("count") ?? 0
        metric.successful = m.count("successful") ?? 0
        metric.failed = m.count("failed") ?? 0
        metric.inconclusive = m.count("inconclusive") ?? 0
        metric.error = m.count("error") ?? 0
        metric.consecutiveError = m.count("consecutiveError")
        for element in m.list("measurements") ?? [] {
            guard let e = ObjectReader(element, log: m.log, what: "each measurement") else { continue }
            let value = e.string("value")
            metric.measurements.append(RolloutMeasurement(phase: e.string("phase"), value: value, number: value.flatMap(number),
                                                          startedAt: e.instant("startedAt"), finishedAt: e.instant("finishedAt"),
                                                          message: e.string("message")))
        }
    }

    /// A measurement's value as a number: a decimal number, or a list of exactly one (`[0.97]`, as the Prometheus
    /// provider writes a one-sample vector); nil for anything else (`NaN`, `false`, `[1, 2]`).
    static func number(_ text: String) -> Double? {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("["), body.hasSuffix("]") {
            body = String(body.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        guard !body.isEmpty, body.allSatisfy({ "0123456789+-.eE".contains($0) }), let value = Double(body), value.isFinite else { return nil }
        return value
    }
}
