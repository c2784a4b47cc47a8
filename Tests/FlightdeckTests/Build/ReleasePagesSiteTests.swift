import Foundation
import Testing
@testable import Flightdeck

/// A release's pages: the overview, a page per kind of evidence it has (and none for a kind it lacks), a page
/// per incident, breadcrumbs and local navigation whose relative links all lead to pages of the built site.
@Suite struct ReleasePagesSiteTests {
    /// Release 1.0 has tests, notes, a rollout and two incidents (one with an id that is no folder name);
    /// release 2.0 has only tests.
    private func site() throws -> SiteFixture {
        try SiteFixture("""
            -- flightdeck.yaml --
            title: Demo
            -- content/releases/1.0/release.yaml --
            title: First
            date: 2026-01-02
            summary: The first release, with <everything>.
            phases:
              - { name: "Canary", start: 2026-01-02, end: 2026-01-03 }
            -- content/releases/1.0/notes.md --
            ---
            description: What changed & why.
            ---
            # Notes

            Shipped on a Friday.

            ## Known issues

            None.
            -- content/releases/1.0/tests/junit.xml --
            <testsuite name="s" tests="2"><testcase classname="t" name="a"/><testcase classname="t" name="b"><failure message="boom"/></testcase></testsuite>
            -- content/releases/1.0/rollout.yaml --
            stages:
              - name: canary
                traffic_percent: 5
                start: 2026-01-02T08:00:00Z
                end: 2026-01-02T20:00:00Z
              - name: full
                traffic_percent: 100
                start: 2026-01-02T20:00:00Z
            -- content/releases/1.0/incidents/one.md --
            ---
            id: INC-1
            title: Slow <queries>
            severity: SEV3
            status: resolved
            started: 2026-01-02T09:00:00Z
            detected: 2026-01-02T09:10:00Z
            resolved: 2026-01-02T10:00:00Z
            ---
            The cache was cold after the deploy.
            -- content/releases/1.0/incidents/two.md --
            ---
            id: "../.."
            title: A hostile id
            severity: SEV4
            status: investigating
            started: 2026-01-02T11:00:00Z
            ---
            Still looking.
            -- content/releases/2.0/release.yaml --
            title: Second
            date: 2026-02-02
            -- content/releases/2.0/tests/junit.xml --
            <testsuite name="s" tests="1"><testcase classname="t" name="a"/></testsuite>
            """)
    }

    /// An item page's folder name stays under the file system's limit whatever the id (fuzz case
    /// `opsgenie-alerts-s1111-c1163`: a 17,000-character Opsgenie id failed the write, with no location), and
    /// long ids that differ only at their ends get different folders.
    @Test func aLongIdGivesABoundedFolderName() {
        let long = String(repeating: "incident-", count: 2_000)
        let a = ItemPage.slug(long + "a", fallback: "x"), b = ItemPage.slug(long + "b", fallback: "x")
        #expect(a.utf8.count == ItemPage.maxSlugLength && b.utf8.count == ItemPage.maxSlugLength && a != b)
        #expect(a.hasPrefix("incident-incident-"))
        let exact = String(repeating: "y", count: ItemPage.maxSlugLength)
        #expect(ItemPage.slug(exact, fallback: "x") == exact && ItemPage.slug("INC-1", fallback: "x") == "INC-1")
    }

    @Test func eachKindTheReleaseHasGetsItsPageAndNoOther() async throws {
        let site = try site()
        defer { site.remove() }
        let report = try await Site(root: site.root).build()
        #expect(!report.diagnostics.contains { $0.severity == .error }, "\(report.diagnostics.map(\.description))")
        for page in ["index.html", "notes/index.html", "tests/index.html", "rollout/index.html", "incidents/index.html",
                     "incidents/INC-1/index.html", "incidents/incident-2/index.html", "checklist.html", "signoffs.html"] {
            #expect(site.exists("public/releases/1.0/\(page)"), "1.0 has \(page)")
        }
        for page in ["baseline", "performance", "experiments"] {
            #expect(!site.exists("public/releases/1.0/\(page)/index.html"), "1.0 has no \(page) data, so no page")
        }
        #expect(site.exists("public/releases/2.0/tests/index.html"))
        for page in ["notes", "rollout", "incidents", "baseline", "performance", "experiments"] {
            #expect(!site.exists("public/releases/2.0/\(page)/index.html"), "2.0 has no \(page), so no page")
        }
        // The hostile incident id makes no folder outside its own.
        #expect(!site.exists("public/releases/1.0/incidents/../../index.html/index.html"))
        let incidents = try site.read("public/releases/1.0/incidents/index.html")
        #expect(incidents.contains("Slow &lt;queries&gt;") && !incidents.contains("<queries>"))
    }

    @Test func everyPageHasBreadcrumbsAndLocalNavigationWhoseLinksExist() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await Site(root: site.root).build()
        let release = site.root.appendingPathComponent("public/releases/1.0")
        let pages = try FileManager.default.subpathsOfDirectory(atPath: release.path)
            .filter { $0.hasSuffix(".html") && $0 != SingleFileReport.fileName }.sorted()
        #expect(pages.count == 9)
        #expect(FileManager.default.fileExists(atPath: release.appendingPathComponent(SingleFileReport.fileName).path))
        for path in pages {
            let file = release.appendingPathComponent(path)
            let html = try String(contentsOf: file, encoding: .utf8)
            let tags = HTMLScan.tags(in: html)
            #expect(tags.contains { $0.name == "nav" && $0.attribute("class") == "breadcrumbs" }, "\(path): breadcrumbs")
            #expect(tags.contains { $0.name == "nav" && $0.attribute("class") == "release-nav" }, "\(path): local navigation")
            // Every link is relative (works from disk and under a sub-path) and leads to a file of the site.
            for href in tags.filter({ $0.name == "a" || $0.name == "link" }).compactMap({ $0.attribute("href") }) {
                guard !href.hasPrefix("#") else { continue }
                #expect(!href.hasPrefix("/") && !href.contains("://"), "\(path): \(href) is relative")
                let target = String(href.prefix { $0 != "#" }).removingPercentEncoding ?? href
                let resolved = file.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(path): \(href) leads to a page")
            }
            // The local navigation lists the release's pages, and marks the one shown (an incident marks Incidents).
            let navigation = html.components(separatedBy: #"<nav class="release-nav""#).dropFirst().first?.components(separatedBy: "</nav>").first ?? ""
            #expect(navigation.contains(#">Overview</a>"#) && navigation.contains(#">Incidents</a>"#) && navigation.contains(#">Sign-offs</a>"#))
            #expect(!navigation.contains("INC-1"), "\(path): incidents are not listed one by one")
            // ... and links the release's single-file report, which the build writes beside the overview.
            let report = String(repeating: "../", count: path.split(separator: "/").count + 1) + "releases/1.0/" + SingleFileReport.fileName
            #expect(navigation.contains(#"<a href="\#(report)" download>"#), "\(path): links \(report)")
            let current = path.hasPrefix("incidents/") && path != "incidents/index.html" ? #"aria-current="true">Incidents</a>"# : #"aria-current="page""#
            #expect(navigation.contains(current), "\(path): current page marked")
            #expect(navigation.components(separatedBy: "aria-current").count == 2, "\(path): one page marked")
        }
        let tests = try site.read("public/releases/1.0/tests/index.html")
        #expect(tests.contains(#"<a href="../../../index.html">Releases</a> › <a href="../../../releases/1.0/index.html">First</a> <a class="badge badge-"#))
        #expect(tests.contains(#"crumb-verdict" href="../../../releases/1.0/index.html#verdict-heading"><span class="visually-hidden">Verdict: </span>"#),
                "below the overview the breadcrumbs carry the verdict, linked to its reasons")
        #expect(tests.contains(#"</a> › <span aria-current="page">Test suites</span>"#))
        let overviewPage = try site.read("public/releases/1.0/index.html")
        #expect(!overviewPage.contains("crumb-verdict"), "the overview shows the verdict itself")
        let incident = try site.read("public/releases/1.0/incidents/INC-1/index.html")
        #expect(incident.contains(#"› <a href="../../../../releases/1.0/incidents/index.html">Incidents</a> › <span aria-current="page">INC-1</span>"#))
        #expect(incident.contains("The cache was cold after the deploy."), "its postmortem")
        #expect(incident.contains(#"<time datetime="2026-01-02T09:10:00Z">2026-01-02 09:10 UTC</time> detected"#), "its timeline")
    }

    @Test func theOverviewHasACardPerKindLinkingToItsPageAndThePlanWithTheActualStages() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await Site(root: site.root).build()
        let overview = try site.read("public/releases/1.0/index.html")
        let cards = HTMLScan.tags(in: overview).filter { $0.attribute("class") == "evidence-card" }.compactMap { $0.attribute("id") }
        #expect(cards == ["tests", "rollout", "incidents"], "one card per present kind, in registry order")
        #expect(overview.contains(#"<h3 id="tests-heading"><a href="tests/index.html">Test suites</a></h3>"#))
        #expect(overview.contains(#"href="rollout/index.html">evidence"#), "the verdict's evidence leads to the kind's page")
        #expect(!overview.contains("Shipped on a Friday."), "notes are on their own page")
        #expect(overview.contains("Not reported"))
        // The plan is drawn on the rollout page, with the stages as they ran.
        #expect(!overview.contains("plan-heading"))
        let rollout = try site.read("public/releases/1.0/rollout/index.html")
        #expect(rollout.contains("Release plan and actual rollout"))
        #expect(rollout.contains("canary (5%)") && rollout.contains("full (100%)") && rollout.contains(">Canary<"))
    }

    @Test func gateLinksEachReasonToItsKindsPage() throws {
        let site = try site()
        defer { site.remove() }
        let report = try Site(root: site.root).gate(ReleaseID("1.0"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let reasons = try #require(json["reasons"] as? [[String: Any]])
        let evidence = Dictionary(reasons.compactMap { reason in (reason["area"] as? String).map { ($0, reason["evidence"] as? String ?? "") } },
                                  uniquingKeysWith: { first, _ in first })
        #expect(evidence["tests"]?.hasPrefix("releases/1.0/tests/index.html") == true, "\(evidence)")
        #expect(evidence["rollout"] == "releases/1.0/rollout/index.html", "\(evidence)")
        #expect(evidence["signoffs"] == nil || evidence["signoffs"] == "releases/1.0/signoffs.html", "\(evidence)")
        for link in evidence.values {
            let file = String(link.prefix { $0 != "#" })
            #expect(file.hasSuffix(".html"), "\(link) names a page")
        }
    }

    @Test func aSummaryOrFrontMatterDescriptionBecomesTheMetaDescription() async throws {
        let site = try site()
        defer { site.remove() }
        _ = try await Site(root: site.root).build()
        let overview = try site.read("public/releases/1.0/index.html")
        #expect(overview.contains(#"<meta name="description" content="The first release, with &lt;everything&gt;.">"#))
        let notes = try site.read("public/releases/1.0/notes/index.html")
        #expect(notes.contains(#"<meta name="description" content="What changed &amp; why.">"#))
        #expect(notes.contains(#"<h2 id="known-issues">Known issues</h2>"#) && !notes.contains(">Notes</h"), "its title goes, its h2 stays under the page's h1")
        let second = try site.read("public/releases/2.0/index.html")
        #expect(!second.contains(#"<meta name="description""#), "no summary, and no description in the config either")
    }

    @Test func anIncrementalBuildEqualsACleanOneWhenAKindOrAnIncidentAppearsOrGoes() throws {
        let site = try site()
        defer { site.remove() }
        func build(cached: Bool, into output: String) throws {
            var options = BuildOptions(output: site.root.appendingPathComponent(output))
            options.keepGoing = true
            let cache = cached ? try BuildCache(folder: site.root.appendingPathComponent(".flightdeck-cache")) : nil
            _ = try BuildPipeline(root: site.root, options: options, cache: cache).run(log: DiagnosticLog())
        }
        func files(_ output: String) throws -> [String: Data] {
            let folder = site.root.appendingPathComponent(output)
            var files: [String: Data] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
                var isFolder: ObjCBool = false
                let url = folder.appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue { files[path] = try Data(contentsOf: url) }
            }
            return files
        }
        try build(cached: true, into: "public")
        let edits: [(String, () throws -> Void)] = [
            ("rollout removed, notes added", {
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/releases/1.0/rollout.yaml"))
                try site.write("content/releases/2.0/notes.md", "# Notes\n\nNew notes.\n")
            }),
            ("an incident renamed", {
                let path = "content/releases/1.0/incidents/one.md"
                try site.write(path, try site.read(path).replacingOccurrences(of: "id: INC-1", with: "id: INC-9"))
            }),
        ]
        for (name, edit) in edits {
            try edit()
            try build(cached: true, into: "public")
            try build(cached: false, into: "clean")
            let incremental = try files("public"), clean = try files("clean")
            #expect(incremental.keys.sorted() == clean.keys.sorted(), "\(name): the same files")
            for (path, data) in clean where incremental[path] != data {
                Issue.record("\(name): \(path) differs from a clean build")
            }
        }
        #expect(!site.exists("public/releases/1.0/rollout/index.html"))
        #expect(site.exists("public/releases/1.0/incidents/INC-9/index.html") && !site.exists("public/releases/1.0/incidents/INC-1/index.html"))
        #expect(try site.read("public/releases/2.0/notes/index.html").contains("New notes."))
    }
}
