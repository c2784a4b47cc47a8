import Foundation
import Testing
@testable import Flightdeck

/// Real files written by k6, JMeter, Locust and Gatling (`Fixtures/loadtests/provenance.tsv`): each is
/// recognised as its format by content, by the reader and by `flightdeck add`, reads without a problem, and
/// gives the figures `Fixtures/loadtests/expected.py` computes independently (json, csv, ElementTree, numpy).
struct LoadTestCorpusTests {
    static let corpus = "loadtests"

    /// Every file of the corpus, one folder per format.
    static func realFiles() throws -> [ContentFile] {
        try LoadTestFormat.allCases.flatMap { format in
            try FixtureLoader.files(in: "\(corpus)/\(format.rawValue)", extensions: ["json", "csv", "jtl", "xml"])
        }
    }

    static func expected() throws -> [String: [String: Any]] {
        try #require(try FixtureLoader.json("\(corpus)/expected.json") as? [String: [String: Any]])
    }

    @Test(arguments: try realFiles())
    func realFileFiguresEqualTheOracle(file: ContentFile) throws {
        let log = DiagnosticLog()
        let run = try #require(LoadTestReader.read(file, log: log), "\(log.diagnostics.map(\.description))")
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description))")
        let key = String(file.path.dropFirst(Self.corpus.count + 1))
        let want = try #require(try Self.expected()[key], "\(key) has no entry in expected.json; run expected.py")
        #expect(run.format.rawValue == want["format"] as? String)
        let rows = try #require(want["rows"] as? [[String: Any]])
        #expect(run.labels.map(\.label) == rows.map { $0["label"] as? String ?? "" }, "\(key)")
        for (got, row) in zip(run.labels, rows) {
            #expect(got.isTotal == row["total"] as? Bool, "\(key) \(got.label)")
            #expect(got.count == row["count"] as? Int && got.errors == row["errors"] as? Int, "\(key) \(got.label): count, errors")
            let figures: [(String, Double?)] = [("error_rate", got.errorRate), ("mean_ms", got.meanMs), ("p50_ms", got.p50Ms), ("p90_ms", got.p90Ms),
                                                 ("p95_ms", got.p95Ms), ("p99_ms", got.p99Ms), ("throughput_rps", got.throughputRps)]
            for (name, value) in figures {
                #expect(close(value, row[name] as? Double), "\(key) \(got.label): \(name) \(String(describing: value)) ≠ \(String(describing: row[name]))")
            }
        }
    }

    @Test(arguments: try realFiles())
    func flightdeckAddRecognisesEachRealFileAsItsFormat(file: ContentFile) throws {
        let sample = FileSample(try Data(contentsOf: file.url), name: file.name)
        let scores = PerformanceKind.formats.map { ($0.id, $0.recognise(sample)) }
        let best = try #require(scores.max { $0.1 < $1.1 })
        #expect(best.0 == file.path.split(separator: "/")[1].description && best.1 >= 0.5, "\(scores)")
        let others = Registry.formats.filter { $0.kind != "performance" }.map { ($0.format.id, $0.format.recognise(sample)) }
        #expect(others.allSatisfy { $0.1 < best.1 }, "another kind's format claims \(file.path): \(others)")
    }

    @Test func everyFormatHasTwoRealFilesAndEveryFileItsProvenance() throws {
        let files = try Self.realFiles().map { String($0.path.dropFirst(Self.corpus.count + 1)) }
        for format in LoadTestFormat.allCases {
            #expect(files.filter { $0.hasPrefix(format.rawValue + "/") }.count >= 2, "\(format.rawValue)")
        }
        #expect(Set(files) == Set(try Self.expected().keys))
        let provenance = try FixtureLoader.text("\(Self.corpus)/provenance.tsv").split(separator: "\n").dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(provenance.allSatisfy { $0.count == 5 && $0[2].count == 40 && $0[4].count == 64 })
        #expect(Set(files).isSubset(of: Set(provenance.map { $0[0] })))
        for row in provenance {
            let data = try Data(contentsOf: try FixtureLoader.root.appendingPathComponent("\(Self.corpus)/\(row[0])"))
            #expect(SHA256.hex(data) == row[4], "\(row[0]) changed since it was copied")
        }
    }
}
