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
}
