import Foundation
import Testing
@testable import Flightdeck

/// A whole site in one string: `-- path --` lines start files (Hugo's txtar style).
///
/// ```swift
/// let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\n-- content/index.md --\n# Hi\n")
/// ```
struct SiteFixture {
    /// The temporary site root; removed by `remove()`.
    let root: URL

    init(_ archive: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("flightdeck-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var path: String?
        var body: [Substring] = []
        func flush() throws {
            guard let path else { return }
            var lines = body
            if lines.last?.isEmpty == true { lines.removeLast() }
            try write(path, lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n")
        }
        for line in archive.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                try flush()
                path = String(line.dropFirst(3).dropLast(3))
                body = []
            } else {
                body.append(line)
            }
        }
        try flush()
    }

    /// Writes (or replaces) a file of the site.
    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    /// Writes raw bytes.
    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Reads a file of the site (or of its output) as text.
    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Whether a path exists under the root.
    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Runs Load → Analyse and returns the model or the diagnostics.
    func model(drafts: Bool = false) -> (SiteModel?, [Diagnostic]) {
        let log = DiagnosticLog()
        do {
            let model = try BuildPipeline(root: root, options: BuildOptions(includeDrafts: drafts)).model(log: log)
            return (model, log.diagnostics)
        } catch {
            return (nil, error.diagnostics)
        }
    }

    /// `check()` as the one-line descriptions.
    func check() async -> [String] {
        await Site(root: root).check().map(\.description)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Every file under `folder` (a build's output) by relative path.
func tree(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
        guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
        files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
    }
    return files
}

/// The minimal valid site the tests start from.
let minimalSite = """
-- flightdeck.yaml --
title: Demo
-- content/index.md --
Hello.
-- content/releases/1.0/release.yaml --
title: First
date: 2026-01-02
"""

/// A release folder in the fixture's archive form: release.yaml (with `product:` when given) and JUnit
/// results in which the `failing` tests fail and the `passing` ones pass.
func releaseWithTests(_ id: String, date: String, product: String? = nil, passing: [String], failing: [String] = []) -> String {
    let cases = passing.map { "<testcase classname=\"t\" name=\"\($0)\"/>" }
        + failing.map { "<testcase classname=\"t\" name=\"\($0)\"><failure message=\"boom\"/></testcase>" }
    return """

        -- content/releases/\(id)/release.yaml --
        title: \(id)
        date: \(date)
        \(product.map { "product: \($0)" } ?? "")
        -- content/releases/\(id)/tests/junit.xml --
        <testsuite name="s" tests="\(cases.count)">\(cases.joined())</testsuite>
        """
}
