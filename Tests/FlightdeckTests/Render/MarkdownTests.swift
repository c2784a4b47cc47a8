import Foundation
import Testing
@testable import Flightdeck

@Suite struct MarkdownTests {
    static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("markdown")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
    }

    /// Each fixture renders exactly as GitHub's cmark-gfm renders it with tables, strikethrough and autolinks
    /// (Fixtures/markdown/generate.sh). cmark-gfm gives headings no ids, so ours are removed before comparing.
    @Test(arguments: cases) func matchesCmarkGFM(_ name: String) throws {
        let markdown = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".md", with: ".html")), encoding: .utf8)
        let rendered = try MarkdownRenderer.render(markdown, file: name, unsafeHTML: name.hasSuffix(".unsafe.md"))
        #expect(Self.withoutHeadingIDs(rendered.html) == expected)
    }

    /// `<h2 id="x">` → `<h2>`: the one place where Flightdeck's output differs from cmark-gfm's on purpose.
    static func withoutHeadingIDs(_ html: String) -> String {
        html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
    }

    @Test func unsafeModePassesRawHTML() throws {
        let rendered = try MarkdownRenderer.render("<b>x</b>\n", file: "a.md", unsafeHTML: true)
        #expect(rendered.html == "<p><b>x</b></p>\n")
    }

    @Test func firstLevelOneHeadingIsFound() throws {
        #expect(try MarkdownRenderer.render("## two\n# One *x*\n", file: "a.md", unsafeHTML: false).firstHeading == "One x")
    }

    @Test func taskItemsComeFromTheTreeWithSectionsLinesAndChecks() throws {
        let markdown = """
            # List
            ## Testing
            - [x] Suite passes `check: tests.success_rate >= 95`
            - [ ] Manual check
            - not a task
            - [y] not a box either

            ## Rollout
            * [X] Gates pass

            Text with [ ] in it.
            """
        let rendered = try MarkdownRenderer.render(markdown, file: "c.md", unsafeHTML: false)
        #expect(rendered.tasks == [
            TaskItem(text: "Suite passes", checked: true, section: "Testing", line: 3, check: "tests.success_rate >= 95"),
            TaskItem(text: "Manual check", checked: false, section: "Testing", line: 4, check: nil),
            TaskItem(text: "Gates pass", checked: true, section: "Rollout", line: 9, check: nil),
        ])
        #expect(rendered.html.contains(#"<li><input type="checkbox" class="task" checked disabled aria-label="done"> Suite passes <code>check: tests.success_rate &gt;= 95</code></li>"#))
        #expect(rendered.html.contains(#"<li><input type="checkbox" class="task" disabled aria-label="not done"> Manual check</li>"#))
        #expect(rendered.html.contains("<li>[y] not a box either</li>"))
    }

    @Test func taskBoxInsideRawHTMLSafeModeStillRenders() throws {
        let rendered = try MarkdownRenderer.render("- [ ] <b>x</b>\n", file: "c.md", unsafeHTML: false)
        #expect(rendered.html == "<ul>\n<li><input type=\"checkbox\" class=\"task\" disabled aria-label=\"not done\"> <!-- raw HTML omitted -->x<!-- raw HTML omitted --></li>\n</ul>\n")
    }

    @Test func hugeMarkdownIsRefusedWithAClearError() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\n")
        defer { site.remove() }
        let line = String(repeating: "word ", count: 19) + "\n"
        try site.write("content/pages/big.md", String(repeating: line, count: 50 * 1_048_576 / line.utf8.count))
        #expect(await site.check() == [
            "content/pages/big.md:1:1: error: file is 50.0 MiB; the limit for this kind of file is 4 MiB (aggregate the data, or split it)",
        ])
    }
}

@Suite struct NestedMarkdownTests {
    @Test func nestedDropsTheLeadingTitleAndDemotesHeadings() throws {
        let rendered = try MarkdownRenderer.render("# Title\n\nText\n\n## Part\n\n###### Deep\n", file: "n.md", unsafeHTML: false, nested: true)
        #expect(rendered.html == "<p>Text</p>\n<h3 id=\"part\">Part</h3>\n<h6 id=\"deep\">Deep</h6>\n")
        #expect(rendered.firstHeading == "Title")
    }

    @Test func nestedKeepsALeadingSubheading() throws {
        let rendered = try MarkdownRenderer.render("## Part\nText\n", file: "n.md", unsafeHTML: false, nested: true)
        #expect(rendered.html == "<h3 id=\"part\">Part</h3>\n<p>Text</p>\n")
    }
}
