import Foundation
import Testing
@testable import Flightdeck

@Suite struct SiteBuildTests {
    @Test func embeddedThemeMatchesTemplatesFolder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let theme = root.appendingPathComponent("templates")
        let files = (FileManager.default.enumerator(atPath: theme.path)?.allObjects as? [String] ?? [])
            .filter { !$0.hasPrefix(".") && !$0.contains("/.") }
            .filter { path in (try? theme.appendingPathComponent(path).resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        var embedded = EmbeddedTheme.templates
        embedded.merge(EmbeddedTheme.assets) { $1 }
        #expect(Set(files) == Set(embedded.keys), "run: python3 scripts/embed_theme.py")
        for file in files {
            let text = try String(contentsOf: theme.appendingPathComponent(file), encoding: .utf8)
            #expect(embedded[file] == text, "\(file) differs from EmbeddedTheme.swift; run: python3 scripts/embed_theme.py")
        }
    }

    @Test func siteTemplatesOverrideTheBuiltInThemeFileByFile() async throws {
        let site = try SiteFixture(minimalSite + """

            -- templates/404.html --
            {% extends "base.html" %}{% block content %}<p>Custom {{ page.kind }}</p>{% endblock %}
            -- templates/assets/extra.css --
            body { color: red; }
            """)
        defer { site.remove() }
        let report = try await Site(root: site.root).build()
        #expect(try site.read("public/404.html").contains("<p>Custom not_found</p>"))
        #expect(try site.read("public/404.html").contains(#"<link rel="stylesheet" href="assets/style.css">"#))
        #expect(try site.read("public/assets/extra.css") == "body { color: red; }\n")
        #expect(report.pageCount == 6, "home, 404, the release overview, its checklist and sign-offs, and its single-file report")
    }

    /// A long summary is shown whole on the overview, but its meta description, preview text and feed entry are
    /// shortened to 300 characters at a word (Jinja2's `truncate(300)`): a page does not carry it three times.
    @Test func longSummariesAreShortenedWhereTheyDescribeThePage() async throws {
        let summary = Array(repeating: "Checkout latency fell after the cache change.", count: 40).joined(separator: " ")
        let site = try SiteFixture("""
            -- flightdeck.yaml --
            title: Demo
            -- content/releases/1.0/release.yaml --
            title: First
            date: 2026-01-02
            summary: "\(summary)"
            """)
        defer { site.remove() }
        _ = try await Site(root: site.root).build()
        let page = try site.read("public/releases/1.0/index.html")
        #expect(page.contains(#"<p class="lead">\#(summary)</p>"#))
        // The first 300 characters end inside a word: Jinja2 cuts at the space before it and adds "...".
        let cut = String(summary.prefix(297))
        let shortened = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "..."
        #expect(page.contains(#"<meta name="description" content="\#(shortened)">"#))
        #expect(page.contains(#"<meta property="og:description" content="\#(shortened)">"#))
        #expect(try site.read("public/feed.xml").contains("<summary>\(shortened)</summary>"))
    }

    @Test func themeOptionsReachTemplatesAsWritten() async throws {
        let site = try SiteFixture(minimalSite + """

            -- flightdeck.yaml --
            title: Demo
            theme:
              accentColor: "#0b6bcb"
              Header-Style: compact
            -- templates/404.html --
            {% extends "base.html" %}{% block content %}<p>{{ site.theme.accentColor }} {{ site.theme['Header-Style'] }}</p>{% endblock %}
            """)
        defer { site.remove() }
        _ = try await Site(root: site.root).build()
        #expect(try site.read("public/404.html").contains("<p>#0b6bcb compact</p>"))
    }

    @Test func dataTextIsEscapedEverywhere() async throws {
        let site = try SiteFixture(minimalSite + """

            -- content/releases/1.0/tests/junit.xml --
            <?xml version="1.0"?>
            <testsuite name="&lt;b&gt;suite" tests="1"><testcase classname="x" name="&lt;script&gt;alert(1)&lt;/script&gt;" time="1.5"><failure message="&lt;img src=x onerror=alert(1)&gt;">trace &lt;/pre&gt;</failure></testcase></testsuite>
            -- content/releases/1.0/signoffs.yaml --
            required: ["<qa>"]
            signoffs:
              - { role: "<qa>", approver: "Bob <script>", decision: rejected, comment: "\\"quoted\\" & <b>bold</b>" }
            """)
        defer { site.remove() }
        _ = try await Site(root: site.root).build()
        let overview = try site.read("public/releases/1.0/index.html")
        #expect(!overview.contains("<script>alert(1)") && !overview.contains("<img src=x"))
        let release = try site.read("public/releases/1.0/tests/index.html")
        #expect(!release.contains("<script>alert(1)"))
        #expect(release.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!release.contains("<img src=x"))
        #expect(!release.contains("trace </pre>"))
        let signoffs = try site.read("public/releases/1.0/signoffs.html")
        #expect(signoffs.contains("Bob &lt;script&gt;"))
        #expect(signoffs.contains("&#34;quoted&#34; &amp; &lt;b&gt;bold&lt;/b&gt;"))
    }

    @Test func brokenSiteTemplateIsAnErrorWithItsPlaceAndNothingIsWritten() async throws {
        let site = try SiteFixture(minimalSite + "\n-- templates/page.html --\n{% if %}\n-- content/pages/a.md --\n# A\n")
        defer { site.remove() }
        do {
            _ = try await Site(root: site.root).build()
            Issue.record("the build should fail")
        } catch {
            #expect(error.diagnostics.first?.description.hasPrefix("templates/page.html:1:7: error:") == true, "\(error.diagnostics)")
        }
        #expect(!site.exists("public"))
    }

    @Test func relativeLinksClimbBackToTheRoot() async throws {
        let site = try SiteFixture(minimalSite + "\n-- content/pages/about.md --\n# About\n")
        defer { site.remove() }
        _ = try await Site(root: site.root, options: BuildOptions(baseURL: "https://host/reports/")).build()
        let release = try site.read("public/releases/1.0/index.html")
        #expect(release.contains(#"href="../../assets/style.css""#))
        #expect(release.contains(#"href="../../pages/about.html""#))
        #expect(release.contains(#"<link rel="canonical" href="https://host/reports/releases/1.0/index.html">"#))
        let page = try site.read("public/pages/about.html")
        #expect(page.contains(#"href="../index.html""#))
    }
}
