import Foundation
import Testing
@testable import Flightdeck

/// A release's single-file report (`releases/<id>/report.html`, `build --single-file`): self-contained, its
/// anchors resolve, its charts carry their own colours, and a large release stays small.
@Suite struct SingleFileReportTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every URL of a document: `href`, `src`, `xlink:href`, each `srcset` candidate, and each `url(...)` in an
    /// attribute or in the text (the inline stylesheet).
    private func urls(in html: String) -> [String] {
        var found: [String] = []
        for tag in HTMLScan.tags(in: html) {
            for (name, value) in tag.attributes {
                switch name {
                case "href", "src", "xlink:href": found.append(value)
                case "srcset": found += value.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
                default: break
                }
                found += cssURLs(in: value)
            }
        }
        return found + cssURLs(in: html)
    }

    private func cssURLs(in text: String) -> [String] {
        text.matches(of: #/url\(\s*['"]?([^'")]*)/#).map { String($0.output.1) }
    }

    private func ids(in html: String) -> [String] {
        HTMLScan.tags(in: html).compactMap { $0.attribute("id") }
    }

    /// The text of every file of a release folder, where a URL the user wrote must appear.
    private func releaseText(_ folder: URL) throws -> String {
        var text = ""
        for case let path as String in FileManager.default.enumerator(atPath: folder.path) ?? .init() {
            var isFolder: ObjCBool = false
            let file = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue {
                text += String(decoding: try Data(contentsOf: file), as: UTF8.self)
            }
        }
        return text
    }

    private func exampleSite() throws -> SiteFixture {
        let site = try SiteFixture("")
        for item in ["flightdeck.yaml", "content"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(item), to: site.root.appendingPathComponent(item))
        }
        return site
    }

    @Test func exampleReportsAreSelfContainedWithWorkingAnchorsAndColouredCharts() async throws {
        let site = try exampleSite()
        defer { site.remove() }
        _ = try await Site(root: site.root, options: BuildOptions(baseURL: "")).build()
        let releases = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/releases").path)
        #expect(releases.count >= 3)
        for id in releases {
            let html = try site.read("public/releases/\(id)/report.html")
            let data = try releaseText(site.root.appendingPathComponent("content/releases/\(id)"))
            let ids = ids(in: html)
            #expect(Set(ids).count == ids.count, "\(id): ids are unique")
            let known = Set(ids)
            let found = urls(in: html)
            #expect(found.contains("#tests") || !data.contains("<testsuite"), "\(id): links its tests section")
            for url in found {
                if url.hasPrefix("#") {
                    #expect(url == "#" || known.contains(String(url.dropFirst())), "\(id): anchor \(url) exists")
                } else if url.hasPrefix("data:") {
                    continue
                } else {
                    #expect(url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:"), "\(id): \(url) is not in the file")
                    #expect(data.contains(url), "\(id): \(url) was written in the release's data")
                }
            }
            // Every page of the release is a section, in page order, each with its own heading.
            let model = try #require(site.model().0)
            let entry = try #require(model.releases.first { $0.data.release.id == id })
            let pages = ReleasePages.pages(entry.data, hasErrors: entry.hasErrors).filter { $0.kind != "summary" && $0.kind != "report" }
            var last = html.startIndex
            for page in pages {
                let section = SingleFileReport.sectionID(page, release: "releases/\(id)/")
                let range = try #require(html.range(of: #"<section id="\#(section)" class="single-page""#), "\(id): section \(section)")
                #expect(range.lowerBound > last, "\(id): \(section) in page order")
                last = range.lowerBound
                #expect(html[range.upperBound...].prefix(4000).contains("<h1"), "\(id): \(section) has its heading")
            }
            // Each chart series draws with its own fill or stroke, not the site's CSS classes.
            let series = html.components(separatedBy: #"<g class="fd-series"#).dropFirst()
            #expect(!series.isEmpty, "\(id) has charts")
            for group in series {
                let body = group.components(separatedBy: "</g>").first ?? ""
                for shape in HTMLScan.tags(in: "<g" + body) where ["path", "rect", "circle", "polygon", "polyline", "line", "use", "ellipse"].contains(shape.name) {
                    let paints = [shape.attribute("fill"), shape.attribute("stroke")].compactMap { $0 }.filter { $0 != "none" && !$0.isEmpty }
                    #expect(!paints.isEmpty, "\(id): a series \(shape.name) has no colour of its own")
                }
            }
            #expect(html.contains("@media print"), "\(id): prints as a document")
            #expect(!html.contains("<script") && !html.contains("<link "), "\(id): no script or stylesheet link")
            #expect(html.utf8.count < 400_000, "\(id): \(html.utf8.count) bytes")
        }
    }

    @Test func linksBetweenPagesBecomeAnchorsAndOtherLinksTextOrAbsolute() async throws {
        let archive = """
            -- flightdeck.yaml --
            title: Demo
            -- content/releases/1.0/release.yaml --
            title: First
            date: 2026-01-02
            -- content/releases/1.0/notes.md --
            # Notes

            See [the tests](../tests/index.html#suites), [the failure](../tests/), [next](../../2.0/index.html),
            [home](../../../index.html), [mail](mailto:team@example.com), [docs](https://docs.example.com/x?a=1&b=2),
            [here](#known-issues), [bad](javascript:alert(1)) and ![a diagram](diagram.png "D").

            ## Known issues

            None.
            -- content/releases/1.0/tests/junit.xml --
            <testsuite name="s" tests="1"><testcase classname="t" name="a"/></testsuite>
            """ + releaseWithTests("2.0", date: "2026-02-02", passing: ["a"])
        for base in ["", "https://reports.example.com/sub/"] {
            let site = try SiteFixture(archive)
            defer { site.remove() }
            _ = try await Site(root: site.root, options: BuildOptions(baseURL: base)).build()
            let html = try site.read("public/releases/1.0/report.html")
            let notes = try #require(html.components(separatedBy: #"<section id="notes""#).dropFirst().first?.components(separatedBy: "</section>").first)
            #expect(notes.contains(##"<a href="#tests--suites">the tests</a>"##))
            #expect(notes.contains(##"<a href="#tests">the failure</a>"##))
            #expect(notes.contains(##"<a href="mailto:team@example.com">mail</a>"##))
            #expect(notes.contains(##"<a href="https://docs.example.com/x?a=1&amp;b=2">docs</a>"##))
            #expect(notes.contains(##"<a href="#notes--known-issues">here</a>"##) && notes.contains(##"id="notes--known-issues""##))
            #expect(!notes.contains("javascript:") && !notes.contains("diagram.png"))
            #expect(notes.contains("a diagram"), "an image outside the file is replaced by its alt text")
            if base.isEmpty {
                #expect(notes.contains("<span>next</span>") && notes.contains("<span>home</span>"))
            } else {
                #expect(notes.contains(##"<a href="https://reports.example.com/sub/releases/2.0/index.html">next</a>"##))
                #expect(notes.contains(##"<a href="https://reports.example.com/sub/index.html">home</a>"##))
            }
            let known = Set(ids(in: html))
            for url in urls(in: html) where url.hasPrefix("#") { #expect(known.contains(String(url.dropFirst())), "\(url)") }
            // The same bytes from `build --single-file`.
            guard case .report(let alone) = try Site(root: site.root, options: BuildOptions(baseURL: base)).singleFileReport(ReleaseID("1.0")) else {
                Issue.record("no report")
                continue
            }
            #expect(String(decoding: alone, as: UTF8.self) == html)
        }
    }

    @Test func anUnknownReleaseNamesTheClosestOne() throws {
        let site = try SiteFixture(minimalSite + releaseWithTests("2.4.0", date: "2026-03-01", passing: ["a"]))
        defer { site.remove() }
        guard case .unknownRelease(let message) = try Site(root: site.root).singleFileReport(ReleaseID("2.4.1")) else {
            Issue.record("an unknown release gave a report")
            return
        }
        #expect(message.contains("'2.4.1'") && message.contains("2.4.0") && message.contains("1.0"))
    }

    /// 5,000 tests, 200 of them failing: the report stays under 5 MB, with the long lists folded in <details>.
    @Test func aReleaseWithFiveThousandTestsStaysUnderFiveMegabytes() async throws {
        var cases = ""
        for index in 0..<5_000 {
            let name = "test_case_\(index)_with_a_realistic_descriptive_name"
            if index % 25 == 0 {
                cases += #"<testcase classname="suite\#(index % 40).Module" name="\#(name)" time="0.5"><failure message="expected 1, got 2">Traceback: assertion failed at line \#(index)</failure></testcase>"#
            } else {
                cases += #"<testcase classname="suite\#(index % 40).Module" name="\#(name)" time="0.01"/>"#
            }
        }
        let site = try SiteFixture(minimalSite + """

            -- content/releases/big/release.yaml --
            title: Big
            date: 2026-03-01
            -- content/releases/big/tests/junit.xml --
            <testsuites><testsuite name="all" tests="5000">\(cases)</testsuite></testsuites>
            """)
        defer { site.remove() }
        _ = try await Site(root: site.root).build()
        let html = try site.read("public/releases/big/report.html")
        #expect(html.utf8.count < 5_000_000, "\(html.utf8.count) bytes")
        #expect(html.contains("<details"), "long tables are folded")
        #expect(html.contains("test_case_25_with_a_realistic_descriptive_name"), "a failing test is shown")
    }

    /// One page's markup as its section shows it: ids and references prefixed, loads dropped, SVG names kept.
    @Test func rewritesIdsReferencesAndDropsWhatLoads() {
        var rewriter = SingleFileReport.Rewriter(pageURL: "releases/1.0/tests/index.html", section: "tests",
                                                 sections: ["releases/1.0/index.html": "overview", "releases/1.0/tests/index.html": "tests"],
                                                 baseURL: nil)
        let html = """
            <h2 id="a">A</h2><!-- a comment --><script>alert(1)</script><link rel="stylesheet" href="../x.css">
            <svg viewBox="0 0 1 1" aria-labelledby="a b"><rect clip-path="url(#c)" fill="#123456"/><use href="#d"/></svg>
            <img src="p.png" srcset="p2.png 2x" alt="A &amp; B" onerror="x()"><img src="data:image/png;base64,AA" alt="d">
            <a href="../index.html#verdict">up</a> <a href="../../2.0/index.html" rel="next">other</a> <a href="javascript:x()">js</a>
            <p style="color: red" data-sort="1">p</p><label for="a">l</label>
            """
        let out = rewriter.rewrite(html)
        #expect(out.contains(##"<h2 id="tests--a">A</h2>"##))
        #expect(!out.contains("comment") && !out.contains("alert") && !out.contains("x.css"))
        #expect(out.contains(##"<svg viewBox="0 0 1 1" aria-labelledby="tests--a tests--b">"##), "SVG attribute names keep their case")
        #expect(out.contains(##"<rect clip-path="url(#tests--c)" fill="#123456"/>"##) && out.contains(##"<use href="#tests--d"/>"##))
        #expect(out.contains(##"<span class="image-alt">A &amp; B</span>"##) && !out.contains("p.png") && !out.contains("onerror"))
        #expect(out.contains(##"<img src="data:image/png;base64,AA" alt="d">"##))
        #expect(out.contains(##"<a href="#overview--verdict">up</a>"##))
        #expect(out.contains("<span>other</span>") && out.contains("<span>js</span>"))
        #expect(out.contains(##"<p data-sort="1">p</p>"##) && out.contains(##"<label for="tests--a">l</label>"##))
    }

    /// Tags with nothing to rewrite are copied byte for byte (attribute names that merely contain `id` or `on`,
    /// as `stroke-width` and `font-size` do, are not ids or handlers); every tag with something to rewrite is
    /// still found, whatever its case, spacing or quoting.
    @Test func tagsWithNothingToRewriteAreCopiedAsWritten() {
        var rewriter = SingleFileReport.Rewriter(pageURL: "releases/1.0/tests/index.html", section: "tests",
                                                 sections: ["releases/1.0/tests/index.html": "tests"], baseURL: nil)
        let kept = #"<line x1='1' stroke-width="2" font-size="11" text-anchor="end" data-label="Tom &#39;s" hidden><td class=num headers-x="a">"#
        #expect(rewriter.rewrite(kept) == kept)
        let out = rewriter.rewrite(#"<rect ONCLICK="x()" width="1"><path fill = url(#g) /><g/onload=x()><span Aria-LabelledBy='t'><td HEADERS="h">"#)
        #expect(!out.lowercased().contains("onclick") && !out.contains("onload"), "handlers are dropped in any case and after a slash")
        #expect(out.contains("url(#tests--g)"), "an unquoted url(#…) value after spaced `=` is prefixed")
        #expect(out.contains(#"Aria-LabelledBy="tests--t""#) && out.contains(#"HEADERS="tests--h""#))
    }
}
