import FlightdeckCore
import Foundation
import Testing
@testable import Flightdeck

/// A site whose every text field carries script payloads (Fixtures/sites/hostile, written by generate_hostile.py):
/// the built pages hold no live payload, and every injected field is shown, escaped, where it should be.
@Suite struct HostileDataTests {
    struct Field: Decodable {
        let marker: String
        let file: String
        let field: String
        /// "text", "markdown", "url" or "hidden" (see generate_hostile.py).
        let shows: String
        let reason: String?
    }

    struct Manifest: Decodable { let fields: [Field] }

    /// Copies the fixture site, builds it and returns its output files by path, and the build's diagnostics.
    private func build() async throws -> (files: [String: String], fields: [Field], diagnostics: [String]) {
        let fixture = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("sites/hostile")
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: fixture.appendingPathComponent("manifest.json")))
        let site = try SiteFixture("")
        defer { site.remove() }
        for item in ["flightdeck.yaml", "content"] {
            try FileManager.default.copyItem(at: fixture.appendingPathComponent(item), to: site.root.appendingPathComponent(item))
        }
        let report = try await Site(root: site.root).build()
        let output = site.root.appendingPathComponent("public")
        var files: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: output.path) ?? .init()
        where path.hasSuffix(".html") || path.hasSuffix(".svg") || path.hasSuffix(".json") || path.hasSuffix(".xml") {
            let text = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            // A release's summary.json is its export: the data as written (every field, hidden or not), for
            // programs, never shown as markup. It must only be JSON.
            if path.hasSuffix("/summary.json") {
                #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any], "\(path) is a JSON object")
                continue
            }
            files[path] = text
        }
        return (files, manifest.fields, report.diagnostics.map(\.description))
    }

    /// What makes markup live: a tag that runs or loads code, an event-handler attribute, a URL with a refused scheme.
    static func livePayloads(in html: String, file: String) -> [String] {
        var found: [String] = []
        for tag in HTMLScan.tags(in: html) {
            if Self.isThemeScript(tag) { continue }
            if ["script", "iframe", "frame", "object", "embed", "base", "form", "applet"].contains(tag.name) {
                found.append("\(file): <\(tag.name)> element")
            }
            if tag.name == "meta", tag.attribute("http-equiv")?.lowercased() == "refresh" { found.append("\(file): meta refresh") }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { found.append("\(file): <\(tag.name) \(name)=…> event handler") }
                if ["href", "src", "xlink:href", "action", "formaction", "poster", "data", "background"].contains(name), !SafeURL.isSafe(value) {
                    found.append("\(file): <\(tag.name) \(name)=\"\(value)\">")
                }
            }
        }
        return found
    }

    /// The theme's own script file (`<script src="../../assets/sortable-tables.js" defer>`): a relative path into
    /// assets/ and nothing else, which no escaped field can produce.
    static func isThemeScript(_ tag: HTMLScan.Tag) -> Bool {
        guard tag.name == "script", let src = tag.attribute("src"),
              src.wholeMatch(of: #/(\.\./)*assets/[a-z-]+\.js/#) != nil else { return false }
        return tag.attributes.allSatisfy { ["src", "defer"].contains($0.name) }
    }

    @Test func noPayloadIsLiveAndEveryFieldIsShownEscaped() async throws {
        let (files, fields, diagnostics) = try await build()
        #expect(files.count >= 9, "\(files.keys.sorted())")
        #expect(!diagnostics.contains { $0.contains(": error:") }, "\(diagnostics.filter { $0.contains(": error:") })")

        // 1. No live markup anywhere: every start tag of every page and chart, as a browser splits them.
        let live = files.sorted { $0.key < $1.key }.flatMap { Self.livePayloads(in: $0.value, file: $0.key) }
        #expect(live.isEmpty, "\(live.prefix(20))")
        for (path, html) in files where path.hasSuffix(".html") {
            let policy = PageSecurity.policy(of: html)?.directives
            if path.hasSuffix("/" + SingleFileReport.fileName) {
                // A single-file report loads and runs nothing at all.
                #expect(policy?["default-src"] == ["'none'"] && policy?["script-src"] == nil, "\(path) keeps its Content-Security-Policy")
            } else {
                #expect(policy?["script-src"] == ["'self'"], "\(path) keeps its Content-Security-Policy")
            }
        }

        // 2. Every injection point shows, escaped. Diagnostics quote some fields (a refused link's title), so the
        // release pages' list of problems is left out: a field must show where it belongs, not only there.
        let shown = files.values.map { page in
            page.replacing(#/<section id="diagnostics"[\s\S]*?</section>/#, with: "").lowercased()
        }.joined(separator: "\n")
        let expected = fields.filter { $0.shows != "hidden" }
        var escaped: [String] = []
        for field in expected {
            let number = Int(field.marker.dropFirst(3)) ?? 0
            let evidence = field.shows == "text" ? "\(field.marker)&lt;img src=x onerror=alert(\(number))&gt;" : field.marker
            if shown.contains(evidence) { escaped.append(field.marker) }
        }
        let missing = expected.filter { !escaped.contains($0.marker) }.map { "\($0.marker) \($0.file) \($0.field)" }
        #expect(escaped.count == expected.count, "fields not shown escaped: \(missing)")
        #expect(expected.count >= 70)

        // 3. Hidden fields are hidden for the reason the manifest gives: none of them appears.
        let leaked = fields.filter { $0.shows == "hidden" && shown.contains($0.marker) }.map(\.marker)
        #expect(leaked.isEmpty, "fields marked hidden are shown; update generate_hostile.py: \(leaked)")
        #expect(fields.filter { $0.shows == "hidden" }.allSatisfy { $0.reason != nil })

        // 4. Each refused URL of release.yaml was reported where it is written.
        for field in fields where field.shows == "url" {
            #expect(diagnostics.contains { $0.hasPrefix("content/releases/r1/release.yaml:") && $0.contains(field.marker) && $0.contains("warning: url ") },
                    "\(field.marker)")
        }
    }

    @Test func theScannerLetsOnlyTheThemesScriptFilesThrough() {
        #expect(Self.livePayloads(in: #"<script src="../../assets/sortable-tables.js" defer></script>"#, file: "p").isEmpty)
        #expect(Self.livePayloads(in: #"<script src="https://x/assets/a.js"></script><script src="assets/a.js" onload="x()"></script><script>1</script>"#,
                                  file: "p").count == 4)
    }

    @Test func theScannerSeesLivePayloads() {
        let page = #"<p title='x' onmouseover='alert(1)'>a</p><a href=" JaVa&#9;ScRiPt:x">b</a><svg onload=alert(1)><img src=x onerror=alert(1)>"#
            + #"<!-- <script>alert(1)</script> --><title><img src=x onerror=1></title><a href="https://x/?a=1&amp;b=2">ok</a><script>"#
        #expect(Self.livePayloads(in: page, file: "p") == [
            "p: <p onmouseover=…> event handler", "p: <a href=\" JaVa\tScRiPt:x\">", "p: <svg onload=…> event handler",
            "p: <img onerror=…> event handler", "p: <script> element",
        ])
        #expect(Self.livePayloads(in: "&lt;img src=x onerror=alert(1)&gt; &#34;&gt;&lt;svg onload=alert(1)&gt;", file: "p").isEmpty)
    }
}
