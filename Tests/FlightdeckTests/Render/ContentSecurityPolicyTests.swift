import Foundation
import Testing
@testable import Flightdeck

/// The default theme's Content-Security-Policy, read from the pages of the built example site.
@Suite struct ContentSecurityPolicyTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Builds a copy of the example site and returns its pages by path: the site's pages, or with `reports` only the
    /// releases' single-file reports (`releases/<id>/report.html`), which have a policy of their own.
    private func builtPages(reports: Bool = false) async throws -> [String: String] {
        let site = try SiteFixture("")
        defer { site.remove() }
        for item in ["flightdeck.yaml", "content"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(item), to: site.root.appendingPathComponent(item))
        }
        _ = try await Site(root: site.root).build()
        let output = site.root.appendingPathComponent("public")
        var pages: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: output.path) ?? .init() where path.hasSuffix(".html") && path.hasSuffix("/" + SingleFileReport.fileName) == reports {
            pages[path] = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        return pages
    }

    @Test func everyPageForbidsInlineScriptPluginsAndBase() async throws {
        let pages = try await builtPages()
        #expect(pages.count >= 10)
        for (path, html) in pages {
            let policy = try #require(PageSecurity.policy(of: html), "\(path) has one CSP meta")
            let scripts = try #require(policy.directives["script-src"], "\(path)")
            #expect(scripts.first == "'self'", "\(path)")
            #expect(!scripts.contains("'unsafe-inline'") && !scripts.contains("'unsafe-eval'") && !scripts.contains("'unsafe-hashes'"))
            #expect(scripts.dropFirst().allSatisfy { $0.hasPrefix("'sha256-") }, "only hashes besides 'self': \(scripts)")
            #expect(policy.directives["object-src"] == ["'none'"])
            #expect(policy.directives["base-uri"] == ["'none'"])
            #expect(policy.directives["style-src"] == ["'self'"], "the theme and charts use no inline style")
            #expect(policy.offset < (PageSecurity.firstGoverned(in: html) ?? .max), "\(path): the policy comes before what it governs")
        }
    }

    /// Each inline script of the theme is allowed by its exact hash, recomputed here from the built page, so the
    /// policy cannot drift from the script (the theme has none today: then the policy lists no hash either).
    @Test func inlineScriptsAreAllowedByTheirHashesOnly() async throws {
        for (path, html) in try await builtPages() {
            let scripts = PageSecurity.inlineScripts(in: html)
            let hashes = try #require(PageSecurity.policy(of: html)?.directives["script-src"]).dropFirst()
            #expect(Set(hashes) == Set(scripts.map(PageSecurity.hashSource)), "\(path)")
        }
    }

    /// A single-file report loads nothing: `default-src 'none'`, no script at all, and its one inline stylesheet
    /// allowed by its exact hash (recomputed here), images only as `data:`.
    @Test func singleFileReportsAllowOnlyTheirOwnStyle() async throws {
        let reports = try await builtPages(reports: true)
        #expect(reports.count == 3)
        for (path, html) in reports {
            let policy = try #require(PageSecurity.policy(of: html), "\(path) has one CSP meta")
            #expect(policy.directives["default-src"] == ["'none'"], "\(path)")
            #expect(policy.directives["script-src"] == nil && PageSecurity.inlineScripts(in: html).isEmpty, "\(path): no script")
            #expect(policy.directives["img-src"] == ["data:"])
            #expect(policy.directives["base-uri"] == ["'none'"])
            let style = try #require(html.components(separatedBy: "<style>").dropFirst().first?.components(separatedBy: "</style>").first)
            #expect(html.components(separatedBy: "<style").count == 2, "\(path): one stylesheet")
            #expect(policy.directives["style-src"] == [PageSecurity.hashSource(of: style)], "\(path)")
            #expect(!html.contains(" style="), "\(path): no style attribute, which the policy would block")
            #expect(policy.offset < (PageSecurity.firstGoverned(in: html) ?? .max), "\(path): the policy comes before what it governs")
        }
    }

    @Test func hashesAreComputedAsBrowsersDo() {
        // The value Chromium printed for `<script>alert(1)</script>` in a CSP violation report.
        #expect(PageSecurity.hashSource(of: "alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='")
    }

    @Test func findsInlineScriptsAndTheirPolicy() {
        let html = #"<head><meta http-equiv="Content-Security-Policy" content="script-src &#39;self&#39; &#39;sha256-x&#39;"><script src="a.js"></script><script>alert(1)</script>"#
        #expect(PageSecurity.inlineScripts(in: html) == ["alert(1)"])
        #expect(PageSecurity.policy(of: html)?.directives["script-src"] == ["'self'", "'sha256-x'"])
    }
}
