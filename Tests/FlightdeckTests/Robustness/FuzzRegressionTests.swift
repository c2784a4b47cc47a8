import Foundation
import Testing
@testable import Flightdeck

/// Replays the cases the fuzzing harness kept (Fixtures/fuzz/, see scripts/fuzz/run.py): each, in a one-release
/// site, must be checked within seconds, and every error it gives must name a file, line and column.
@Suite struct FuzzRegressionTests {
    static func cases() throws -> [(name: String, target: String, data: Data)] {
        let folder = try FixtureLoader.root.appendingPathComponent("fuzz")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { name in
            let target = folder.appendingPathComponent(name).appendingPathComponent("target")
            guard FileManager.default.fileExists(atPath: target.path) else { return nil }
            return (name, try String(contentsOf: target, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
                    try Data(contentsOf: folder.appendingPathComponent(name).appendingPathComponent("data")))
        }
    }

    /// Kept cases whose input is usable: the fix makes them build (an Opsgenie id of 17,000 characters once made a
    /// folder name too long to write, an error without a location); the others must be refused.
    static let accepted: Set<String> = ["opsgenie-alerts-s1111-c1163"]

    @Test func keptCasesGiveLocatedErrorsInBoundedTime() async throws {
        let cases = try Self.cases()
        #expect(cases.count >= 6)
        for (name, target, data) in cases {
            let site = FileManager.default.temporaryDirectory.appendingPathComponent("flightdeck-fuzz-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: site) }
            let release = site.appendingPathComponent("content/releases/1.0")
            try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
            try Data("title: Fuzz\n".utf8).write(to: site.appendingPathComponent("flightdeck.yaml"))
            try Data("title: Fuzz release\ndate: 2026-01-02\n".utf8).write(to: release.appendingPathComponent("release.yaml"))
            let file = site.appendingPathComponent(target)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
            let clock = ContinuousClock()
            var diagnostics: [Diagnostic] = []
            let elapsed = await clock.measure { diagnostics = await Site(root: site).check() }
            #expect(elapsed < .seconds(20), "\(name) took \(elapsed)")
            let errors = diagnostics.filter { $0.severity == .error }
            if Self.accepted.contains(name) {
                #expect(errors.isEmpty, "\(name): \(errors)")
                do {
                    _ = try await Site(root: site).build()
                } catch {
                    Issue.record("\(name) did not build: \(error.diagnostics)")
                }
                continue
            }
            #expect(!errors.isEmpty, "\(name) gave no error")
            for error in errors {
                #expect(error.location.map { $0.file.hasPrefix("content/") && $0.line >= 1 && $0.column >= 1 } == true, "\(name): \(error)")
            }
        }
    }

    @Test func keptCasesNameWhereTheProblemIs() throws {
        let cases = try Self.cases()
        let control = try #require(cases.first { $0.name == "yaml-control-character" })
        do {
            _ = try YAMLReader.read(String(decoding: control.data, as: UTF8.self), path: control.target)
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.first?.location == SourceLocation(file: control.target, line: 3, column: 6))
        }
        let laughs = try #require(cases.first { $0.name == "laughs-signoffs" })
        do {
            _ = try YAMLReader.read(String(decoding: laughs.data, as: UTF8.self), path: laughs.target)
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.first?.description.contains("YAML aliases expand to more than 100000 nodes at '*a4'") == true)
        }
    }
}
