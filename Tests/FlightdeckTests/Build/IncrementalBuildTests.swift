import Foundation
import Testing
@testable import Flightdeck

/// The persistent build cache: a build that reuses it writes exactly what a build without it writes, and
/// reads, analyses and renders again only what changed.
@Suite struct IncrementalBuildTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Builds the site at `root` with the cache in `root/.flightdeck-cache`; returns what it reused and said.
    private func cachedBuild(_ root: URL) throws -> (reuse: BuildCache.Reuse, diagnostics: [Diagnostic]) {
        let cache = try BuildCache(folder: root.appendingPathComponent(".flightdeck-cache"))
        let log = DiagnosticLog()
        var options = BuildOptions(output: root.appendingPathComponent("public"))
        options.keepGoing = true
        _ = try BuildPipeline(root: root, options: options, cache: cache).run(log: log)
        return (cache.reused, BuildPipeline.sorted(log.diagnostics))
    }

    /// Builds the site without a cache into `output`; returns what it said.
    private func cleanBuild(_ root: URL, into output: URL) throws -> [Diagnostic] {
        let log = DiagnosticLog()
        var options = BuildOptions(output: output)
        options.keepGoing = true
        _ = try BuildPipeline(root: root, options: options).run(log: log)
        return BuildPipeline.sorted(log.diagnostics)
    }

    /// The example site plus `copies` copies of each of its releases under new ids, dates and the same products,
    /// so that releases have earlier releases to compare with and a test history.
    private func exampleSite(copies: Int = 1) throws -> SiteFixture {
        let site = try SiteFixture("")
        for item in ["flightdeck.yaml", "content"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(item), to: site.root.appendingPathComponent(item))
        }
        let releases = site.root.appendingPathComponent("content/releases")
        for (n, id) in try FileManager.default.contentsOfDirectory(atPath: releases.path).sorted().enumerated() {
            for c in 0..<copies {
                let copy = releases.appendingPathComponent("\(id)-next\(c == 0 ? "" : String(c + 1))")
                try FileManager.default.copyItem(at: releases.appendingPathComponent(id), to: copy)
                try edit(copy.appendingPathComponent("release.yaml")) { text in
                    text.replacingOccurrences(of: #"(?m)^date: .*$"#, with: "date: 2026-0\(n + 5)-\(10 + 3 * c + n)", options: .regularExpression)
                }
            }
        }
        return site
    }

    private func edit(_ url: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(change(text).utf8).write(to: url)
    }

    /// A deterministic generator (SplitMix64), so a failure names a reproducible seed.
    private struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [UInt64(1), 2])
    func incrementalBuildsEqualCleanBuildsAfterRandomEdits(seed: UInt64) throws {
        // Three releases per product, so that a release's history holds more than its previous release.
        let site = try exampleSite(copies: 2)
        defer { site.remove() }
        let clean = site.root.deletingLastPathComponent().appendingPathComponent("\(site.root.lastPathComponent)-clean")
        defer { try? FileManager.default.removeItem(at: clean) }
        var random = Seeded(state: seed)
        let releasesFolder = site.root.appendingPathComponent("content/releases")
        var history: [String] = []
        _ = try cachedBuild(site.root)
        for step in 0..<14 {
            let ids = try FileManager.default.contentsOfDirectory(atPath: releasesFolder.path).sorted()
            let id = try #require(ids.randomElement(using: &random))
            let folder = releasesFolder.appendingPathComponent(id)
            switch Int.random(in: 0..<10, using: &random) {
            case 0:
                try edit(folder.appendingPathComponent("notes.md")) { $0 + "\nStep \(step) changed these notes.\n" }
                history.append("notes of \(id)")
            case 1:
                let tests = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tests").path).sorted()
                let file = folder.appendingPathComponent("tests").appendingPathComponent(try #require(tests.first { $0.hasSuffix(".xml") } ?? tests.first))
                try edit(file) { text in
                    guard let end = text.range(of: "</testsuite>") else { return text + " " }
                    return text.replacingCharacters(in: end, with: #"<testcase classname="added" name="step\#(step)"><failure message="new"/></testcase></testsuite>"#)
                }
                history.append("a new failing test in \(id)")
            case 2:
                try edit(folder.appendingPathComponent("release.yaml")) {
                    $0.replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: Renamed at step \(step)", options: .regularExpression)
                }
                history.append("title of \(id)")
            case 3:
                try edit(folder.appendingPathComponent("release.yaml")) {
                    $0.replacingOccurrences(of: #"(?m)^date: .*$"#, with: "date: 2025-1\(step % 3)-0\(step % 9 + 1)", options: .regularExpression)
                }
                history.append("date of \(id)")
            case 4:
                try FileManager.default.copyItem(at: folder, to: releasesFolder.appendingPathComponent("added-\(step)"))
                history.append("a copy of \(id)")
            case 5 where ids.count > 2:
                try FileManager.default.removeItem(at: folder)
                history.append("\(id) deleted")
            case 6:
                try Data("stray\n".utf8).write(to: folder.appendingPathComponent("stray-\(step).txt"))
                history.append("an unknown file in \(id)")
            case 7:
                try edit(site.root.appendingPathComponent("flightdeck.yaml")) { $0 + "# step \(step)\n" }
                history.append("flightdeck.yaml")
            case 8:
                try site.write("templates/404.html", "{% extends \"base.html\" %}{% block content %}<p>step \(step)</p>{% endblock %}\n")
                history.append("a site template")
            default:
                // The same bytes written again: a new modification time, nothing to do again.
                let file = folder.appendingPathComponent("release.yaml")
                try Data(contentsOf: file).write(to: file)
                history.append("release.yaml of \(id) rewritten unchanged")
            }
            let incremental = try cachedBuild(site.root)
            try? FileManager.default.removeItem(at: clean)
            let cleanDiagnostics = try cleanBuild(site.root, into: clean)
            let built = try tree(site.root.appendingPathComponent("public")), expected = try tree(clean)
            #expect(built.keys.sorted() == expected.keys.sorted(), "seed \(seed) after \(history)")
            for (path, data) in expected where built[path] != data {
                Issue.record("seed \(seed): \(path) differs from a clean build after \(history)")
            }
            #expect(incremental.diagnostics.map(\.description) == cleanDiagnostics.map(\.description), "seed \(seed) after \(history)")
        }
    }

    @Test func nothingChangedReusesEverything() throws {
        let site = try exampleSite()
        defer { site.remove() }
        let first = try cachedBuild(site.root)
        #expect(first.reuse.releasesAnalysed == 6 && first.reuse.releasesReused == 0 && first.reuse.pagesReused == 0)
        let second = try cachedBuild(site.root)
        #expect(second.reuse.releasesRead == 0 && second.reuse.releasesAnalysed == 0 && second.reuse.releasesReused == 6)
        #expect(second.reuse.pagesRendered == 3, "404 and the two pages of content/pages; the home page, its feeds and every release file reused")
        // The home page, feed.xml, the 3 products' feeds and pages, and every file of every release (overview, notes, a page
        // per kind of evidence and per incident, checklist, sign-offs, summary.json).
        let releaseFiles = try FileManager.default.subpathsOfDirectory(atPath: site.root.appendingPathComponent("public/releases").path)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".json") }
        #expect(releaseFiles.count > 24, "more than the three pages and summary.json each release had before it had detail pages")
        #expect(second.reuse.pagesReused == releaseFiles.count + 8)
    }

    /// A release summary of megabytes is kept in a file of its own, not in the manifest: the next build reuses the
    /// release, and reads the summary back only to render the home page again (here, for a new introduction).
    @Test func aLongReleaseSummaryIsKeptOutOfTheManifestAndReadBack() throws {
        let site = try SiteFixture(minimalSite)
        defer { site.remove() }
        let line = "The cutover moves every query to the new engine, stage by stage, with a rollback at each."
        try site.write("content/releases/1.0/release.yaml", "title: First\ndate: 2026-01-02\nsummary: >\n"
                       + String(repeating: "  \(line)\n", count: 30_000))
        let first = try cachedBuild(site.root)
        #expect(first.reuse.releasesAnalysed == 1)
        let manifest = try site.read(".flightdeck-cache/manifest.tsv")
        #expect(manifest.utf8.count < 64 << 10 && manifest.hasSuffix("\n"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent(".flightdeck-cache/pages").path)
        let summaryFile = try #require(try kept.first { try site.read(".flightdeck-cache/pages/\($0)").utf8.count > 2 << 20 }, "its own file")
        let second = try cachedBuild(site.root)
        #expect(second.reuse.releasesRead == 0 && second.reuse.releasesReused == 1)
        try site.write("content/index.md", "Release reports of the warehouse team.\n")
        let third = try cachedBuild(site.root)
        #expect(third.reuse.releasesAnalysed == 0 && third.reuse.releasesReused == 1, "1.0's summary read back for the home page: \(third.reuse)")
        let home = try site.read("public/index.html")
        #expect(home.contains("Release reports of the warehouse team.") && home.contains("First"))
        // A summary that cannot be read back only costs an analysis.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".flightdeck-cache/pages/\(summaryFile)"))
        try site.write("content/index.md", "Release reports.\n")
        let fourth = try cachedBuild(site.root)
        #expect(fourth.reuse.releasesAnalysed == 1 && fourth.reuse.releasesReused == 0, "\(fourth.reuse)")
        #expect(try site.read("public/index.html").contains("First"))
    }

    @Test func oneReleaseChangedRedoesItAndTheReleaseThatComparesWithIt() throws {
        let site = try exampleSite()
        defer { site.remove() }
        _ = try cachedBuild(site.root)
        try edit(site.root.appendingPathComponent("content/releases/2026.2-warehouse-cutover/notes.md")) { $0 + "\nMore.\n" }
        let after = try cachedBuild(site.root)
        // It and its next release of the same product are analysed; that one's previous release is it.
        #expect(after.reuse.releasesAnalysed == 2)
        #expect(after.reuse.releasesRead == 2)
        #expect(after.reuse.releasesReused == 4)
        #expect(try site.read("public/releases/2026.2-warehouse-cutover/notes/index.html").contains("More."))
    }

    /// A release's figures read the test results of up to ten earlier releases of its product: editing the fifth
    /// one back redoes it and every later release of the product, and changes the history strip.
    @Test func anEditFiveReleasesBackChangesTheHistoryStrip() throws {
        var archive = "-- flightdeck.yaml --\ntitle: History"
        for n in 1...7 {
            archive += releaseWithTests("r\(n)", date: "2026-01-0\(n)", product: "p", passing: ["steady"] + (n == 2 ? ["t"] : []),
                                        failing: n == 2 ? [] : ["t"])
        }
        let site = try SiteFixture(archive + releaseWithTests("other", date: "2026-01-03", product: "q", passing: ["t"]))
        defer { site.remove() }
        let first = try cachedBuild(site.root)
        #expect(first.reuse.releasesAnalysed == 8)
        let before = try site.read("public/releases/r7/tests/index.html")
        #expect(before.contains("<span class=\"visually-hidden\">r2: passed</span>"))
        #expect(before.contains("<span class=\"visually-hidden\">r7 (this release): failed</span>"))
        #expect(before.contains("<span class=\"visually-hidden\">r1: failed</span>"), "the window of ten earlier releases holds all six")
        #expect(!before.contains(">other: "), "another product's release is not in the history")

        try site.write("content/releases/r2/tests/junit.xml",
                       #"<testsuite name="s" tests="2"><testcase classname="t" name="steady"/><testcase classname="t" name="t"><failure message="boom"/></testcase></testsuite>"#)
        let after = try cachedBuild(site.root)
        #expect(after.reuse.releasesAnalysed == 6, "r2 and the five later releases whose history holds it")
        #expect(after.reuse.releasesReused == 2, "r1, before it, and the other product's release")
        let changed = try site.read("public/releases/r7/tests/index.html")
        #expect(changed.contains("<span class=\"visually-hidden\">r2: failed</span>"))
        #expect(!changed.contains("r2: passed"))

        let clean = site.root.appendingPathComponent("clean-output")
        _ = try cleanBuild(site.root, into: clean)
        #expect(try tree(site.root.appendingPathComponent("public")) == tree(clean))
    }

    @Test func aCorruptCacheIsIgnoredWithAWarning() throws {
        let site = try exampleSite()
        defer { site.remove() }
        _ = try cachedBuild(site.root)
        try site.write(".flightdeck-cache/manifest.tsv", "flightdeck-cache\t\(BuildCache.formatVersion)\tgarbage\nR\tonly-two\n")
        let foreign = try cachedBuild(site.root)
        #expect(foreign.diagnostics.contains { $0.severity == .warning && $0.message.contains("build cache") && $0.message.contains("written by Flightdeck garbage") })
        #expect(foreign.reuse.releasesReused == 0)
        let identity = try site.read(".flightdeck-cache/manifest.tsv").split(separator: "\n")[0]
        try site.write(".flightdeck-cache/manifest.tsv", identity + "\nR\tbroken\n")
        let corrupt = try cachedBuild(site.root)
        #expect(corrupt.diagnostics.contains { $0.severity == .warning && $0.message.contains("line 2: unknown record") })
        #expect(corrupt.reuse.releasesReused == 0)
        // Kept pages that vanish are rendered again, not linked from nowhere.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".flightdeck-cache/pages"))
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent(".flightdeck-cache/pages"), withIntermediateDirectories: true)
        let rebuilt = try cachedBuild(site.root)
        #expect(rebuilt.reuse.pagesReused == 0 && rebuilt.reuse.releasesAnalysed == 6)
        let clean = site.root.appendingPathComponent("clean-output")
        _ = try cleanBuild(site.root, into: clean)
        #expect(try tree(site.root.appendingPathComponent("public")) == tree(clean))
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
