import Foundation
import Testing
@testable import Flightdeck

/// Heading ids by GitHub's slug rules; expected slugs come from Fixtures/markdown/slugs/generate.py.
@Suite struct MarkdownHeadingIDTests {
    static let folder = MarkdownTests.folder.appendingPathComponent("slugs")

    @Test func slugsMatchTheGithubSluggerRules() throws {
        let headings = try String(contentsOf: Self.folder.appendingPathComponent("headings.txt"), encoding: .utf8)
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("headings.ids"), encoding: .utf8)
        var slugger = HeadingSlugger()
        let slugs = headings.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { slugger.slug(String($0)) }
        #expect(slugs == expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
    }

    @Test func headingsGetDeduplicatedIDs() throws {
        let rendered = try MarkdownRenderer.render("# Gates\n\n## Gates\n\nGates\n-----\n\n### What's *new*?\n", file: "a.md", unsafeHTML: false)
        #expect(rendered.html == """
            <h1 id="gates">Gates</h1>
            <h2 id="gates-1">Gates</h2>
            <h2 id="gates-2">Gates</h2>
            <h3 id="whats-new">What's <em>new</em>?</h3>

            """)
    }

    @Test func headingWithoutLettersGetsNoIDAndMainIsReserved() throws {
        let rendered = try MarkdownRenderer.render("## !!!\n\n## Main\n", file: "a.md", unsafeHTML: false)
        #expect(rendered.html == "<h2>!!!</h2>\n<h2 id=\"main-1\">Main</h2>\n")
    }

    @Test func releaseNotesAvoidTheReleasePageIDs() throws {
        let rendered = try MarkdownRenderer.render("# 2.4\n\n## Rollout\n\n## Notes\n", file: "notes.md", unsafeHTML: false,
                                                   nested: true, ids: .releaseNotes)
        #expect(rendered.html == "<h3 id=\"rollout-1\">Rollout</h3>\n<h3 id=\"notes\">Notes</h3>\n")
    }

    @Test func postmortemIDsArePrefixedWithTheIncident() throws {
        let rendered = try MarkdownRenderer.render("## Timeline\n", file: "i.md", unsafeHTML: false, nested: true, ids: .postmortem("INC-2026-031"))
        #expect(rendered.html == "<h3 id=\"inc-2026-031-timeline\">Timeline</h3>\n")
    }

    @Test func rawHeadingTagsInUnsafeModeDoNotTakeIDs() throws {
        let rendered = try MarkdownRenderer.render("<h2>raw</h2>\n\n## Real\n", file: "a.md", unsafeHTML: true)
        #expect(rendered.html == "<h2>raw</h2>\n<h2 id=\"real\">Real</h2>\n")
    }
}

/// Tables where they meet the rest of Flightdeck: raw HTML settings, nested notes, task lists.
@Suite struct MarkdownTableTests {
    static let table = "| Gate | Result |\n|:-----|-------:|\n| <b>p99</b> | ~~fail~~ pass |\n"

    @Test func cellsFollowTheRawHTMLSetting() throws {
        let safe = try MarkdownRenderer.render(Self.table, file: "a.md", unsafeHTML: false).html
        let unsafe = try MarkdownRenderer.render(Self.table, file: "a.md", unsafeHTML: true).html
        #expect(safe.contains(#"<td class="align-left"><!-- raw HTML omitted -->p99<!-- raw HTML omitted --></td>"#))
        #expect(unsafe.contains(#"<td class="align-left"><b>p99</b></td>"#))
        #expect(unsafe.contains(#"<td class="align-right"><del>fail</del> pass</td>"#))
    }

    @Test func nestedNotesKeepTheirTablesAndDemoteHeadings() throws {
        let rendered = try MarkdownRenderer.render("# Notes\n\n## Gates\n\n" + Self.table, file: "notes.md", unsafeHTML: false, nested: true)
        #expect(rendered.html.hasPrefix("<h3 id=\"gates\">Gates</h3>\n<table>\n<thead>\n<tr>\n<th class=\"align-left\">Gate</th>"))
    }

    @Test func tasksBesideATableAreStillFound() throws {
        let markdown = "## Checks\n\n" + Self.table + "\n- [x] Gates reviewed\n- [ ] Sign-off\n"
        let rendered = try MarkdownRenderer.render(markdown, file: "checklist.md", unsafeHTML: false)
        #expect(rendered.tasks.map(\.text) == ["Gates reviewed", "Sign-off"])
        #expect(rendered.tasks.map(\.section) == ["Checks", "Checks"])
        #expect(rendered.html.contains("</table>\n<ul>\n<li><input type=\"checkbox\""))
    }

    @Test func cellsSeeTheDocumentsLinkReferences() throws {
        let rendered = try MarkdownRenderer.render("| a |\n|---|\n| [docs][d] |\n\n[d]: https://example.com/docs\n", file: "a.md", unsafeHTML: false)
        #expect(rendered.html.contains(#"<td><a href="https://example.com/docs">docs</a></td>"#))
    }

    @Test func rowsSplitOnUnescapedPipesOnly() {
        #expect(TableRow(ArraySlice("| a \\| b | `c | d` |  ".utf8))?.cells == ["a | b", "`c", "d`"])
        #expect(TableRow.alignments(ArraySlice("| :-- | :-: | --: | --- |".utf8)) == [.left, .center, .right, .none])
        #expect(TableRow.alignments(ArraySlice("| a | --- |".utf8)) == nil)
    }
}

/// The example site's own Markdown (content/) uses pipe tables; none may be left as raw pipes.
@Suite struct MarkdownExampleSiteTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("content")

    static var files: [String] {
        let enumerator = FileManager.default.enumerator(atPath: content.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".md") { found.append(path) }
        }
        return found.sorted()
    }

    static func html(_ path: String) throws -> String {
        // Incidents' front matter warns as a page's would; only the body matters here.
        let page = PageReader.read(ContentFile(path: "content/" + path, url: content.appendingPathComponent(path)), unsafeHTML: false,
                                   keepLinks: false, log: DiagnosticLog())
        return try #require(page).html.html()
    }

    @Test(arguments: files) func tablesRenderAsTables(_ path: String) throws {
        let html = try Self.html(path)
        #expect(!html.split(separator: "\n").contains { $0.hasPrefix("|") || $0.hasPrefix("<p>|") }, "\(path) has raw pipes")
        let source = try String(contentsOf: Self.content.appendingPathComponent(path), encoding: .utf8)
        let delimiterRows = source.split(separator: "\n").filter { $0.contains("|") && TableRow.alignments(ArraySlice(Array($0.utf8))) != nil }
        #expect(html.components(separatedBy: "<table>").count - 1 == delimiterRows.count, "\(path)")
    }

    @Test func processAndGlossaryPagesHaveTheirTables() throws {
        for page in ["pages/process.md", "pages/glossary.md"] {
            #expect(try Self.html(page).contains("<table>\n<thead>\n<tr>\n<th>"), "\(page)")
        }
    }
}

/// Inputs that would make a naive extension quadratic; each must render (and quickly, by construction).
@Suite struct MarkdownHostileInputTests {
    @Test func longRunsOfParenthesesAtSignsAndTildes() throws {
        let parens = "https://example.com/" + String(repeating: ")", count: 100_000)
        #expect(try MarkdownRenderer.render(parens, file: "a.md", unsafeHTML: false).html
            .hasPrefix(#"<p><a href="https://example.com/">https://example.com/</a>)))"#))
        let ats = String(repeating: "a@", count: 50_000)
        #expect(try !MarkdownRenderer.render(ats, file: "a.md", unsafeHTML: false).html.contains("mailto:"))
        let tildes = String(repeating: "a~ ", count: 50_000)
        #expect(try !MarkdownRenderer.render(tildes, file: "a.md", unsafeHTML: false).html.contains("<del>"))
        let pipes = "| a |\n|---|\n" + String(repeating: "| x |\n", count: 20_000)
        #expect(try MarkdownRenderer.render(pipes, file: "a.md", unsafeHTML: false).html.components(separatedBy: "<tr>").count == 20_002)
    }
}
