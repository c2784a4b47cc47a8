import Foundation
import Testing
@testable import Flightdeck

/// A long Markdown page is parsed in place from its mapped file: the same page as the one parsed from its text.
@Suite struct LongPageReaderTests {
    @Test(arguments: [("", 0), ("abc\n", 0), ("---\ntitle: T\n---\nbody", 17), ("---\r\ntitle: T\r\n...\r\nbody", 20),
                      ("---\ntitle: T\n---", 16), ("---\ntitle: T\n", nil), ("--- \nx\n---\n", 0), ("---", nil)] as [(String, Int?)])
    func frontMatterLength(_ text: String, _ length: Int?) {
        var text = text
        #expect(text.withUTF8 { FrontMatter.length(of: $0) } == length)
    }

    /// Notes of about 1 MiB with front matter, a warning on line 20,000-odd and a heading of the page's own.
    private func notes() -> String {
        var text = "---\ntitle: \"Long notes\"\ndescription: Many changes\n---\n# Notes\n\n[ref]: https://example.com/ref\n\n"
        for k in 0..<6_000 {
            text += "## Change \(k)\n\nThe *change* \(k) is [documented][ref], see [here](https://example.com/\(k)).\n\n- [ ] task \(k)\n\n"
        }
        return text + "A [bad link](javascript:alert(1)) at the end.\n"
    }

    @Test func aLongPageReadInPlaceIsThePageReadAsText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fd-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = notes()
        #expect(text.utf8.count >= MarkdownPieces.Size.standard.bytes * 2)
        let url = folder.appendingPathComponent("notes.md")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let log = DiagnosticLog()
        let page = try #require(PageReader.read(ContentFile(path: "content/releases/1.0/notes.md", url: url), unsafeHTML: false, nested: true,
                                                demote: false, keepLinks: true, log: log))
        #expect(page.html.pieceCount > 1)
        // The text's own parse, from the body after the front matter (line 5).
        let body = String(text[text.range(of: "# Notes")!.lowerBound...])
        let whole = try MarkdownRenderer.parse(body, file: "content/releases/1.0/notes.md", unsafeHTML: false, nested: true, demote: false,
                                               firstLine: 5, keepLinks: true, pieceSize: .whole)
        #expect(page.title == "Long notes")
        #expect(page.description == "Many changes")
        #expect(try page.html.html() == whole.html())
        #expect(page.html.tasks == whole.tasks)
        #expect(page.html.warnings.map(\.description) == whole.warnings.map(\.description))
        #expect(page.html.warnings.first?.location?.line == text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        #expect(log.diagnostics.map(\.description) == whole.warnings.map(\.description))
    }

    /// A long checklist keeps no HTML: it is made again from its file where it is used, the same as the text's
    /// own parse, and handed over a piece at a time to the export. A file changed since it was read is an error,
    /// before any of its HTML.
    @Test func aLongChecklistMakesItsHTMLAgainFromItsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fd-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "---\nowner: release team\n---\n# Readiness\n\n"
        for k in 0..<7_000 {
            text += "## Stage \(k)\n\n- [x] The canary ran its *full* window on [the dashboard](https://example.com/\(k))\n- [ ] Rollback \(k)\n\n"
        }
        #expect(text.utf8.count >= MarkdownPieces.Size.standard.bytes * 2)
        let url = folder.appendingPathComponent("checklist.md")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let release = ReleaseSource(id: "1.0", folder: "content/releases/1.0",
                                    files: [ContentFile(path: "content/releases/1.0/checklist.md", url: url)])
        let log = DiagnosticLog()
        let checklist = try #require(ChecklistReader.read(release, unsafeHTML: false, keepLinks: false, log: log))
        #expect(checklist.html.pieceCount > 1)
        let body = String(text[text.range(of: "# Readiness")!.lowerBound...])
        let whole = try MarkdownRenderer.parse(body, file: "content/releases/1.0/checklist.md", unsafeHTML: false, firstLine: 4,
                                               keepLinks: false, pieceSize: .whole)
        #expect(checklist.tasks == whole.tasks && checklist.tasks.count == 14_000)
        let expected = try whole.html()
        #expect(try checklist.html.html() == expected)
        var pieces: [String] = []
        try checklist.html.writePieces { pieces.append($0) }
        #expect(pieces.count == checklist.html.pieceCount && pieces.joined() == expected)

        // The same length, one byte changed: the digest finds it.
        try text.replacingOccurrences(of: "Rollback 6999", with: "Rollback 6998").write(to: url, atomically: false, encoding: .utf8)
        var handed = 0
        #expect(throws: DiagnosticError.self) { try checklist.html.writePieces { _ in handed += 1 } }
        #expect(handed == 0)
        let error = try #require(throws: DiagnosticError.self) { try checklist.html.html() }
        #expect(error.diagnostics.map(\.description) == [
            "content/releases/1.0/checklist.md:1:1: error: the file changed while the site was being built (it is read again where it is "
            + "used); build again"])
        try FileManager.default.removeItem(at: url)
        #expect(throws: DiagnosticError.self) { try checklist.html.html() }
    }

    /// A long postmortem is kept in its file, not in memory: its text, its JSON (written a piece at a time) and its
    /// postmortem's HTML are those of the text read whole. A file changed since it was read is an error.
    @Test func aLongPostmortemIsKeptInItsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fd-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("incidents"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var body = "# Postmortem\n\n"
        for k in 0..<4_000 {
            body += "## Step \(k)\n\nThe *cache* \(k) was cold — see [the graph](https://example.com/\(k)). Ünïcödé ✓ 中文\n\n"
        }
        let text = "---\nid: INC-1\ntitle: Cold cache\nseverity: SEV2\nstatus: resolved\nstarted: 2026-05-12T10:00:00Z\n"
            + "resolved: 2026-05-12T11:00:00Z\n---\n" + body
        #expect(text.utf8.count >= MarkdownPieces.Size.standard.bytes * 2 && body.utf8.count > MarkdownBody.pieceBytes * 4)
        let url = folder.appendingPathComponent("incidents/INC-1.md")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let release = ReleaseSource(id: "1.0", folder: "content/releases/1.0",
                                    files: [ContentFile(path: "content/releases/1.0/incidents/INC-1.md", url: url)])
        let log = DiagnosticLog()
        let incidents = try #require(IncidentReader.read(release, log: log))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        let incident = try #require(incidents.incidents.first)
        #expect(try incident.body.text() == body && !incident.body.isBlank && incident.bodyLine == 9)
        var pieces: [String] = []
        try incident.body.writePieces { pieces.append($0) }
        #expect(pieces.count > 4 && pieces.joined() == body, "cut between characters")
        struct Holder: Encodable { let body: MarkdownBody }
        struct Whole: Encodable { let body: String }
        #expect(try FiguresJSON.data(of: Holder(body: incident.body)) == FiguresJSON.dataThroughJSONEncoder(of: Whole(body: body)))
        let postmortem = try incident.body.parse(unsafeHTML: false, nested: true, ids: .postmortem("INC-1"), firstLine: 9, keepLinks: false)
        let whole = try MarkdownRenderer.parse(body, file: incident.path, unsafeHTML: false, nested: true, ids: .postmortem("INC-1"), firstLine: 9,
                                               keepLinks: false, pieceSize: .whole)
        #expect(postmortem.pieceCount > 1)
        #expect(try postmortem.html() == whole.html())

        try text.replacingOccurrences(of: "Step 3999", with: "Step 3998").write(to: url, atomically: false, encoding: .utf8)
        var handed = 0
        #expect(throws: DiagnosticError.self) { try incident.body.writePieces { _ in handed += 1 } }
        #expect(handed == 0)
        #expect(throws: DiagnosticError.self) { try incident.body.text() }
        #expect(throws: DiagnosticError.self) { try FiguresJSON.data(of: Holder(body: incident.body)) }
    }

    /// A short body is kept as its text; a body of white space is blank, whichever way it is kept.
    @Test(arguments: ["", " \n\t\u{3000}\n", "x", " # Notes"])
    func aShortBodyIsItsText(_ text: String) throws {
        let body = MarkdownBody(text, file: "i.md")
        #expect(try body.text() == text)
        #expect(body.isEmpty == text.isEmpty)
        #expect(body.isBlank == text.allSatisfy(\.isWhitespace))
    }
}
