import Foundation
@testable import FlightdeckTemplates

/// One corpus case: `<folder>/<name>.jinja`, its optional `.json` context and its expected `.out` or `.err`.
struct Fixture: CustomStringConvertible, Sendable {
    let folder: String
    let name: String

    var description: String { "\(folder)/\(name)" }

    static var root: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil) ?? URL(fileURLWithPath: "/nonexistent")
    }

    /// Every case in a folder (files starting with `_` are partials, not cases).
    static func all(in folder: String) -> [Fixture] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".jinja") && !$0.hasPrefix("_") }.sorted().map { Fixture(folder: folder, name: String($0.dropLast(6))) }
    }

    var directory: URL { Self.root.appendingPathComponent(folder) }

    func file(_ suffix: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name + suffix), encoding: .utf8)
    }

    var context: [String: Value] {
        get throws {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name + ".json").path) else { return [:] }
            guard case .object(let pairs) = try Value(jsonData: data) else { return [:] }
            return Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        }
    }

    /// Renders the case with an environment on its folder.
    func render() throws -> String {
        try Environment(sources: [.directory(directory)]).render(name + ".jinja", context: try context)
    }
}
