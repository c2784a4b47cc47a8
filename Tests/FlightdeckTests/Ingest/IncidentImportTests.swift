import Foundation
import Testing
import FlightdeckCore
@testable import Flightdeck

/// PagerDuty incidents API JSON and Opsgenie alert JSON: real files against their oracles
/// (`Fixtures/ingest/{pagerduty-incidents,opsgenie-alerts}/expected.py`), the mapping, postmortems, bad input.
struct IncidentImportTests {
    static let folders = ["pagerduty-incidents", "opsgenie-alerts"]

    static func realFiles() throws -> [ContentFile] {
        try folders.flatMap { folder in
            try FixtureLoader.files(in: "ingest/\(folder)", extensions: ["json"]).filter { $0.name != "expected.json" }
        }
    }

    /// A release whose incidents/ folder holds these files (name → text), in a temporary folder.
    static func release(_ files: [String: String]) throws -> ReleaseSource {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("fd-incidents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base.appendingPathComponent("incidents"), withIntermediateDirectories: true)
        let contents = try files.sorted { $0.key < $1.key }.map { name, text in
            let url = base.appendingPathComponent("incidents/\(name)")
            try Data(text.utf8).write(to: url)
            return ContentFile(path: "r/incidents/\(name)", url: url)
        }
        return ReleaseSource(id: "r", folder: "r", files: contents)
    }

    /// The incidents read from these files, and the diagnostics; the temporary folder is removed once they are read
    /// (short bodies are kept as text, not in their files).
    static func diagnostics(_ files: [String: String]) throws -> (Incidents?, [String]) {
        let log = DiagnosticLog()
        let source = try release(files)
        defer {
            if let file = source.files.first {
                try? FileManager.default.removeItem(at: URL(fileURLWithPath: file.absolutePath).deletingLastPathComponent().deletingLastPathComponent())
            }
        }
        let incidents = IncidentReader.read(source, log: log)
        return (incidents, log.diagnostics.map(\.description))
    }

    @Test(arguments: try realFiles())
    func realFileEqualsTheOracle(file: ContentFile) throws {
        let log = DiagnosticLog()
        let incidents = IncidentImport.read(file, log: log)
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description))")
        let folder = String(file.path.dropFirst("ingest/".count).prefix { $0 != "/" })
        let all = try #require(try FixtureLoader.json("ingest/\(folder)/expected.json") as? [String: [[String: Any]]])
        let want = try #require(all[file.name], "\(file.name) has no entry; run expected.py")
        #expect(incidents.map(\.id) == want.compactMap { $0["id"] as? String })
        #expect(incidents.map(\.severity.rawValue) == want.compactMap { $0["severity"] as? String })
        #expect(incidents.map(\.status.rawValue) == want.compactMap { $0["status"] as? String })
        let figures = IncidentAnalysis.analyse(Incidents(incidents: incidents)).incidents
        for (got, expected) in zip(figures, want) {
            for (value, key) in [(got.timeToAcknowledgeMinutes, "acknowledge_minutes"), (got.timeToResolveMinutes, "resolve_minutes")] {
                let number = expected[key] as? Double
                #expect((value == nil) == (number == nil) && abs((value ?? 0) - (number ?? 0)) < 1e-5, "\(file.name) \(key)")
            }
        }
    }

    @Test func everyFolderHasTwoRealFilesWithProvenance() throws {
        for folder in Self.folders {
            let names = Set(try FixtureLoader.files(in: "ingest/\(folder)", extensions: ["json"]).map(\.name)).subtracting(["expected.json"])
            let listed = try FixtureLoader.text("ingest/\(folder)/provenance.tsv").split(separator: "\n").dropFirst()
            #expect(names.count >= 2 && Set(listed.map { String($0.prefix { $0 != "\t" }) }) == names, "\(folder)")
        }
    }

    @Test func eachRealFileIsRecognisedAsItsFormatOnly() throws {
        let formats = Registry.formats.map(\.format)
        for file in try Self.realFiles() {
            let sample = FileSample(try Data(contentsOf: file.url), name: "x")
            let taken = formats.filter { $0.recognise(sample) >= 0.5 }.map(\.id)
            #expect(taken == [file.path.contains("pagerduty") ? "pagerduty-incidents" : "opsgenie-alerts"], "\(file.name): \(taken)")
        }
    }

    @Test func severityFromPriorityElseUrgencyAndAcknowledgementTimes() throws {
        let (incidents, messages) = try Self.diagnostics([
            "pd.json": #"{"incidents": [{"id": "A", "title": "t", "urgency": "low", "priority": null, "status": "triggered", "created_at": "2026-01-01T10:00:00Z"},"#
                + #"{"id": "B", "title": "u", "urgency": "low", "priority": {"summary": "P1"}, "status": "resolved", "created_at": "2026-01-01T10:00:00Z","#
                + #""acknowledgements": [{"at": "2026-01-01T10:09:00Z"}, {"at": "2026-01-01T10:05:00Z"}], "resolved_at": "2026-01-01T11:00:00Z"}]}"#,
            "og.json": #"{"data": [{"id": "C", "message": "m", "status": "closed", "acknowledged": true, "priority": "P4","#
                + #""createdAt": "2026-01-01T10:00:00.000Z", "report": {"ackTime": 120000, "closeTime": 1800000}}]}"#,
        ])
        #expect(messages.isEmpty, "\(messages)")
        let list = try #require(incidents?.incidents)
        #expect(list.map(\.id) == ["C", "A", "B"] && list.map(\.severity) == [.sev4, .sev3, .sev1])
        let figures = IncidentAnalysis.analyse(try #require(incidents))
        #expect(figures.incidents.map(\.timeToAcknowledgeMinutes) == [2, nil, 5])
        #expect(figures.incidents.map(\.timeToResolveMinutes) == [30, nil, 60] && figures.mttaMinutes == 3.5)
    }

    @Test func aPostmortemAddsItsBodyToTheImportedIncident() throws {
        let (incidents, messages) = try Self.diagnostics([
            "pagerduty.json": try FixtureLoader.text("ingest/pagerduty-incidents/list-incidents.json"),
            "pt4khlk.md": "---\nincident: PT4KHLK\ncomponents: [mail]\n---\n# What happened\n",
        ])
        #expect(messages.isEmpty, "\(messages)")
        let list = try #require(incidents?.incidents)
        #expect(list.count == 1 && list[0].path == "r/incidents/pt4khlk.md")
        #expect(try list[0].body.text() == "# What happened\n")
        #expect(list[0].components == ["mail"] && list[0].source == "PagerDuty" && list[0].bodyLine == 5)
    }

    @Test func aPostmortemOfAnUnknownIdIsALocatedErrorWithADidYouMean() throws {
        let (_, messages) = try Self.diagnostics([
            "pagerduty.json": try FixtureLoader.text("ingest/pagerduty-incidents/list-incidents.json"),
            "pm.md": "---\nincident: PT4KHLX\n---\nbody\n",
        ])
        #expect(messages == [
            "r/incidents/pm.md:2:11: error: 'incident' names 'PT4KHLX', which no PagerDuty or Opsgenie file in incidents/ has; did you mean 'PT4KHLK'? (imported incidents: PT4KHLK)",
        ])
    }

    @Test func pagerDutyIncidentsThatAreNotAListAreALocatedError() throws {
        let (incidents, messages) = try Self.diagnostics(["pd.json": "{\n  \"incidents\": {}\n}\n"])
        #expect(messages == ["r/incidents/pd.json:2:16: error: 'incidents' must be a list, found a mapping"])
        #expect(incidents?.incidents.isEmpty == true)
    }

    @Test func anOpsgenieAlertWithoutCreatedAtIsALocatedError() throws {
        let (_, messages) = try Self.diagnostics(["og.json": "{\"data\": [\n  {\"id\": \"x\", \"status\": \"open\", \"priority\": \"P2\"}\n]}"])
        #expect(messages == ["r/incidents/og.json:2:3: error: missing required field 'createdAt'"])
    }

    @Test func unknownJSONAndUnknownStatusAreErrors() throws {
        let (_, messages) = try Self.diagnostics([
            "a.json": #"{"alerts": []}"#,
            "b.json": #"{"incident": {"id": "Q", "urgency": "high", "status": "resolvd", "created_at": "2026-01-01T10:00:00Z"}}"#,
        ])
        #expect(messages.count == 2)
        #expect(messages[0].hasPrefix("r/incidents/a.json:1:1: error: expected PagerDuty's incidents API JSON"))
        #expect(messages[1].hasPrefix("r/incidents/b.json:1:") && messages[1].contains("did you mean 'resolved'?"), "\(messages[1])")
    }
}

/// An imported incident on the release page: where it came from and its time to acknowledge.
@Suite struct IncidentImportPageTests {
    @Test func theReleasePageNamesTheSourceAndTheTimeToAcknowledge() async throws {
        let site = try SiteFixture(minimalSite + """

            -- content/releases/1.0/incidents/pagerduty.json --
            \(try FixtureLoader.text("ingest/pagerduty-incidents/get-incident.json"))
            """)
        defer { site.remove() }
        _ = try await Site(root: site.root).build()
        let page = try site.read("public/releases/1.0/incidents/index.html")
        // expected.json (from expected.py): PT4KHLK acknowledged 49142.166667 minutes after it was created.
        let acknowledged = FigureText.duration(minutes: 49142.166667)
        #expect(page.contains("· acknowledged after \(acknowledged)"), "per incident")
        #expect(page.contains("<span class=\"label\">MTTA</span><span class=\"value\">\(acknowledged)</span>"), "the MTTA card")
        #expect(page.contains("· imported from PagerDuty</p>"))
    }
}
