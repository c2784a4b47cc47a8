import Foundation
import Testing

/// The site-wide files: Atom feeds (checked by `Fixtures/feeds/check_atom.py`), the sitemap (checked against the
/// sitemaps.org XSD by xmllint), each release's summary.json (the export plus `schema_version`), the favicon,
/// alternate links and Open Graph tags.
@Suite(.serialized) struct SiteFilesCLITests {
    private static var repository: URL {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        return root
    }

    private static var fixtures: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/feeds") }

    /// Runs a tool from PATH.
    private static func tool(_ args: [String]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = args
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }

    private func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// The example site built into a temporary folder, with the given extra options.
    private func buildExample(_ extra: [String]) throws -> URL {
        let output = try CLI.temporaryFolder().appendingPathComponent("public")
        let build = try CLI.run(["build", "--no-cache", "--output", output.path] + extra, in: Self.repository)
        #expect(build.status == 0, "\(build.stderr)")
        return output
    }

    @Test func feedsAndSitemapAreValidWithAnAbsoluteBaseURL() throws {
        let output = try buildExample(["--base-url", "https://reports.example.com/flightdeck"])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let feeds = ["feed.xml", "products/mmm-trainer/feed.xml", "products/metadata-platform/feed.xml", "products/invoice-processing/feed.xml"]
        let atom = try Self.tool(["python3", Self.fixtures.appendingPathComponent("check_atom.py").path] + feeds.map { output.appendingPathComponent($0).path })
        #expect(atom.status == 0, "\(atom.stdout)\(atom.stderr)")
        let sitemap = try Self.tool(["xmllint", "--noout", "--schema", Self.fixtures.appendingPathComponent("sitemap.xsd").path,
                                     output.appendingPathComponent("sitemap.xml").path])
        #expect(sitemap.status == 0, "\(sitemap.stderr)")
        let map = try text(output.appendingPathComponent("sitemap.xml"))
        #expect(map.contains("<loc>https://reports.example.com/flightdeck/releases/2026.1-trainer-optimisation/index.html</loc>\n    <lastmod>2026-03-06</lastmod>"), "\(map)")
        #expect(!map.contains("summary.json"))
        let feed = try text(output.appendingPathComponent("products/mmm-trainer/feed.xml"))
        #expect(feed.contains(#"<link rel="self" type="application/atom+xml" href="https://reports.example.com/flightdeck/products/mmm-trainer/feed.xml"/>"#), "\(feed)")
        #expect(feed.contains("<id>https://reports.example.com/flightdeck/releases/2026.1-trainer-optimisation/index.html</id>"))
        #expect(!feed.contains("2026.2-warehouse-cutover"), "a product's feed has only that product's releases")
        let page = try text(output.appendingPathComponent("releases/2026.1-trainer-optimisation/index.html"))
        #expect(page.contains(#"<meta property="og:url" content="https://reports.example.com/flightdeck/releases/2026.1-trainer-optimisation/index.html">"#))
    }

    @Test func withoutABaseURLEverythingIsRelativeAndThereIsNoSitemap() throws {
        let output = try buildExample([])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("sitemap.xml").path))
        let feed = try text(output.appendingPathComponent("feed.xml"))
        let atom = try Self.tool(["python3", Self.fixtures.appendingPathComponent("check_atom.py").path, output.appendingPathComponent("feed.xml").path])
        #expect(atom.status == 0, "\(atom.stdout)")
        #expect(!feed.contains(#"href="http"#) && !feed.contains("<id>http") && feed.contains("<id>urn:uuid:"), "\(feed)")
        #expect(feed.contains("<title>1.0.0 — NO-GO: rolled back (2 rollbacks): INC-2026-051 registration records mismatched between old and new registrar</title>"), "\(feed)")
        #expect(feed.contains("<updated>2026-09-21T00:00:00Z</updated>\n  <author>"), "the feed's date is its newest release's")
        let product = try text(output.appendingPathComponent("products/metadata-platform/feed.xml"))
        #expect(product.contains(#"href="../../releases/2026.2-warehouse-cutover/index.html""#), "\(product)")
        let page = try text(output.appendingPathComponent("releases/2026.2-warehouse-cutover/index.html"))
        for tag in [#"<meta property="og:title" content="1.0.0 — NO-GO: rolled back (2 rollbacks): INC-2026-051 registration records mismatched between old and new registrar">"#,
                    #"<meta property="og:type" content="article">"#,
                    #"<link rel="icon" type="image/svg+xml" href="../../assets/favicon.svg">"#,
                    #"<link rel="alternate" type="application/atom+xml" href="../../feed.xml""#,
                    #"<link rel="alternate" type="application/json" href="../../releases/2026.2-warehouse-cutover/summary.json""#,
                    #"<link rel="alternate" type="application/atom+xml" href="../../products/metadata-platform/feed.xml""#] {
            #expect(page.contains(tag), "\(tag)")
        }
        #expect(!page.contains("og:url"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/favicon.svg").path))
    }

    @Test func summaryJSONIsTheExportWithASchemaVersion() throws {
        let output = try buildExample([])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        for id in ["2026.1-trainer-optimisation", "2026.2-warehouse-cutover", "2026.3-invoice-gemini"] {
            let export = try CLI.run(["export", id], in: Self.repository)
            #expect(export.status == 0, "\(export.stderr)")
            let summary = try Data(contentsOf: output.appendingPathComponent("releases/\(id)/summary.json"))
            var object = try #require(try JSONSerialization.jsonObject(with: summary) as? [String: Any])
            #expect(object.removeValue(forKey: "schema_version") as? Int == 1)
            let exported = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
            #expect(NSDictionary(dictionary: object).isEqual(to: exported), "\(id)")
        }
    }

    @Test func hostileTextIsEscapedInFeedsAndPreviews() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["init", "."], in: folder).status == 0)
        let release = folder.appendingPathComponent("content/releases/1.0.0/release.yaml")
        let yaml = try text(release).replacingOccurrences(of: "\nsummary:", with: "\nsummary_was:")
        try (yaml + "\nproduct: \"a&b <c>\"\nsummary: \"</summary><script>alert('x')</script> & \\u0001 done\"\n").write(to: release, atomically: true, encoding: .utf8)
        let build = try CLI.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let feeds = ["public/feed.xml", "public/products/a&b <c>/feed.xml"].map { folder.appendingPathComponent($0).path }
        let atom = try Self.tool(["python3", Self.fixtures.appendingPathComponent("check_atom.py").path] + feeds)
        #expect(atom.status == 0, "\(atom.stdout)")
        let feed = try text(folder.appendingPathComponent("public/feed.xml"))
        #expect(feed.contains("<summary>&lt;/summary&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;  done</summary>"), "\(feed)")
        let page = try text(folder.appendingPathComponent("public/releases/1.0.0/index.html"))
        #expect(page.contains(#"href="../../products/a%26b%20%3Cc%3E/feed.xml" title="a&amp;b &lt;c&gt;: releases""#), "\(page)")
        let links = try CLI.run(["check", "--links"], in: folder)
        #expect(links.status == 0, "\(links.stderr)")
    }
}
