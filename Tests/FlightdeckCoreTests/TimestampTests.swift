import FlightdeckCore
import Foundation
import Testing

@Suite struct TimestampTests {
    @Test func readsEveryAcceptedInstantFormAsPythonDoes() throws {
        let fixture = try Fixtures.decode(Fixtures.Instants.self, "instants.json")
        #expect(fixture.instants.count > 15)
        for item in fixture.instants {
            guard case .success(let date) = Timestamp.instant(item.text) else {
                Issue.record("rejected \(item.text)")
                continue
            }
            #expect(abs(date.timeIntervalSince1970 - item.epoch) < 1e-6, "\(item.text)")
        }
    }

    @Test(arguments: ["2026-02-02T08:37:15", "2026-02-02 08:37", "2026-02-02T08:37:15.5", "2026-02-02T08:37:15   "])
    func asksForATimeZone(_ text: String) {
        guard case .failure(.missingTimeZone) = Timestamp.instant(text) else { Issue.record("\(text)"); return }
    }

    @Test(arguments: ["2026-02-02", "2026-02-30T08:37Z", "2026-02-02T24:00Z", "2026-02-02T08:60Z", "2026-02-02T08:37:61Z",
                      "2026-02-02T08:37:15.Z", "2026-02-02T08:37:15+24:00", "2026-02-02T08:37:15+01:60", "2026-02-02T08:37:15+1",
                      "2026-02-02T08:37:15Zx", "2026-02-02T08:37:15 UTC", "2026-02-02X08:37Z", "2026-2-02T08:37Z", "yesterday"])
    func rejectsMalformedInstants(_ text: String) {
        guard case .failure(.malformed) = Timestamp.instant(text) else { Issue.record("\(text)"); return }
    }

    @Test func readsDatesAsTheStartOfTheDayInUTC() {
        #expect(Timestamp.date("2024-02-29")?.timeIntervalSince1970 == 1_709_164_800)
        #expect(Timestamp.date("1969-12-31")?.timeIntervalSince1970 == -86_400)
        #expect(Timestamp.date("2023-02-29") == nil && Timestamp.date("2024-02-29T00:00Z") == nil)
    }

    @Test func writesDaysAndInstantsInUTC() {
        let instant = Date(timeIntervalSince1970: 1_770_021_435.75)
        #expect(Timestamp.dayString(instant) == "2026-02-02")
        #expect(Timestamp.instantString(instant) == "2026-02-02T08:37:15Z")
        #expect(Timestamp.dayString(Date(timeIntervalSince1970: -0.5)) == "1969-12-31")
        #expect(Timestamp.instantString(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    }
}
