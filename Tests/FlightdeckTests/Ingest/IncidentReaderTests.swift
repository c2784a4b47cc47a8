import FlightdeckCore
import Foundation
import Testing
@testable import Flightdeck

@Suite("Incident reader")
struct IncidentReaderTests {
    @Test("invalid incident files give the diagnostics next to them", arguments: OperationsFixtures.cases("incidents", "invalid"))
    func invalid(name: String) throws {
        try OperationsFixtures.checkInvalid("incidents", name) { release, log in _ = IncidentReader.read(release, log: log) }
    }

    @Test func readsFrontMatterAndKeepsTheBody() throws {
        let incidents = try OperationsFixtures.readValid("incidents", "two-incidents", read: IncidentReader.read).incidents
        #expect(incidents.map(\.id) == ["INC-0512", "INC-0513"])
        let first = try #require(incidents.first)
        #expect(first.severity == .sev2 && first.status == .resolved && first.rollbackTriggered)
        #expect(first.components == ["registration", "storage"])
        #expect(first.mitigated == (try OperationsFixtures.instant("2026-05-12T09:40:00Z")))
        #expect(first.actionItems.map(\.owner) == ["dana", "lee"])
        #expect(first.actionItems.map(\.done) == [true, false])
        #expect(first.actionItems[0].due.map(Timestamp.dayString) == "2026-05-20")
        #expect(first.bodyLine == 20)
        #expect(try first.body.text().hasPrefix("# What happened\n"))
        #expect(first.path == "two-incidents/incidents/2026-05-12-data-mismatch.md")
        #expect(incidents[1].severity == .sev3, "seed 003's 'medium' is SEV3")
        #expect(incidents[1].rollbackTriggered == false && incidents[1].actionItems.isEmpty)
    }

    @Test func noIncidentsFolderMeansNoData() throws {
        let release = try OperationsFixtures.release("rollout", "valid", "single-component")
        #expect(IncidentReader.read(release, log: DiagnosticLog()) == nil)
    }
}
