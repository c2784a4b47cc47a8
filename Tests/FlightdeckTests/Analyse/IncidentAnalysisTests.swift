import Foundation
import Testing
@testable import Flightdeck

@Suite("Incident analysis")
struct IncidentAnalysisTests {
    @Test func durationsMeansAndOpenCounts() throws {
        let incidents = try OperationsFixtures.readValid("incidents", "two-incidents", read: IncidentReader.read)
        let f = IncidentAnalysis.analyse(incidents)
        #expect(f.count == 2 && f.openCount == 1 && f.openMajor == 0)
        #expect(f.incidents.map(\.timeToDetectMinutes) == [12, 30])
        #expect(f.incidents[0].timeToMitigateMinutes == 35)
        #expect(f.incidents[0].timeToResolveMinutes == 360)
        #expect(f.incidents[1].timeToResolveMinutes == nil)
        #expect(f.mttdMinutes == 21, "(12 + 30) / 2")
        #expect(f.mttmMinutes == 35 && f.mttrMinutes == 360, "only incidents with the time count")
        #expect(f.bySeverity.map(\.severity) == [.sev1, .sev2, .sev3, .sev4])
        #expect(f.bySeverity.map(\.total) == [0, 1, 1, 0])
        #expect(f.bySeverity.map(\.open) == [0, 0, 1, 0])
        #expect(f.rollbacksTriggered == 1 && f.openActionItems == 1)
        #expect(f.worstOpenSeverity == .sev3)
    }

    @Test func noIncidentsGiveNoMeans() {
        let f = IncidentAnalysis.analyse(Incidents(incidents: []))
        #expect(f.count == 0 && f.mttdMinutes == nil && f.mttrMinutes == nil && f.worstOpenSeverity == nil)
        #expect(f.bySeverity.allSatisfy { $0.total == 0 })
    }
}
