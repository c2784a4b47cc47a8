import Foundation
import Testing
@testable import Flightdeck

@Suite struct SiteWriterTests {
    private func files(_ pairs: [(String, String)]) -> [OutputFile] {
        pairs.map { OutputFile(path: $0.0, contents: Data($0.1.utf8)) }
    }

    @Test func replacesTheWholeOutputAndLeavesNoStagingFolder() throws {
        let site = try SiteFixture("-- old/stale.html --\nold\n-- old/index.html --\nold\n")
        defer { site.remove() }
        let output = site.root.appendingPathComponent("old")
        try SiteWriter.write(files([("index.html", "new"), ("a/b/c.css", "x")]), to: output, siteRoot: site.root.appendingPathComponent("src"))
        #expect(try site.read("old/index.html") == "new")
        #expect(try site.read("old/a/b/c.css") == "x")
        #expect(!site.exists("old/stale.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func outputThatIsAFileIsAnErrorAndStaysAsItWas() throws {
        let site = try SiteFixture("-- public --\nI am a file\n")
        defer { site.remove() }
        #expect(throws: DiagnosticError.self) {
            try SiteWriter.write(files([("index.html", "new")]), to: site.root.appendingPathComponent("public"), siteRoot: site.root)
        }
        #expect(try site.read("public") == "I am a file\n")
        do {
            try SiteWriter.write(files([("index.html", "new")]), to: site.root.appendingPathComponent("public"), siteRoot: site.root)
        } catch {
            #expect(error.diagnostics.first?.message.hasSuffix("is a file, not a folder; remove it or choose another --output") == true)
        }
    }

    @Test func refusesToReplaceTheSiteOrAFolderHoldingASite() throws {
        let site = try SiteFixture("-- flightdeck.yaml --\n-- other/flightdeck.yaml --\n")
        defer { site.remove() }
        #expect(throws: DiagnosticError.self) { try SiteWriter.write([], to: site.root, siteRoot: site.root) }
        #expect(throws: DiagnosticError.self) { try SiteWriter.write([], to: site.root.deletingLastPathComponent(), siteRoot: site.root) }
        #expect(throws: DiagnosticError.self) { try SiteWriter.write([], to: site.root.appendingPathComponent("other"), siteRoot: site.root) }
        #expect(site.exists("flightdeck.yaml") && site.exists("other/flightdeck.yaml"))
    }

    /// Every file under `folder`, relative path to contents (links as `-> target`).
    private func tree(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let base = folder.standardizedFileURL.path
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init() {
            let path = url.standardizedFileURL.path
            let relative = String(path.dropFirst(base.count + 1))
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                result[relative] = "-> " + target
            } else if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == false {
                result[relative] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        return result
    }

    private func inode(_ url: URL) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int ?? -1
    }

    @Test func keepsTheReplacedOutputAsThePreviousBuildAndReusesIt() throws {
        let site = try SiteFixture("-- src/flightdeck.yaml --\n")
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        let previous = site.root.appendingPathComponent(".public.previous")
        try SiteWriter.write(files([("index.html", "one"), ("a/page.html", "p")]), to: output, siteRoot: site.root.appendingPathComponent("src"))
        #expect(!site.exists(".public.previous"))
        try SiteWriter.write(files([("index.html", "two"), ("a/page.html", "p")]), to: output, siteRoot: site.root.appendingPathComponent("src"))
        #expect(try tree(output) == ["index.html": "two", "a/page.html": "p"])
        #expect(try tree(previous) == ["index.html": "one", "a/page.html": "p"])
        // The unchanged page is one file shared by both trees; the changed one is not.
        #expect(try inode(output.appendingPathComponent("a/page.html")) == inode(previous.appendingPathComponent("a/page.html")))
        #expect(try inode(output.appendingPathComponent("index.html")) != inode(previous.appendingPathComponent("index.html")))
        try SiteWriter.write(files([("index.html", "three"), ("b.html", "b")]), to: output, siteRoot: site.root.appendingPathComponent("src"))
        #expect(try tree(output) == ["index.html": "three", "b.html": "b"])
        // Bringing the previous build up to date never wrote into a file the output shared.
        #expect(try tree(previous) == ["index.html": "two", "a/page.html": "p"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".tmp-") || $0.hasSuffix(".old") }
        #expect(leftovers.isEmpty)
    }

    @Test func aPreviousBuildInAnyStateEndsUpExactlyTheNewSite() throws {
        // Stale files, a file where a folder goes, a folder where a file goes, a link, an empty folder.
        let site = try SiteFixture("""
        -- src/flightdeck.yaml --
        -- public/index.html --
        current
        -- .public.previous/stale.html --
        stale
        -- .public.previous/a --
        a file where a folder goes
        -- .public.previous/index.html/deep.html --
        a folder where a file goes
        -- .public.previous/empty/x/y.txt --
        y
        """)
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(".public.previous/b.html").path,
                                                   withDestinationPath: site.root.appendingPathComponent("src/flightdeck.yaml").path)
        let output = site.root.appendingPathComponent("public")
        try SiteWriter.write(files([("index.html", "new"), ("a/b/c.css", "x"), ("b.html", "b")]), to: output, siteRoot: site.root.appendingPathComponent("src"))
        #expect(try tree(output) == ["index.html": "new", "a/b/c.css": "x", "b.html": "b"])
        #expect(try tree(site.root.appendingPathComponent(".public.previous")) == ["index.html": "current\n"])
        #expect(try site.read("src/flightdeck.yaml") == "", "a link in the previous build is replaced, never written through")
    }
}
