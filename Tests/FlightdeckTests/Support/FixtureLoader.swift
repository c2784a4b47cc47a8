import Foundation
import Testing
@testable import Flightdeck

/// Finds fixture files under `Fixtures/` and wraps them as content files with short, stable paths.
enum FixtureLoader {
    /// The `Fixtures` folder of this test target.
    static var root: URL {
        get throws { try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)) }
    }

    /// A fixture as a content file whose path (as diagnostics show it) is relative to `Fixtures/`.
    static func file(_ relative: String) throws -> ContentFile {
        ContentFile(path: relative, url: try root.appendingPathComponent(relative))
    }

    /// The fixtures in a folder with one of the extensions, sorted by name, as content files.
    static func files(in folder: String, extensions: [String]) throws -> [ContentFile] {
        let url = try root.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        return names.sorted()
            .filter { name in extensions.contains { name.hasSuffix(".\($0)") } && !name.contains(".expected") }
            .map { ContentFile(path: "\(folder)/\($0)", url: url.appendingPathComponent($0)) }
    }

    /// The text of a fixture.
    static func text(_ relative: String) throws -> String {
        try String(contentsOf: try root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The expected diagnostics next to an invalid fixture (`name.ext.expected`), one per line.
    static func expectedDiagnostics(for file: ContentFile) throws -> [String] {
        try text(file.path + ".expected").split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// A JSON fixture decoded as loose values.
    static func json(_ relative: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: try root.appendingPathComponent(relative)))
    }
}

/// Whether two numbers agree to a relative tolerance (absolute near zero).
func close(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}
