import Foundation
import Testing
@testable import Flightdeck

/// The tests section as built: history strips with text, links to each test's history by a stable anchor,
/// categories from flightdeck.yaml, and test ids that reach the page exactly as written, escaped.
@Suite struct TestsPageTests {
    private static let hostile = #"A<b>"&'::x"#

    private func release(_ id: String, date: String, failing: Bool) -> String {
        let failure = failing ? #"<failure message="Connection timed out after 30 s">at Net.connect()</failure>"# : ""
        return """

            -- content/releases/\(id)/release.yaml --
            title: \(id)
            date: \(date)
            product: p
            -- content/releases/\(id)/tests/junit.xml --
            <testsuite name="s" tests="3"><testcase classname="A&lt;b&gt;&quot;&amp;&apos;" name="x" time="2">\(failure)</testcase><testcase classname="k" name="slow" time="9"/><testcase classname="k" name="broke"><error message="NullPointerException"/></testcase></testsuite>
            """
    }

    /// flightdeck.yaml with these lines under `tests: categories:`.
    private func config(_ categories: String) -> String {
        "-- flightdeck.yaml --\ntitle: Demo\ntests:\n  categories:\n" + categories.split(separator: "\n").map { "  \($0)" }.joined(separator: "\n")
    }

    @Test func theSectionLinksEachTestToItsHistoryAndEscapesItsId() async throws {
        let site = try SiteFixture(config(#"  - { name: "Timeouts <slow>", message: "(?i)timed? ?out" }"#) + release("1.0", date: "2026-01-01", failing: false) + release("2.0", date: "2026-02-01", failing: true))
        defer { site.remove() }
        let report = try await Site(root: site.root).build()
        #expect(!report.diagnostics.contains { $0.severity == .error })
        let page = try site.read("public/releases/2.0/tests/index.html")
        let anchor = TestHistoryBuilder.anchor(Self.hostile)
        let escaped = "A&lt;b&gt;&#34;&amp;&#39;::x"

        // New failure, linked to its row of the history table, which carries the anchor once.
        #expect(page.contains(##"<li id="new-failures"><strong>1</strong> new failures:<ul class="test-list"><li><a class="test-id" href="#\##(anchor)">\##(escaped)</a>"##))
        #expect(page.components(separatedBy: #"id="\#(anchor)""#).count == 2)
        #expect(page.contains(#"<tr id="\#(anchor)"><th scope="row"><span class="test-id">\#(escaped)</span>"#))
        #expect(!page.contains(#"A<b>"#))
        // The strip: words for each release (and a symbol from tests.css), not colour alone.
        #expect(page.contains(#"<li class="h-passed" title="1.0: passed"><span class="visually-hidden">1.0: passed</span></li>"#))
        #expect(page.contains(#"<li class="h-failed h-now" title="2.0: failed"><span class="visually-hidden">2.0 (this release): failed</span></li>"#))
        // Categories: the configured one, then the default for errors.
        #expect(page.contains(#"<th scope="row">Timeouts &lt;slow&gt;</th><td class="num">1</td>"#))
        #expect(page.contains(#"<th scope="row">Test defects <span class="muted">(default)</span></th>"#))
        #expect(page.contains("Category: Timeouts &lt;slow&gt;."))
        // The suite table is sortable by script, complete without it; the assets are there.
        #expect(page.contains("<table data-sortable>"))
        #expect(page.contains(#"<script src="../../../assets/sortable-tables.js" defer></script>"#))
        #expect(page.contains(#"<link rel="stylesheet" href="../../../assets/tests.css">"#))
        #expect(site.exists("public/assets/sortable-tables.js") && site.exists("public/assets/tests.css"))

        // The export keeps the id as written, as the key of its history.
        let figures = try #require(site.model().0?.releases.first { $0.data.release.id == "2.0" }?.figures[TestsKind.self])
        #expect(figures.history.tests[Self.hostile]?.anchor == anchor)
        #expect(figures.history.releases == ["1.0", "2.0"])
    }

    @Test func anInvalidCategoryPatternStopsTheBuildAtItsPlace() async throws {
        let site = try SiteFixture(config("  - name: Broken\n    trace: \"[unclosed\"") + release("1.0", date: "2026-01-01", failing: true))
        defer { site.remove() }
        await #expect {
            try await Site(root: site.root).build()
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.description)
                .contains("flightdeck.yaml:5:14: error: 'trace' is not a valid regular expression: \"[unclosed\"") == true
        }
    }
}
