import Foundation
import Testing
@testable import Flightdeck

/// The example site in content/, built whole from a copy: what its data says reaches its pages.
@Suite struct ExampleSiteBuildTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The example site copied to a temporary folder (a build writes public/ beside content/).
    private func copy() throws -> SiteFixture {
        let site = try SiteFixture("")
        for item in ["flightdeck.yaml", "content"] {
            let source = Self.repository.appendingPathComponent(item)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: site.root.appendingPathComponent(item))
            }
        }
        return site
    }

    /// Incident files as (release, id, the first sentence of the postmortem's first paragraph).
    private func incidents() throws -> [(release: String, id: String, sentence: String)] {
        let releases = Self.repository.appendingPathComponent("content/releases")
        var found: [(String, String, String)] = []
        for release in try FileManager.default.contentsOfDirectory(atPath: releases.path).sorted() {
            let folder = releases.appendingPathComponent("\(release)/incidents")
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for file in files.sorted() where file.hasSuffix(".md") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                let parts = text.components(separatedBy: "\n---\n")
                try #require(parts.count >= 2, "\(file) has front matter")
                let id = try #require(parts[0].split(separator: "\n").first { $0.hasPrefix("id:") }).dropFirst(3)
                    .trimmingCharacters(in: .whitespaces)
                let paragraph = try #require(parts[1].split(separator: "\n").first { !$0.isEmpty && !$0.hasPrefix("#") })
                // Up to the first character that Markdown or HTML escaping could change.
                let sentence = String(paragraph.prefix { $0.isLetter || $0.isNumber || " ,.:%".contains($0) })
                found.append((release, id, sentence))
            }
        }
        return found
    }

    @Test func everyIncidentShowsItsPostmortemOnItsIncidentsPageAndItsOwnPage() async throws {
        let site = try copy()
        defer { site.remove() }
        _ = try await Site(root: site.root).build()
        let incidents = try incidents()
        try #require(incidents.count >= 3, "the example site has incidents")
        #expect(incidents.contains { $0.id == "INC-2026-051" })
        for incident in incidents {
            let page = try site.read("public/releases/\(incident.release)/incidents/index.html")
            #expect(incident.sentence.count >= 20, "\(incident.id): a sentence long enough to be telling")
            #expect(page.contains(incident.sentence), "\(incident.id): postmortem text on its release's incidents page")
            let own = try site.read("public/releases/\(incident.release)/incidents/\(incident.id)/index.html")
            #expect(own.contains(incident.sentence), "\(incident.id): postmortem text on its own page")
            #expect(own.contains(#"<h2 id="timeline-heading">Timeline</h2>"#), "\(incident.id): its timeline")
        }
        for release in Set(incidents.map(\.release)) {
            let page = try site.read("public/releases/\(release)/incidents/index.html")
            let shown = page.components(separatedBy: #"<details class="postmortem">"#).count - 1
            #expect(shown == incidents.filter { $0.release == release }.count, "\(release): one postmortem per incident")
        }
    }
}
