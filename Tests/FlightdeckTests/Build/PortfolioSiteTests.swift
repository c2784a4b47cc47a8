import Foundation
import Testing
@testable import Flightdeck

/// The home page as a portfolio: product groups with verdict counts, a page per product, and the archive past
/// `Portfolio.pageSize` releases; every link resolves, and an incremental build equals a clean one.
@Suite struct PortfolioSiteTests {
    /// What one fixture release is made to be: GO (tests pass), NO-GO (half its tests fail) or PENDING (no tests).
    private enum Made: CaseIterable { case go, noGo, pending }

    private struct Fixture {
        let site: SiteFixture
        /// Every release, oldest first: id, product, what it was made to be.
        let releases: [(id: String, product: String?, made: Made)]
    }

    /// `web` releases of "Web shop", `api` of "api", `other` without a product, interleaved in time.
    private func fixture(web: Int = 34, api: Int = 20, other: Int = 3) throws -> Fixture {
        var archive = "-- flightdeck.yaml --\ntitle: Portfolio\nrequire: [tests]\n"
        var releases: [(id: String, product: String?, made: Made)] = []
        let products: [(String?, Int)] = [("Web shop", web), ("api", api), (nil, other)]
        var remaining = products.map(\.1)
        var n = 0
        while remaining.contains(where: { $0 > 0 }) {
            for (index, (product, _)) in products.enumerated() where remaining[index] > 0 {
                remaining[index] -= 1
                let made = Made.allCases[(n / 2) % 3]
                let id = "r\(String(format: "%03d", n))"
                releases.append((id, product, made))
                archive += release(id, day: n, product: product, made: made)
                n += 1
            }
        }
        return Fixture(site: try SiteFixture(archive), releases: releases)
    }

    private func release(_ id: String, day: Int, product: String?, made: Made) -> String {
        let date = String(format: "2026-%02d-%02d", day / 28 + 1, day % 28 + 1)
        switch made {
        case .go: return releaseWithTests(id, date: date, product: product, passing: ["a", "b"])
        case .noGo: return releaseWithTests(id, date: date, product: product, passing: ["a"], failing: ["b"])
        case .pending:
            return "\n-- content/releases/\(id)/release.yaml --\ntitle: \(id)\ndate: \(date)\n" + (product.map { "product: \($0)\n" } ?? "")
        }
    }

    private func build(_ root: URL, output: URL, cached: Bool) throws {
        let log = DiagnosticLog()
        var options = BuildOptions(output: output)
        options.keepGoing = true
        let cache = cached ? try BuildCache(folder: root.appendingPathComponent(".flightdeck-cache")) : nil
        _ = try BuildPipeline(root: root, options: options, cache: cache).run(log: log)
    }

    /// Every href of a page.
    private func hrefs(_ html: String) -> [String] {
        html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
    }

    /// The release ids a page's tables link to, in order.
    private func listedReleases(_ html: String) -> [String] {
        html.matches(of: /<th scope="row"><a href="(?:\.\.\/)*releases\/([^\/"]+)\/index\.html">/).map { String($0.output.1) }
    }

    /// Each verdict-counts line of a page: label → count.
    private func verdictCounts(_ html: String) -> [[String: Int]] {
        html.matches(of: /<p class="verdict-counts">[^\n]*/).map { line in
            var counts: [String: Int] = [:]
            for match in String(line.output).matches(of: /<span class="badge badge-[a-z_]+">([A-Z -]+)<\/span>&nbsp;(\d+)/) {
                counts[String(match.output.1)] = Int(match.output.2)
            }
            return counts
        }
    }

    private func expectedCounts(_ releases: [(id: String, product: String?, made: Made)]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for release in releases {
            counts[release.made == .go ? "GO" : release.made == .noGo ? "NO-GO" : "PENDING", default: 0] += 1
        }
        return counts
    }

    /// Checks that every relative href of the page at `path` (under the output folder `site`) names a file that exists.
    private func expectLinksResolve(_ site: URL, _ path: String) throws {
        let html = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
        let folder = site.appendingPathComponent(path).deletingLastPathComponent()
        for href in hrefs(html) where !href.contains(":") && !href.hasPrefix("#") {
            let file = String(href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
            let decoded = file.removingPercentEncoding ?? file
            let target = folder.appendingPathComponent(decoded).standardizedFileURL
            #expect(target.path.hasPrefix(site.standardizedFileURL.path + "/"), "\(path): \(href) leaves the site")
            #expect(FileManager.default.fileExists(atPath: target.path), "\(path): \(href) does not resolve")
        }
    }

    @Test func productPagesListOnlyTheirReleasesWithTheirCounts() throws {
        let fixture = try fixture()
        defer { fixture.site.remove() }
        let site = fixture.site.root.appendingPathComponent("public")
        try build(fixture.site.root, output: site, cached: false)
        let newestFirst = fixture.releases.reversed()
        for product in ["Web shop", "api"] {
            let own = newestFirst.filter { $0.product == product }
            #expect(fixture.site.exists("public/products/\(product)/feed.xml"))
            let html = try fixture.site.read("public/products/\(product)/index.html")
            #expect(html.contains("<h1>\(product)</h1>"))
            #expect(listedReleases(html) == own.map(\.id), "\(product) lists exactly its releases, newest first")
            #expect(verdictCounts(html) == [expectedCounts(own)])
            try expectLinksResolve(site, "products/\(product)/index.html")
            // Its trend: one line, its own.
            #expect(html.contains("<title") && html.contains("Test pass rate"))
            #expect(!html.contains(product == "api" ? "Web shop" : ">api<"))
        }
        // The home page: a group per product, then Other, each with the counts of all its releases, listing its
        // releases among the newest 50 and linking to its page.
        let home = try fixture.site.read("public/index.html")
        let groups: [String?] = ["api", "Web shop", nil]
        #expect(verdictCounts(home) == groups.map { product in expectedCounts(fixture.releases.filter { $0.product == product }) })
        let newest = Array(newestFirst.prefix(Portfolio.pageSize))
        #expect(listedReleases(home) == groups.flatMap { product in newest.filter { $0.product == product }.map(\.id) })
        #expect(home.contains(#"<a href="products/Web%20shop/index.html">Web shop</a>"#))
        #expect(home.contains(#"<h3 id="group-3">Other</h3>"#))
        try expectLinksResolve(site, "index.html")
        #expect(home.contains("Test pass rate") && home.contains("by release order within its product"))
    }

    @Test func theArchivePagesHoldEveryReleaseFiftyToAPage() throws {
        let fixture = try fixture()
        defer { fixture.site.remove() }
        let site = fixture.site.root.appendingPathComponent("public")
        try build(fixture.site.root, output: site, cached: false)
        let newestFirst = fixture.releases.reversed().map(\.id)
        #expect(newestFirst.count == 57)
        let first = try fixture.site.read("public/archive/index.html")
        let second = try fixture.site.read("public/archive/2/index.html")
        #expect(!fixture.site.exists("public/archive/3/index.html"))
        #expect(listedReleases(first) == Array(newestFirst.prefix(50)))
        #expect(listedReleases(second) == Array(newestFirst.dropFirst(50)))
        #expect(first.contains(#"<link rel="next" href="../archive/2/index.html">"#))
        #expect(!first.contains(#"rel="prev""#))
        #expect(second.contains(#"<link rel="prev" href="../../archive/index.html">"#))
        #expect(second.contains(#"<a href="../../archive/index.html" rel="prev">"#))
        #expect(!second.contains(#"rel="next""#))
        #expect(second.contains(#"<a href="../../archive/2/index.html" aria-current="page">2</a>"#))
        try expectLinksResolve(site, "archive/index.html")
        try expectLinksResolve(site, "archive/2/index.html")
        #expect(try fixture.site.read("public/index.html").contains(#"<a href="archive/index.html">All releases</a>"#))
    }

    @Test func theSitemapListsTheProductAndArchivePages() throws {
        let fixture = try fixture()
        defer { fixture.site.remove() }
        try fixture.site.write("flightdeck.yaml", "title: Portfolio\nrequire: [tests]\nbase_url: https://example.org/r/\n")
        try build(fixture.site.root, output: fixture.site.root.appendingPathComponent("public"), cached: false)
        let sitemap = try fixture.site.read("public/sitemap.xml")
        for path in ["products/Web%20shop/index.html", "products/api/index.html", "archive/index.html", "archive/2/index.html"] {
            #expect(sitemap.contains("<loc>https://example.org/r/\(path)</loc>"), "\(path)")
        }
    }

    @Test func fewReleasesHaveNoArchive() throws {
        let fixture = try fixture(web: 2, api: 1, other: 0)
        defer { fixture.site.remove() }
        let site = fixture.site.root.appendingPathComponent("public")
        try build(fixture.site.root, output: site, cached: false)
        #expect(!fixture.site.exists("public/archive/index.html"))
        #expect(!(try fixture.site.read("public/index.html")).contains("archive/"))
        #expect(!(try fixture.site.read("public/index.html")).contains("Other"))
    }

    @Test func anIncrementalBuildAfterAddingAReleaseEqualsACleanBuild() throws {
        let fixture = try fixture(web: 30, api: 20, other: 0)
        defer { fixture.site.remove() }
        let root = fixture.site.root
        try build(root, output: root.appendingPathComponent("public"), cached: true)
        #expect(!fixture.site.exists("public/archive/index.html"), "50 releases fit the home page")
        // The 51st release starts the archive and changes the api product's page.
        let added = release("r999", day: 300, product: "api", made: .noGo)
        let extra = try SiteFixture(added)
        defer { extra.remove() }
        for name in ["release.yaml", "tests/junit.xml"] {
            try fixture.site.write("content/releases/r999/\(name)", try extra.read("content/releases/r999/\(name)"))
        }
        try build(root, output: root.appendingPathComponent("public"), cached: true)
        try build(root, output: root.appendingPathComponent("clean"), cached: false)
        let built = try tree(root.appendingPathComponent("public")), clean = try tree(root.appendingPathComponent("clean"))
        #expect(built.keys.sorted() == clean.keys.sorted())
        for (path, data) in clean where built[path] != data { Issue.record("\(path) differs from a clean build") }
        #expect(built["archive/2/index.html"] != nil)
        #expect(listedReleases(String(decoding: built["products/api/index.html"] ?? Data(), as: UTF8.self)).first == "r999")
    }
}

/// Trends per product: one line per product, each release at its order within its product.
@Suite struct ProductTrendTests {
    private func point(_ id: String, _ product: String?, day: Double, rate: Double?, p95: Double? = nil) -> Trends.Point {
        Trends.Point(id: id, title: id, date: Date(timeIntervalSince1970: day * 86_400), decision: "go", checklistPercent: nil,
                     testSuccessRate: rate, testCount: nil, incidents: 0, mttrMinutes: nil, product: product, p95LatencyMs: p95)
    }

    @Test func eachProductIsOneLineInReleaseOrder() throws {
        // Oldest first, products interleaved in time.
        let trends = Trends(points: [
            point("w1", "Web shop", day: 1, rate: 0.9, p95: 120), point("a1", "api", day: 2, rate: 0.5),
            point("w2", "Web shop", day: 3, rate: 1.0, p95: 150), point("o1", nil, day: 4, rate: 0.7),
            point("a2", "api", day: 9, rate: 0.6), point("w3", "Web shop", day: 10, rate: nil, p95: 90),
        ])
        let charts = TrendCharts.productCharts(trends)
        #expect(charts.map(\.id) == ["trend-pass-rate", "trend-p95"], "no incidents and no rollouts: no charts for them")
        guard case .line(let passRate) = charts.first, case .line(let p95) = charts.last else {
            Issue.record("line charts expected")
            return
        }
        #expect(passRate.series.map(\.name) == ["api", "Web shop", "Other"], "by name ignoring case, Other last")
        #expect(passRate.series[1].points.map(\.x) == [1, 2], "w3 has no tests: no point, and no gap filled with a date")
        #expect(passRate.series[1].points.map(\.y) == [90, 100])
        #expect(passRate.series[0].points.map(\.x) == [1, 2])
        #expect(passRate.series[0].points.map(\.y) == [50, 60])
        #expect(p95.series.map(\.name) == ["Web shop"])
        #expect(p95.series[0].points.map(\.x) == [1, 2, 3])
        #expect(p95.series[0].points.map(\.y) == [120, 150, 90])
    }

    /// One product's page stacks its incidents by severity per release; several products keep a count line each.
    @Test func incidentsBySeverityForOneProductACountLinePerProductForSeveral() throws {
        func incidents(_ id: String, _ product: String, _ counts: [Int]) -> Trends.Point {
            var p = point(id, product, day: 1, rate: nil)
            p.incidents = counts.reduce(0, +)
            p.incidentsBySeverity = counts
            return p
        }
        let one = Trends(points: [incidents("w1", "Web shop", [0, 1, 0, 2]), incidents("w2", "Web shop", [1, 0, 0, 0]),
                                  incidents("w3", "Web shop", [])])
        let charts = TrendCharts.productCharts(one)
        guard case .stackedBar(let chart)? = charts.first(where: { $0.id == "trend-incidents-by-severity" }) else {
            Issue.record("a stacked bar chart of incidents by severity expected: \(charts.map(\.id))")
            return
        }
        #expect(chart.categories == ["w1", "w2", "w3"])
        #expect(chart.series.map(\.name) == ["SEV1", "SEV2", "SEV3", "SEV4"])
        #expect(chart.series.map(\.values) == [[0, 1, 0], [1, 0, 0], [0, 0, 0], [2, 0, 0]], "w3 has no incident data: zeros")
        #expect(!charts.contains { $0.id == "trend-incident-count" })
        let several = Trends(points: one.points + [incidents("a1", "api", [0, 0, 1, 0]), incidents("a2", "api", [0, 0, 0, 0])])
        let ids = TrendCharts.productCharts(several).map(\.id)
        #expect(ids.contains("trend-incident-count") && !ids.contains("trend-incidents-by-severity"))
    }

    @Test func aSingleReleasePerProductDrawsNoTrend() {
        let trends = Trends(points: [point("w1", "Web shop", day: 1, rate: 0.9), point("a1", "api", day: 2, rate: 0.5)])
        #expect(TrendCharts.productCharts(trends).isEmpty)
    }
}
