import Foundation
import Testing
@testable import Flightdeck

/// Every valid fixture cut short, or with a byte changed, at many points: the readers never crash, and never give up silently
/// (no model means at least one error was reported).
@Suite("Truncated operational files")
struct RolloutTruncationTests {
    private static let cases: [(kind: String, name: String, file: String)] = [
        ("rollout", "multi-component", "rollout.yaml"), ("rollout", "multi-component", "metrics.csv"),
        ("rollout", "controller-only", "rollout_state.json"),
        ("incidents", "two-incidents", "incidents/2026-05-12-data-mismatch.md"),
        ("experiments", "seed-records", "experiments.json"), ("experiments", "aggregates-csv", "experiments.csv"),
        ("experiments", "declared-object", "experiments.json"),
    ]

    @Test(arguments: cases.indices)
    func cutShort(index: Int) throws {
        try mutate(index) { bytes, step in Data(bytes.prefix(bytes.count * step / 40)) }
    }

    /// One byte replaced by a character that often matters to the syntax, at 40 deterministic places.
    @Test(arguments: cases.indices)
    func oneByteChanged(index: Int) throws {
        let replacements = Array("\"':,{}[]-#x9 \n".utf8) + [0xFF]
        try mutate(index) { bytes, step in
            var copy = bytes
            guard !copy.isEmpty else { return copy }
            copy[copy.startIndex + (step * 7919) % copy.count] = replacements[step % replacements.count]
            return copy
        }
    }

    private func mutate(_ index: Int, _ change: (Data, Int) -> Data) throws {
        let (kind, name, file) = Self.cases[index]
        let release = try OperationsFixtures.release(kind, "valid", name)
        let original = try #require(release.files.first { $0.path == "\(name)/\(file)" })
        let bytes = try Data(contentsOf: original.url)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flightdeck-cut-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cutURL = folder.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: cutURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let files = release.files.map { $0.path == original.path ? ContentFile(path: original.path, url: cutURL) : $0 }
        let cut = ReleaseSource(id: name, folder: name, files: files)
        for step in 0..<40 {
            let changed = change(bytes, step)
            try changed.write(to: cutURL)
            let log = DiagnosticLog()
            let produced: Bool
            switch kind {
            case "rollout": produced = RolloutReader.read(cut, log: log) != nil
            case "incidents": produced = (IncidentReader.read(cut, log: log)?.incidents.count ?? 0) > 0
            default: produced = ExperimentReader.read(cut, log: log) != nil
            }
            #expect(produced || log.hasErrors, "\(kind)/\(name)/\(file) variant \(step) gave nothing and said nothing")
        }
    }
}
