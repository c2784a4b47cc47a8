import FlightdeckCore
import Foundation
import Testing
@testable import Flightdeck

/// Fixture release folders for the rollout, incident and experiment readers.
///
/// Layout: `Fixtures/ingest/<kind>/{valid,invalid}/<case>/` is a release folder; an invalid case also holds
/// `expected.txt`, the diagnostics it must produce, one per line. Adding a case means adding a folder.
/// `FLIGHTDECK_RECORD=1` rewrites the expected files from the actual output (review the diff before committing).
enum OperationsFixtures {
    /// `Fixtures/ingest/<kind>/<group>`.
    static func folder(_ kind: String, _ group: String) throws -> URL {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return root.appendingPathComponent("ingest/\(kind)/\(group)")
    }

    /// The case names of a group, sorted.
    static func cases(_ kind: String, _ group: String) -> [String] {
        guard let url = try? folder(kind, group),
              let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// A case folder as a release; file paths read `<case>/<file>` in diagnostics.
    static func release(_ kind: String, _ group: String, _ name: String) throws -> ReleaseSource {
        let base = try folder(kind, group).appendingPathComponent(name)
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        var files: [ContentFile] = []
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  url.lastPathComponent != "expected.txt" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
            files.append(ContentFile(path: "\(name)/\(relative)", url: url))
        }
        return ReleaseSource(id: name, folder: name, files: files.sorted { $0.path < $1.path })
    }

    /// Reads an invalid case and compares its diagnostics with `expected.txt`.
    static func checkInvalid(_ kind: String, _ name: String, read: (ReleaseSource, DiagnosticLog) -> Void) throws {
        let release = try release(kind, "invalid", name)
        let log = DiagnosticLog()
        read(release, log)
        let actual = log.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let expectedURL = try folder(kind, "invalid").appendingPathComponent("\(name)/expected.txt")
        if ProcessInfo.processInfo.environment["FLIGHTDECK_RECORD"] != nil {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/ingest/\(kind)/invalid/\(name)/expected.txt")
            try actual.write(to: source, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(kind)/invalid/\(name)")
        #expect(log.hasErrors, "an invalid case must produce at least one error: \(kind)/invalid/\(name)")
    }

    /// Reads a valid case, requiring that it gives no errors and no warnings.
    static func readValid<T>(_ kind: String, _ name: String, read: (ReleaseSource, DiagnosticLog) -> T?) throws -> T {
        let log = DiagnosticLog()
        let value = read(try release(kind, "valid", name), log)
        #expect(log.diagnostics.map(\.description) == [], "\(kind)/valid/\(name)")
        return try #require(value)
    }

    /// An instant from text, for expectations.
    static func instant(_ text: String) throws -> Date {
        guard case .success(let date) = Timestamp.instant(text) else { throw FixtureError(message: "bad instant \(text)") }
        return date
    }
}

/// A broken test fixture.
struct FixtureError: Error { let message: String }
