import Foundation
import Testing
@testable import Flightdeck

struct LinkCheckerTests {
    @Test func scannerReadsURLsAndIDsButNotScriptsOrComments() {
        let page = """
        <!DOCTYPE html><html><head><link rel=stylesheet href=assets/a.css>
        <script src="js/x.js">var s = '<a href="no.html">';</script><!-- <a href="nor.html"> --></head>
        <body><h2 id="a&amp;b">x</h2><a name=old></a><img srcset="a.png 1x, b%20c.png 2x" src='i.png'>
        <a HREF="p.html?x=1&amp;y=2#f">p</a><svg><use xlink:href="#a&amp;b"/></svg></body></html>
        """
        let scan = HTMLLinkScanner(Array(page.utf8))
        #expect(scan.links.map(\.url) == ["assets/a.css", "js/x.js", "a.png", "b%20c.png", "i.png", "p.html?x=1&y=2#f", "#a&b"])
        #expect(scan.ids == ["a&b", "old"])
        let last = scan.links.last
        #expect(last?.line == 4 && last?.column == 59)
    }

    @Test func targetsResolveRelativeToThePage() {
        let page = "releases/2.4/index.html"
        #expect(LinkTarget("checklist.html#c", from: page, baseURL: "") == .internal(path: "releases/2.4/checklist.html", fragment: "c"))
        #expect(LinkTarget("../../index.html", from: page, baseURL: "") == .internal(path: "index.html", fragment: nil))
        #expect(LinkTarget("../../../x.html", from: page, baseURL: "") == .outside)
        #expect(LinkTarget("#t%C3%A9st", from: page, baseURL: "") == .internal(path: page, fragment: "tést"))
        #expect(LinkTarget("./", from: page, baseURL: "") == .internal(path: "releases/2.4/", fragment: nil))
        #expect(LinkTarget("a%20b.png?v=1", from: page, baseURL: "") == .internal(path: "releases/2.4/a b.png", fragment: nil))
        #expect(LinkTarget("https://example.com/", from: page, baseURL: "") == .external)
        #expect(LinkTarget("mailto:a@example.com", from: page, baseURL: "") == .external)
        #expect(LinkTarget("//cdn.example.com/x.js", from: page, baseURL: "") == .external)
        #expect(LinkTarget("https://r.example.com/site/feed.xml", from: page, baseURL: "https://r.example.com/site/")
                == .internal(path: "feed.xml", fragment: nil))
        #expect(LinkTarget("", from: page, baseURL: "") == .unchecked)
    }

    @Test func brokenFilesAndFragmentsAreErrorsAndTheRestPasses() throws {
        let files = [
            OutputFile(path: "index.html", contents: Data(##"<a href="r/index.html#ok">a</a><a href="r/#nope">b</a><a href="r/">c</a><img src="gone.png"><a href="#top">t</a>"##.utf8)),
            OutputFile(path: "r/index.html", contents: Data(#"<h2 id="ok">ok</h2><a href="../index.html">home</a>"#.utf8)),
        ]
        let sources = LinkSources(markdown: [:], templates: [])
        let report = try LinkChecker(files: files, sources: sources, baseURL: "").check()
        #expect(report.diagnostics.map(\.message) == [
            "broken link 'r/#nope' on index.html (line 1): r/index.html has no element with id 'nope'; written by template 'index.html' from data",
            "broken image source 'gone.png' on index.html (line 1): the site has no file gone.png; written by template 'index.html' from data",
        ])
        #expect(report.diagnostics.allSatisfy { $0.severity == .error && $0.location == nil })
    }

    /// A page made as it is written (`report.html`) may read a file again (a checklist's HTML made on use): when that
    /// file changed, the error that names it reaches the user as it is, not as a system error.
    @Test func aPageThatCannotBeMadeGivesItsOwnError() throws {
        let changed = DiagnosticError(.error("the file changed while the site was being built", at: .file("content/releases/1.0/checklist.md")))
        let files = [OutputFile(path: "r/report.html", body: .stream({ piece in
            try piece(Array("<p>start</p>".utf8))
            throw changed
        }))]
        let direct = #expect(throws: DiagnosticError.self) { try files[0].contents() }
        #expect(direct?.diagnostics == changed.diagnostics)
        let checked = #expect(throws: DiagnosticError.self) {
            try LinkChecker(files: files, sources: LinkSources(markdown: [:], templates: []), baseURL: "").check()
        }
        #expect(checked?.diagnostics == changed.diagnostics)
    }
}
