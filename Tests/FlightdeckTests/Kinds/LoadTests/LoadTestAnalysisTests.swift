import Foundation
import Testing
@testable import Flightdeck

/// A k6 `handleSummary` JSON (the shape k6 writes) with one tagged sub-metric per label, as a threshold on
/// `http_req_duration{name:<label>}` makes k6 keep: p95 and p50 in milliseconds, requests and failed ones.
func k6Summary(seconds: Double = 60, total: (p95: Double, count: Int, failed: Int),
               labels: [(name: String, p95: Double, count: Int, failed: Int)]) -> String {
    func trend(_ p95: Double) -> String {
        #"{"type": "trend", "contains": "time", "values": {"avg": \#(p95 / 2), "min": 1, "med": \#(p95 / 3), "max": \#(p95 * 2), "p(90)": \#(p95 * 0.9), "p(95)": \#(p95)}}"#
    }
    func failed(_ count: Int, _ failed: Int) -> String {
        #"{"type": "rate", "contains": "default", "values": {"rate": \#(Double(failed) / Double(max(count, 1))), "passes": \#(failed), "fails": \#(count - failed)}}"#
    }
    var metrics = [
        #""http_req_duration": \#(trend(total.p95))"#,
        #""http_req_duration{expected_response:true}": \#(trend(total.p95 - 1))"#,
        #""http_reqs": {"type": "counter", "contains": "default", "values": {"count": \#(total.count), "rate": \#(Double(total.count) / seconds)}}"#,
        #""http_req_failed": \#(failed(total.count, total.failed))"#,
    ]
    for label in labels {
        metrics.append(#""http_req_duration{name:\#(label.name)}": \#(trend(label.p95))"#)
        metrics.append(#""http_req_failed{name:\#(label.name)}": \#(failed(label.count, label.failed))"#)
    }
    return #"{"root_group": {"name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e", "groups": [], "checks": []}, "#
        + #""options": {"summaryTrendStats": ["avg", "min", "med", "max", "p(90)", "p(95)"]}, "state": {"testRunDurationMs": \#(seconds * 1000)}, "#
        + #""metrics": {\#(metrics.joined(separator: ", "))}}"#
}

/// Load tests against their baseline and the previous release, judged by `thresholds.performance`; the verdict
/// says which label exceeds which limit.
struct LoadTestAnalysisTests {
    private func release(_ id: String, date: String, files: [(String, String)]) -> String {
        "\n-- content/releases/\(id)/release.yaml --\ntitle: \(id)\ndate: \(date)\nproduct: web\n"
            + files.map { "-- content/releases/\(id)/\($0.0) --\n\($0.1)\n" }.joined()
    }

    private func performance(_ site: SiteFixture, _ id: String) throws -> (PerformanceFigures, Verdict.Reason?) {
        let (model, diagnostics) = site.model()
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
        let entry = try #require(model?.releases.first { $0.data.release.id == id })
        let figures = try #require(entry.figures[PerformanceKind.self])
        return (figures, entry.figures.verdict.reasons.first { $0.area == "performance" })
    }

    @Test func taggedSubmetricsAreLabelsAndExpectedResponseIsNot() throws {
        let site = try SiteFixture(release("1.0", date: "2026-01-02", files: [("performance/k6.json",
            k6Summary(total: (300, 1200, 6), labels: [("login", 250, 400, 2), ("GET /cart", 320, 800, 4)]))]))
        defer { site.remove() }
        let log = DiagnosticLog()
        let file = ContentFile(path: "k6.json", url: site.root.appendingPathComponent("content/releases/1.0/performance/k6.json"))
        let run = try #require(LoadTestReader.read(file, log: log))
        #expect(log.diagnostics.isEmpty)
        #expect(run.labels.map(\.label) == ["All HTTP requests", "login", "GET /cart"])
        let login = run.labels[1]
        #expect(login.count == 400 && login.errors == 2 && login.p95Ms == 250 && login.p90Ms == 225)
        #expect(close(login.throughputRps, 400.0 / 60), "count / the test's duration without a per-label counter")
        #expect(run.labels[0].throughputRps == 20 && run.labels[0].errorRate == 0.005)
        #expect(run.percentiles.map(\.source) == ["med", "p(90)", "p(95)"])
    }

    @Test func aFirstReleaseIsJudgedOnErrorRatesOnly() throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\n" + release("1.0", date: "2026-01-02", files: [("performance/k6.json",
            k6Summary(total: (300, 1200, 6), labels: [("login", 250, 400, 2), ("search", 320, 800, 40)]))]))
        defer { site.remove() }
        let (figures, reason) = try performance(site, "1.0")
        let loadTests = try #require(figures.loadTests)
        #expect(loadTests.compared == 0 && loadTests.failed == 1)
        #expect(reason?.level == .blocker)
        #expect(reason?.message == "1 of 3 load-test labels exceed the limits: search: error rate 5.0% (limit 1.0%)")
    }

    @Test func p95IsComparedWithThePreviousReleaseOfTheProduct() throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\n"
            + release("1.0", date: "2026-01-02", files: [("performance/k6.json", k6Summary(total: (300, 1200, 0), labels: [("login", 200, 400, 0)]))])
            + release("1.1", date: "2026-02-02", files: [("performance/k6.json", k6Summary(total: (330, 1200, 0), labels: [("login", 260, 400, 0)]))]))
        defer { site.remove() }
        let (figures, reason) = try performance(site, "1.1")
        let rows = try #require(figures.loadTests?.runs.first?.labels)
        #expect(rows.map(\.referenceSource) == ["release 1.0", "release 1.0"])
        #expect(close(rows[1].p95Change, 0.3) && close(rows[0].p95Change, 0.1))
        #expect(reason?.message == "1 of 2 load-test labels exceed the limits: login: p95 +30.0% against release 1.0 (limit +20.0%)")
        #expect(figures.recommendation == .notReady)
    }

    @Test func theBaselineRunComesBeforeThePreviousReleaseAndThresholdsDecide() throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\nthresholds:\n  performance:\n    max_p95_regression: 0.5\n    max_error_rate: 0.02\n"
            + release("1.0", date: "2026-01-02", files: [("performance/k6.json", k6Summary(total: (300, 1200, 0), labels: [("login", 100, 400, 0)]))])
            + release("1.1", date: "2026-02-02", files: [
                ("performance/baseline/k6.json", k6Summary(total: (300, 1200, 0), labels: [("login", 200, 400, 0)])),
                ("performance/k6.json", k6Summary(total: (310, 1200, 12), labels: [("login", 260, 400, 6)])),
            ]))
        defer { site.remove() }
        let (figures, reason) = try performance(site, "1.1")
        let loadTests = try #require(figures.loadTests)
        #expect(loadTests.baselinePaths == ["content/releases/1.1/performance/baseline/k6.json"])
        #expect(loadTests.runs.count == 1 && loadTests.runs[0].labels.allSatisfy { $0.referenceSource == "baseline" })
        #expect(reason?.level == .pass)
        #expect(reason?.message == "2 load-test labels within the limits (error rate ≤ 2.0%, p95 regression ≤ 50.0%)")
    }

    @Test func seedResultsKeepTheirWordsAndLoadTestsAddTheirs() {
        let seed: (PerformanceRecommendation?, String?) = (.conditionalGo, "success rate 88.9% is below 95.0%")
        #expect(PerformanceAnalysis.combine(seed, with: nil) == seed)
        let failing = LoadTestsFigures(runs: [], baselinePaths: [], labels: 2, passed: 1, failed: 1, compared: 0,
                                       failures: ["a: error rate 5.0% (limit 1.0%)"], reason: "1 of 2 load-test labels exceed the limits")
        let combined = PerformanceAnalysis.combine(seed, with: failing)
        #expect(combined.0 == .notReady && combined.1 == "success rate 88.9% is below 95.0%; 1 of 2 load-test labels exceed the limits")
        #expect(PerformanceAnalysis.combine((nil, nil), with: failing).0 == .notReady)
    }

    @Test func gatlingRequestsInsideGroupsAreLabelsNamedByTheirPath() throws {
        let stats = #"{"numberOfRequests": {"total": 10, "ok": 9, "ko": 1}, "meanResponseTime": {"total": "12", "ok": "11", "ko": "-"}, "#
            + #""percentiles1": {"total": 10, "ok": 10, "ko": 0}, "percentiles3": {"total": 30, "ok": 29, "ko": 0}, "#
            + #""percentiles4": {"total": 40, "ok": 38, "ko": 0}, "meanNumberOfRequestsPerSecond": {"total": 0.5, "ok": 0.45, "ko": 0.05}}"#
        let json = #"{"type": "GROUP", "name": "All Requests", "path": "", "stats": \#(stats), "contents": {"#
            + #""group_checkout": {"type": "GROUP", "name": "checkout", "path": "checkout", "stats": \#(stats), "contents": {"#
            + #""req_pay": {"type": "REQUEST", "name": "pay", "path": "checkout / pay", "stats": \#(stats)}}}}}"#
        let log = DiagnosticLog()
        let run = try #require(GatlingStatsReader.read(SourceFile(path: "stats.json", text: json), log: log))
        #expect(log.diagnostics.isEmpty)
        #expect(run.labels.map(\.label) == ["All Requests", "checkout / pay"])
        #expect(run.labels[1].meanMs == 12 && run.labels[1].p95Ms == 30 && run.labels[1].p90Ms == nil && run.labels[1].errors == 1)
    }
}
