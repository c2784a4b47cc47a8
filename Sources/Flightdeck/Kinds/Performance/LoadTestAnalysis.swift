import FlightdeckCore
import Foundation

/// Compares each load-test label with its reference and judges it by `thresholds.performance`: a label
/// fails when more than `max_error_rate` of its requests failed, or when its p95 rose by more than
/// `max_p95_regression` against the same label in the release's baseline run (`performance/baseline/`), or
/// else in the previous release of the same product.
package enum LoadTestAnalysis {
    /// The figures of the release's load-test files; nil when it has none but baseline files (or none at all).
    package static func analyse(_ runs: [LoadTestRun], previous: [LoadTestRun], previousRelease: String?,
                                thresholds t: PerformanceThresholds) -> LoadTestsFigures? {
        let current = runs.filter { !$0.isBaseline }
        guard !current.isEmpty else { return nil }
        let references: [(runs: [LoadTestRun], source: String)] = [
            (runs.filter(\.isBaseline), "baseline"),
            (previous.filter { !$0.isBaseline }, previousRelease.map { "release \($0)" } ?? "previous release"),
        ]
        let figures = current.map { run in
            let labels = run.labels.map { compare($0, in: run, references: references, t) }
            return LoadTestRunFigures(path: run.path, file: releaseRelative(run.path), format: run.format.rawValue, tool: run.tool,
                                      percentileMethod: method(run), percentiles: run.percentiles, comparedWith: comparedWith(labels),
                                      checksPassed: run.checksPassed, checksFailed: run.checksFailed, labels: labels)
        }
        let rows = figures.flatMap(\.labels)
        let failures = rows.filter { !$0.passed }.map { "\($0.figures.label): \($0.reasons.joined(separator: ", "))" }
        return LoadTestsFigures(runs: figures, baselinePaths: runs.filter(\.isBaseline).map(\.path), labels: rows.count,
                                passed: rows.count - failures.count, failed: failures.count,
                                compared: rows.count(where: { $0.reference != nil }), failures: failures,
                                reason: reason(rows: rows.count, failures: failures, t))
    }

    /// One label against the first reference that has it: its changes and whether it stays within the limits.
    static func compare(_ label: LoadTestLabel, in run: LoadTestRun, references: [(runs: [LoadTestRun], source: String)],
                        _ t: PerformanceThresholds) -> LoadTestComparison {
        let found = references.lazy.compactMap { candidates in
            reference(for: label, in: run, among: candidates.runs).map { (label: $0.label, path: $0.path, source: candidates.source) }
        }.first
        let ref = found?.label
        func change(_ now: Double?, _ before: Double?) -> Double? {
            guard let now, let before else { return nil }
            return Statistics.ratio(now - before, before)
        }
        let p95Change = change(label.p95Ms, ref?.p95Ms)
        var reasons: [String] = []
        if let rate = label.errorRate, rate > t.maxErrorRate {
            reasons.append("error rate \(FigureText.percent(rate, against: t.maxErrorRate)) (limit \(FigureText.percent(t.maxErrorRate)))")
        }
        if let p95Change, p95Change > t.maxP95Regression, let found {
            reasons.append("p95 \(FigureText.signedPercent(p95Change, against: t.maxP95Regression)) against \(found.source == "baseline" || found.source == "previous release" ? "the " : "")\(found.source) "
                + "(limit \(FigureText.signedPercent(t.maxP95Regression)))")
        }
        let errorRateChange = label.errorRate.flatMap { now in ref?.errorRate.map { now - $0 } }
        return LoadTestComparison(figures: label, reference: ref, referenceSource: found?.source, referencePath: found?.path,
                                  meanChange: change(label.meanMs, ref?.meanMs), p50Change: change(label.p50Ms, ref?.p50Ms),
                                  p90Change: change(label.p90Ms, ref?.p90Ms), p95Change: p95Change, p99Change: change(label.p99Ms, ref?.p99Ms),
                                  throughputChange: change(label.throughputRps, ref?.throughputRps), errorRateChange: errorRateChange,
                                  passed: reasons.isEmpty, reasons: reasons)
    }

    /// The same label in a run of the same tool (a file of the same name first); an aggregate matches the
    /// aggregate of the same name, or else the run's first aggregate (Gatling renamed its own across versions).
    static func reference(for label: LoadTestLabel, in run: LoadTestRun, among runs: [LoadTestRun]) -> (label: LoadTestLabel, path: String)? {
        let name = run.path.split(separator: "/").last
        let sameTool = runs.filter { $0.tool == run.tool }
        let ordered = sameTool.filter { $0.path.split(separator: "/").last == name } + sameTool.filter { $0.path.split(separator: "/").last != name }
        for candidate in ordered {
            if let match = candidate.labels.first(where: { $0.isTotal == label.isTotal && $0.label == label.label }) {
                return (match, candidate.path)
            }
            if label.isTotal, let total = candidate.total { return (total, candidate.path) }
        }
        return nil
    }

    /// `performance/…` of a path inside a release folder (the path itself when it has no such part).
    static func releaseRelative(_ path: String) -> String {
        guard let range = path.range(of: "/\(LoadTestReader.folder)/", options: .backwards) else { return path }
        return String(path[path.index(after: range.lowerBound)...])
    }

    /// What a run's labels were compared with: "Compared with the baseline (performance/baseline/k6.json)",
    /// several references counted, or that none had one.
    static func comparedWith(_ labels: [LoadTestComparison]) -> String {
        var references: [(source: String, path: String, count: Int)] = []
        for label in labels {
            guard let source = label.referenceSource, let path = label.referencePath else { continue }
            if let index = references.firstIndex(where: { $0.source == source && $0.path == path }) {
                references[index].count += 1
            } else {
                references.append((source, path, 1))
            }
        }
        let missing = labels.count - references.reduce(0) { $0 + $1.count }
        guard !references.isEmpty else { return "No baseline run or previous release has these labels: p95 is not compared." }
        let parts = references.map { reference in
            let what = reference.source == "baseline" || reference.source == "previous release" ? "the \(reference.source)" : reference.source
            let count = references.count > 1 || missing > 0 ? " for \(reference.count) label\(reference.count == 1 ? "" : "s")" : ""
            return "\(what) (\(releaseRelative(reference.path)))\(count)"
        }
        let rest = missing > 0 ? "; \(missing) label\(missing == 1 ? " has" : "s have") no reference" : ""
        return "Compared with " + parts.joined(separator: ", ") + rest + "."
    }

    /// Where a run's percentiles come from, for the page.
    static func method(_ run: LoadTestRun) -> String {
        if run.format.computesPercentiles {
            return "Percentiles computed by Flightdeck from every sample's elapsed time: linear interpolation between "
                + "closest ranks, numpy's default method."
        }
        let named = run.percentiles.map { $0.figure == $0.source ? $0.figure : "\($0.figure) (\($0.source))" }
        let missing = ["p50", "p90", "p95", "p99"].filter { figure in !run.percentiles.contains { $0.figure == figure } }
        var text = "Percentiles as \(run.tool) reported them: " + (named.isEmpty ? "none" : named.joined(separator: ", "))
        if !missing.isEmpty { text += "; \(missing.joined(separator: ", ")) not reported" }
        if run.format == .gatlingStats {
            text += ". Gatling names its four percentiles only in its configuration; they are read as its defaults (50th, 75th, 95th, 99th)"
        }
        return text + "."
    }

    /// The verdict's sentence: the labels over a limit (five at most), or that all are within them.
    static func reason(rows: Int, failures: [String], _ t: PerformanceThresholds) -> String {
        let noun = "load-test label\(rows == 1 ? "" : "s")"
        if failures.isEmpty {
            return "\(rows) \(noun) within the limits (error rate ≤ \(FigureText.percent(t.maxErrorRate)), "
                + "p95 regression ≤ \(FigureText.percent(t.maxP95Regression)))"
        }
        let shown = failures.prefix(5).joined(separator: "; ")
        let more = failures.count > 5 ? "; and \(failures.count - 5) more" : ""
        return "\(failures.count) of \(rows) \(noun) exceed the limits: \(shown)\(more)"
    }
}
