import FlightdeckCore
import Foundation
import Testing
@testable import Flightdeck

/// Real files written by Argo Rollouts, Flagger and Prometheus (`Fixtures/rollouts/<format>/`, provenance beside them)
/// read as their oracle, `Fixtures/rollouts/expected.py`, computes them from the documented mapping.
struct RolloutRealFilesTests {
    static let corpus = "rollouts"
    static let formats = ["argo-rollout", "argo-analysisrun", "flagger-canary", "prometheus-query-range"]

    /// Every real file of every format.
    static func files() throws -> [ContentFile] {
        try formats.flatMap { format in
            try FixtureLoader.files(in: "\(corpus)/\(format)", extensions: ["yaml", "yml", "json"]).filter { $0.name != "expected.json" }
        }
    }

    @Test(arguments: try files())
    func readsAsTheOracleComputes(file: ContentFile) throws {
        let parts = file.path.split(separator: "/").map(String.init)
        let format = parts[1], name = parts[2]
        let expected = try JSONDecoder().decode([String: Loose].self, from: Data(contentsOf: try FixtureLoader.root
            .appendingPathComponent("\(Self.corpus)/\(format)/expected.json")))
        let want = try #require(expected[name], "\(name) has no entry in expected.json; run expected.py")
        let log = DiagnosticLog()
        let root = try Self.parse(file)
        let got: Loose
        if format == "prometheus-query-range" {
            got = Self.prometheus(root, log: log)
        } else {
            let objects = KubernetesObjects.objects(in: root, path: file.path, log: log)
            got = .array(try objects.map { object in
                #expect(KubernetesObjects.checkVersion(object, log: log))
                switch format {
                case "argo-rollout": return Self.rollout(try #require(ArgoRolloutReader.read(object, log: log)).component)
                case "argo-analysisrun": return Self.run(try #require(ArgoAnalysisRunReader.read(object, log: log)))
                default: return Self.canary(try #require(FlaggerCanaryReader.read(object, log: log)).component)
                }
            })
            #expect(log.diagnostics.map(\.description) == [], "\(name)")
        }
        #expect(got == want, "\(format)/\(name)\n got: \(got)\nwant: \(want)")
    }

    @Test func everyFormatHasAtLeastTwoRealFilesWithProvenance() throws {
        for format in Self.formats {
            let names = Set(try Self.files().filter { $0.path.hasPrefix("\(Self.corpus)/\(format)/") }.map(\.name))
            let provenance = try FixtureLoader.text("\(Self.corpus)/\(format)/provenance.tsv").split(separator: "\n").dropFirst()
            let rows = provenance.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            #expect(rows.allSatisfy { $0.count == 5 && $0[2].count == 40 && $0[4].count == 64 }, "\(format): file, repository, commit, path, sha256")
            #expect(Set(rows.map { $0[0] }) == names, "\(format): every file has its provenance row and every row its file")
            #expect(names.count >= 2, "\(format)")
            for row in rows {
                let data = try Data(contentsOf: try FixtureLoader.root.appendingPathComponent("\(Self.corpus)/\(format)/\(row[0])"))
                #expect(SHA256.hex(data) == row[4], "\(format)/\(row[0]) changed since it was copied")
            }
        }
    }

    static func parse(_ file: ContentFile) throws -> DataNode {
        let text = try file.readText()
        return file.fileExtension == "json" ? try JSONReader.read(text.text, path: file.path) : try YAMLReader.read(text.text, path: file.path)
    }

    // MARK: Projections, in expected.py's shape

    static func time(_ date: Date?) -> Loose { date.map { .string(Timestamp.instantString($0)) } ?? .null }

    static func rollout(_ c: RolloutComponent) -> Loose {
        let s = c.source
        return .object([
            "name": .string(c.name), "namespace": .init(s?.namespace), "strategy": .init(s?.strategy), "phase": .init(s?.phase),
            "phase_derived": .bool(s?.phaseDerived ?? false), "status": .init(s?.status.rawValue), "message": .init(s?.message),
            "current_step_index": .init(s?.currentStepIndex), "step_count": .init(s?.stepCount), "canary_weight": .init(s?.canaryWeight),
            "stages": .array(c.stages.map { .object(["name": .string($0.name), "traffic_percent": .number($0.trafficPercent),
                                                     "status": .init($0.reported?.rawValue), "detail": .init($0.detail)]) }),
            "events": events(c.events),
        ])
    }

    static func events(_ events: [RolloutEvent]) -> Loose {
        .array(events.map { .object(["type": .string($0.kind.rawValue), "at": time($0.at), "reason": .init($0.reason)]) })
    }

    static func run(_ read: ArgoAnalysisRunReader.Read) -> Loose {
        let r = read.run
        return .object([
            "name": .string(r.name), "owner": .init(read.owner), "role": .string(r.role.rawValue), "step_index": .init(r.stepIndex),
            "pod_hash": .init(read.podHash), "phase": .init(r.phase), "message": .init(r.message), "started_at": time(r.startedAt),
            "checks": .array(ArgoAnalysisChecks.checks(r).map { .object(["name": .string($0.name), "outcome": .string($0.outcome.rawValue)]) }),
            "metrics": .array(r.metrics.map { m in .object([
                "name": .string(m.name), "provider": .init(m.provider), "interval": .init(m.interval),
                "success_condition": .init(m.successCondition), "failure_condition": .init(m.failureCondition),
                "failure_limit": .init(m.failureLimit), "inconclusive_limit": .init(m.inconclusiveLimit),
                "consecutive_error_limit": .init(m.consecutiveErrorLimit), "phase": .init(m.phase), "message": .init(m.message),
                "count": .init(m.count), "successful": .init(m.successful), "failed": .init(m.failed), "inconclusive": .init(m.inconclusive),
                "error": .init(m.error), "consecutive_error": .init(m.consecutiveError),
                "measurements": .array(m.measurements.map { e in .object([
                    "phase": .init(e.phase), "value": .init(e.value), "number": .init(e.number),
                    "started_at": time(e.startedAt), "finished_at": time(e.finishedAt)]) }),
            ]) }),
        ])
    }

    static func canary(_ c: RolloutComponent) -> Loose {
        let s = c.source
        return .object([
            "name": .string(c.name), "namespace": .init(s?.namespace), "phase": .init(s?.phase), "phase_derived": .bool(s?.phaseDerived ?? false),
            "status": .init(s?.status.rawValue), "message": .init(s?.message), "canary_weight": .init(s?.canaryWeight),
            "failed_checks": .init(s?.failedChecks), "iterations": .init(s?.iterations), "threshold": .init(s?.threshold),
            "conditions": .array((s?.conditions ?? []).map { .object(["type": .string($0.type), "status": .init($0.status), "reason": .init($0.reason)]) }),
            "stages": .array(c.stages.map { .object(["name": .string($0.name), "traffic_percent": .number($0.trafficPercent),
                                                     "status": .init($0.reported?.rawValue), "detail": .init($0.detail),
                                                     "checks": .array($0.checks.map { .string($0.outcome.rawValue) })]) }),
            "events": events(c.events),
            "metrics": .array((s?.analyses.first?.metrics ?? []).map { .object([
                "name": .string($0.name), "threshold_min": .init($0.thresholdMin), "threshold_max": .init($0.thresholdMax),
                "interval": .init($0.interval)]) }),
        ])
    }

    static func prometheus(_ root: DataNode, log: DiagnosticLog) -> Loose {
        guard let series = PrometheusRangeReader.series(root, log: log) else {
            let paths = log.diagnostics.filter { $0.severity == .error }.compactMap { $0.message.split(separator: " ").first.map(String.init) }
            return .object(["ok": .bool(false), "bad_values": .array(paths.map(Loose.string))])
        }
        return .object(["ok": .bool(true), "series": .array(series.map { s in .object([
            "labels": .object(Dictionary(uniqueKeysWithValues: s.labels.map { ($0.name, Loose.string($0.value)) })),
            "points": .array(s.samples.map { .array([.number($0.time.timeIntervalSince1970), .init($0.value)]) }),
            "gaps": .number(Double(s.samples.filter { $0.value == nil }.count)),
        ]) })])
    }
}

/// A JSON value compared loosely: every number is a Double, so `10` equals `10.0`.
enum Loose: Decodable, Equatable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([Loose]), object([String: Loose])

    init(_ value: String?) { self = value.map(Loose.string) ?? .null }
    init(_ value: Int?) { self = value.map { .number(Double($0)) } ?? .null }
    init(_ value: Double?) { self = value.map(Loose.number) ?? .null }

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([Loose].self) { self = .array(a) }
        else { self = .object(try c.decode([String: Loose].self)) }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .number(let n): "\(n)"
        case .string(let s): "\"\(s)\""
        case .array(let a): "[" + a.map(\.description).joined(separator: ", ") + "]"
        case .object(let o): "{" + o.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}
