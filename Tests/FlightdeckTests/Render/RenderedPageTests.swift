import Foundation
import Testing
@testable import Flightdeck

/// A page that keeps long markup aside (`RenderedPage`) is written, and goes into the single-file report, exactly
/// as the same page with its markup copied in.
@Suite struct RenderedPageTests {
    /// Notes-like markup: headings with ids, links between the release's pages and out of the site, a comment.
    private func notes(_ tag: String) -> String {
        (0..<800).map { k in
            "<h2 id=\"\(tag)-\(k)\">Change \(k)</h2>\n<p>See <a href=\"../tests/index.html#suite-\(k)\">tests</a>, "
                + "<a href=\"#\(tag)-\(k)\">here</a> and <a href=\"https://example.com/\(k)\">out</a>.<!-- \(k) --></p>\n"
        }.joined()
    }

    /// The page split at `cuts` (offsets into `whole`'s bytes, each the start or end of a piece of markup kept aside).
    private func spliced(_ whole: String, _ ranges: [Range<Int>]) -> RenderedPage {
        let bytes = Array(whole.utf8)
        var text: [UInt8] = []
        var splices: [RenderedPage.Splice] = []
        var at = 0
        for range in ranges {
            text += bytes[at..<range.lowerBound]
            splices.append(.init(offset: text.count, markup: String(decoding: bytes[range], as: UTF8.self)))
            at = range.upperBound
        }
        text += bytes[at...]
        return RenderedPage(text: Data(text), splices: splices)
    }

    /// The page as `write(to:)` hands it on, whole.
    private func written(_ page: RenderedPage) -> Data {
        var data = Data()
        page.write { (piece: [UInt8]) in data.append(contentsOf: piece) }
        return data
    }

    private func page(_ head: String, _ body: String, _ tail: String) -> (whole: String, parts: [Range<Int>]) {
        let start = head.utf8.count
        return (head + body + tail, [start..<(start + body.utf8.count)])
    }

    private func report(_ pages: [SingleFileReport.Page]) throws -> [UInt8] {
        var out: [UInt8] = []
        var pieces = 0
        try SingleFileReport.write(pages, releaseBase: "releases/1.0/",
                                   frame: .init(siteTitle: "Site", releaseTitle: "1.0", language: "en", baseURL: "https://ex.org/", css: "p{}")) { (piece: [UInt8]) throws in
            #expect(piece.count <= OutputFile.pieceBytes)
            out += piece
            pieces += 1
        }
        #expect(pieces > 1)
        return out
    }

    @Test func aPageWithMarkupAsideWritesAsTheWholePage() throws {
        let body = notes("n")
        let (whole, parts) = page("<html><body><main>\n<h1>Notes</h1>\n<div class=\"prose\">\n", body, "\n</div>\n</main></body></html>\n")
        let split = spliced(whole, parts)
        #expect(split.splices.count == 1)
        #expect(written(split) == Data(whole.utf8))
        var written: [UInt8] = []
        split.write { (piece: [UInt8]) in
            #expect(piece.count <= OutputFile.pieceBytes)
            written += piece
        }
        #expect(written == Array(whole.utf8))
    }

    /// Markup aside at the edges of `<main>`, next to the navigation the report leaves out, twice at one place,
    /// and inside that navigation: the report is byte for byte the one made from the whole pages.
    @Test func theSingleFileReportIsTheSameWithMarkupAside() throws {
        let a = notes("a"), b = notes("b")
        let nav = "<nav class=\"breadcrumbs\"><a href=\"../index.html\">Home</a>" + a + "</nav>"
        let overviewHead = "<html><body><main>"
        let lead = "\n \n" + a  // whitespace to trim at the start of <main>, across the markup aside
        let overview = overviewHead + lead + "\n" + nav + b + b + "\n<p>end</p>" + a + "</main></body></html>"
        var ranges: [Range<Int>] = []
        var at = overviewHead.utf8.count
        ranges.append(at..<(at + lead.utf8.count)); at += lead.utf8.count + 1
        let navA = at + "<nav class=\"breadcrumbs\"><a href=\"../index.html\">Home</a>".utf8.count
        ranges.append(navA..<(navA + a.utf8.count)); at += nav.utf8.count
        ranges.append(at..<(at + b.utf8.count)); at += b.utf8.count
        ranges.append(at..<(at + b.utf8.count)); at += b.utf8.count + "\n<p>end</p>".utf8.count
        ranges.append(at..<(at + a.utf8.count))
        let notesPage = page("<html><body><main>\n<div>\n", b, "\n</div>\n</main></body></html>")
        let pages = [ReleasePage(template: "release.html", url: "releases/1.0/index.html", title: "1.0", kind: "release", label: "Overview"),
                     ReleasePage(template: "notes.html", url: "releases/1.0/notes/index.html", title: "Notes", kind: "notes", label: "Notes")]
        let whole = [SingleFileReport.Page(page: pages[0], html: RenderedPage(text: Data(overview.utf8), splices: [])),
                     SingleFileReport.Page(page: pages[1], html: RenderedPage(text: Data(notesPage.whole.utf8), splices: []))]
        let aside = [SingleFileReport.Page(page: pages[0], html: spliced(overview, ranges)),
                     SingleFileReport.Page(page: pages[1], html: spliced(notesPage.whole, notesPage.parts))]
        #expect(aside[0].html.splices.count == 5)
        #expect(written(aside[0].html) == Data(overview.utf8))
        let expected = try report(whole)
        #expect(try report(aside) == expected)
        // The ids of the notes are the report's own, and the navigation's copy of `a` is gone.
        let text = String(decoding: expected, as: UTF8.self)
        #expect(text.contains("id=\"overview--a-7\""))
        #expect(text.contains("id=\"notes--b-7\""))
        #expect(text.components(separatedBy: ">Change 7<").count - 1 == 2 + 2 + 1)
    }

    @Test func aPageThatKeepsMarkupAsideIsBuiltAndWrittenWhole() async throws {
        // The example site's notes template prints `notes.html | safe`: long notes go through RenderedPage.
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("fd-aside-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let release = site.appendingPathComponent("content/releases/1.0")
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        try "title: Aside\n".write(to: site.appendingPathComponent("flightdeck.yaml"), atomically: true, encoding: .utf8)
        try "title: One\ndate: 2026-01-02\n".write(to: release.appendingPathComponent("release.yaml"), atomically: true, encoding: .utf8)
        let markdown = (0..<2_000).map { "## Change \($0)\n\nThe *change* \($0) is [documented](https://example.com/\($0)).\n" }.joined(separator: "\n")
        try markdown.write(to: release.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        let output = site.appendingPathComponent("public")
        var options = BuildOptions(output: output)
        options.noCache = true
        _ = try await Site(root: site, options: options).build()
        let html = try String(contentsOf: output.appendingPathComponent("releases/1.0/notes/index.html"), encoding: .utf8)
        let notes = try MarkdownRenderer.render(markdown, file: "notes.md", unsafeHTML: false, nested: true, demote: false).html
        #expect(notes.utf8.count >= 1 << 16)
        #expect(html.contains(notes))
        #expect(html.hasSuffix("</footer>\n</body>\n</html>"))
        let report = try String(contentsOf: output.appendingPathComponent("releases/1.0/report.html"), encoding: .utf8)
        #expect(report.contains("id=\"notes--change-1999\""))
    }
}
