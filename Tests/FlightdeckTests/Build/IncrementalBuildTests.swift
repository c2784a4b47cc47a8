import Foundation
import Testing
@testable import Flightdeck

@Suite struct IncrementalBuildTests {
    @Test func aNotesChangeRendersOnlyItsReleasePageAgain() async throws {
        let fixture = try SiteFixture(minimalSite + """

            -- content/releases/1.0/notes.md --
            First notes.
            -- content/releases/2.0/release.yaml --
            title: Second
            date: 2026-02-01
            """)
        defer { fixture.remove() }
        let site = Site(root: fixture.root)
        _ = try await site.build()
        let first = site.cache.renderedPages
        #expect(first == 8)
        _ = try await site.build()
        #expect(site.cache.renderedPages == first, "nothing changed, nothing is rendered again")
        try fixture.write("content/releases/1.0/notes.md", "Changed notes.\n")
        _ = try await site.build()
        #expect(site.cache.renderedPages == first + 1)
        #expect(try fixture.read("public/releases/1.0/index.html").contains("Changed notes."))
        #expect(try fixture.read("public/index.html").contains("Second"))
    }

    @Test func aTemplateChangeRendersEveryPageThatUsesIt() async throws {
        let fixture = try SiteFixture(minimalSite + "\n-- templates/404.html --\n{% extends \"base.html\" %}{% block content %}one{% endblock %}\n")
        defer { fixture.remove() }
        let site = Site(root: fixture.root)
        _ = try await site.build()
        let first = site.cache.renderedPages
        try await Task.sleep(for: .milliseconds(20))
        try fixture.write("templates/404.html", "{% extends \"base.html\" %}{% block content %}two!{% endblock %}\n")
        _ = try await site.build()
        #expect(site.cache.renderedPages > first)
        #expect(try fixture.read("public/404.html").contains("two!"))
    }

    @Test func aFailedRebuildKeepsTheLastGoodSiteAndRecovers() async throws {
        let fixture = try SiteFixture(minimalSite)
        defer { fixture.remove() }
        let site = Site(root: fixture.root)
        _ = try await site.build()
        let good = try fixture.read("public/index.html")
        try fixture.write("content/releases/1.0/release.yaml", "date: nope\n")
        await #expect(throws: DiagnosticError.self) { try await site.build() }
        #expect(try fixture.read("public/index.html") == good)
        try fixture.write("content/releases/1.0/release.yaml", "title: Fixed\n")
        _ = try await site.build()
        #expect(try fixture.read("public/index.html").contains("Fixed"))
    }
}
