import Foundation
import Testing

/// Files a merge left behind: a conflict marker that reached docs/ once went unnoticed, because the
/// documents are read by people, not compiled.
@Suite struct RepositoryHygieneTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func noMergeConflictMarkersInDocsTemplatesSourcesOrScripts() throws {
        var offenders: [String] = []
        for folder in ["docs", "templates", "Sources", "scripts", "Benchmarks", ".ci"] {
            let root = Self.repository.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["md", "html", "swift", "py", "sh", "css", "js", "yaml", "yml", ""].contains(url.pathExtension) {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }  // folders and binary files
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.hasPrefix("<<<<<<< ") || line.hasPrefix(">>>>>>> ") || line == "=======" {
                    offenders.append("\(url.path.dropFirst(Self.repository.path.count + 1)):\(number + 1)")
                }
            }
        }
        #expect(offenders.isEmpty, "merge conflict markers at \(offenders)")
    }
}
