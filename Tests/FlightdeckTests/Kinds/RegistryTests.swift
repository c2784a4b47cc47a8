import Foundation
import Testing
@testable import Flightdeck

/// The registry is the one list of data kinds: everything a kind declares must exist and agree
/// (docs/architecture.md, "How to add a data kind").
@Suite struct RegistryTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func idsAreUniqueAndKeepTheirNameInTemplatesAndExports() {
        let ids = Registry.kinds.map { $0.id }
        #expect(Set(ids).count == ids.count, "duplicate ids in \(ids)")
        // Templates and the export name members in snake_case: an id must already be written that way.
        for id in ids {
            #expect(id.wholeMatch(of: /[a-z][a-z0-9_]*/) != nil, "'\(id)' must be lowercase letters, digits and underscores")
        }
    }

    @Test func everyReleaseSectionHasItsPartialTemplate() {
        for kind in Registry.kinds where kind.placement == .releaseSection {
            #expect(EmbeddedTheme.templates["partials/\(kind.id).html"] != nil,
                    "templates/partials/\(kind.id).html draws the \(kind.id) section of the release page")
        }
    }

    @Test func everyKindHasItsRowInTheFormatsDocument() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/formats.md"), encoding: .utf8)
        // The table's second column: `| file | `kind` | format | documented in |`.
        let documented = text.split(separator: "\n").compactMap { line -> String? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 6, cells[2].hasPrefix("`"), cells[2].hasSuffix("`"), cells[2].count > 2 else { return nil }
            return String(cells[2].dropFirst().dropLast())
        }
        #expect(Set(documented) == Set(Registry.kinds.map { $0.id }), "docs/formats.md's Kind column lists \(documented)")
    }

    @Test func everyFormatIsDocumentedAndUnique() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/formats.md"), encoding: .utf8)
        let ids = Registry.formats.map(\.format.id)
        #expect(Set(ids).count == ids.count, "format ids are unique: \(ids)")
        for (kind, format) in Registry.formats {
            #expect(text.contains("| `\(format.id)` | `\(kind)` |"), "docs/formats.md lists \(format.id) as a \(kind) format")
        }
    }

    @Test func noFileOrSubfolderBelongsToTwoKinds() {
        let names = Registry.releaseFileNames + Registry.kinds.flatMap { $0.fileNames }
        #expect(Set(names).count == names.count, "\(names)")
        let folders = Registry.kinds.compactMap { $0.subfolder?.name }
        #expect(Set(folders).count == folders.count, "\(folders)")
        for kind in Registry.kinds {
            #expect(!kind.fileNames.isEmpty || kind.subfolder != nil, "\(kind.id) names no file and no subfolder")
        }
    }

    /// A sign-off keeps each kind's `keptFigures`; a misspelt one would silently never go stale.
    @Test func everyKeptFigureIsAnExportedFigureOfTheExampleSite() throws {
        let site = Site(root: Self.repository)
        var trees: [DataNode] = []
        for id in ["2026.1-trainer-optimisation", "2026.2-warehouse-cutover", "2026.3-invoice-gemini"] {
            let entry = try site.entry(try ReleaseID(id), log: DiagnosticLog())
            trees.append(try FiguresJSON.tree(of: entry.figures))
        }
        for name in SignoffVerification.verdictFigures {
            let found = trees.contains { tree in
                var node: DataNode? = tree
                for key in name.split(separator: ".") { node = node?.entries?.first { $0.key == key }?.value }
                return node?.scalarText != nil
            }
            #expect(found, "no example release has the figure '\(name)'")
        }
    }
}
