import Foundation
import Testing
@testable import Flightdeck

/// Links in release.yaml: only http, https, mailto and relative URLs become hrefs; the rest are text with a warning.
@Suite struct ReleaseLinkTests {
    static let site = #"""
        -- flightdeck.yaml --
        title: Demo
        -- content/releases/r/release.yaml --
        title: R
        links:
          - { title: Ticket, url: "https://tracker.example/CHG-1?a=1&b=2" }
          - { title: Runbook, url: "../../pages/runbook.html" }
          - { title: Plain, url: "javascript:alert(1)" }
          - title: Spaced
            url: " JaVaScRiPt:alert(2)"
          - { title: Tabbed, url: "java\tscript:alert(3)" }
          - { title: Data, url: "data:text/html,<script>alert(4)</script>" }
        """#

    @Test func unsafeURLsAreWarnedAboutAtTheirValue() async throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        #expect(await site.check() == [
            #"content/releases/r/release.yaml:5:26: warning: url "javascript:alert(1)" of link 'Plain' is not an http, https, mailto or relative URL; the link is shown as text"#,
            #"content/releases/r/release.yaml:7:10: warning: url " JaVaScRiPt:alert(2)" of link 'Spaced' is not an http, https, mailto or relative URL; the link is shown as text"#,
            #"content/releases/r/release.yaml:8:27: warning: url "java\tscript:alert(3)" of link 'Tabbed' is not an http, https, mailto or relative URL; the link is shown as text"#,
            #"content/releases/r/release.yaml:9:25: warning: url "data:text/html,<script>alert(4)</script>" of link 'Data' is not an http, https, mailto or relative URL; the link is shown as text"#,
        ])
    }

    @Test func unsafeLinksReachTemplatesWithoutAnHref() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let links = try #require(site.model().0?.releases.first?.data.release.links)
        #expect(links.map(\.safe) == [true, true, false, false, false, false])
        #expect(links.map(\.url) == ["https://tracker.example/CHG-1?a=1&b=2", "../../pages/runbook.html", "", "", "", ""])
        #expect(links[3].rawUrl == " JaVaScRiPt:alert(2)")
    }

    @Test func theDefaultThemeShowsUnsafeLinksAsText() async throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        _ = try await Site(root: site.root).build()
        let page = try site.read("public/releases/r/index.html")
        #expect(page.contains(#"<li><a href="https://tracker.example/CHG-1?a=1&amp;b=2">Ticket</a></li>"#))
        #expect(page.contains(#"<li><a href="../../pages/runbook.html">Runbook</a></li>"#))
        #expect(page.contains("<li>Plain: <code>javascript:alert(1)</code> <span class=\"muted\">(not linked"))
        #expect(page.contains("<li>Data: <code>data:text/html,&lt;script&gt;alert(4)&lt;/script&gt;</code>"))
        #expect(!page.lowercased().contains("href=\"java") && !page.lowercased().contains("href=\" java") && !page.contains("href=\"data:"))
        #expect(!page.contains(#"href="""#))
    }
}
