import Foundation
import Testing

/// Access to the test fixtures: read through `Bundle.module`, recorded into the source tree.
enum Fixtures {
    /// The bundled fixture folder.
    static var bundled: URL? { Bundle.module.url(forResource: "Fixtures", withExtension: nil) }

    /// The source fixture folder (where snapshots are recorded).
    static var source: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// The data of a fixture, e.g. `oracle/dates.json`.
    static func data(_ path: String) throws -> Data {
        let folder = try #require(bundled)
        return try Data(contentsOf: folder.appendingPathComponent(path))
    }

    /// Whether snapshots are being re-recorded (`RECORD_SNAPSHOTS=1`).
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Compares `text` with the snapshot `snapshots/<name>`, or records it when recording or missing.
    static func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let relative = "snapshots/" + name
        // The source tree first, so a fresh recording compares without a rebuild; the bundle when the sources are elsewhere.
        let expected = [source, bundled].compactMap { $0 }.lazy
            .compactMap { try? String(contentsOf: $0.appendingPathComponent(relative), encoding: .utf8) }.first
        if recording || expected == nil {
            let target = source.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: target, atomically: true, encoding: .utf8)
            if !recording {
                Issue.record("recorded missing snapshot \(relative); run the tests again", sourceLocation: sourceLocation)
            }
            return
        }
        #expect(text == expected, "snapshot \(relative) differs; RECORD_SNAPSHOTS=1 re-records it", sourceLocation: sourceLocation)
    }
}
