import FlightdeckCore
import Testing

@Suite struct CivilTimeTests {
    @Test(arguments: [(0, "1970-01-01T00:00:00Z"), (-1, "1969-12-31T23:59:59Z"), (951_782_400, "2000-02-29T00:00:00Z"),
                      (1_770_021_435, "2026-02-02T08:37:15Z"), (-62_135_596_800, "0001-01-01T00:00:00Z"),
                      (253_402_300_799, "9999-12-31T23:59:59Z")])
    func writesISO8601(_ seconds: Int, _ expected: String) {
        let time = CivilTime(secondsSinceEpoch: seconds)
        #expect(time.iso8601 == expected)
        #expect(time.secondsSinceEpoch == seconds)
    }

    @Test func roundsDownToTheSecond() {
        #expect(CivilTime(epochSeconds: -0.5)?.iso8601 == "1969-12-31T23:59:59Z")
        #expect(CivilTime(epochSeconds: 59.999)?.hourMinuteSecond == "00:00:59")
    }

    @Test func acceptsOnlyFourDigitYearsAsEpochSeconds() {
        #expect(CivilTime(epochSeconds: CivilTime.range.lowerBound)?.isoDate == "0001-01-01")
        #expect(CivilTime(epochSeconds: CivilTime.range.upperBound)?.isoDate == "9999-12-31")
        #expect(CivilTime(epochSeconds: CivilTime.range.lowerBound - 1) == nil)
        #expect(CivilTime(epochSeconds: CivilTime.range.upperBound + 1) == nil)
        #expect(CivilTime(epochSeconds: .nan) == nil && CivilTime(epochSeconds: .infinity) == nil)
    }

    @Test func anyWholeSecondHasATime() {
        #expect(CivilTime(secondsSinceEpoch: .min).hour >= 0 && CivilTime(secondsSinceEpoch: .max).second == 7)
        #expect(CivilTime(secondsSinceEpoch: -86_400).iso8601 == "1969-12-31T00:00:00Z")
        #expect(CivilTime(secondsSinceEpoch: -86_401).iso8601 == "1969-12-30T23:59:59Z")
    }

    @Test func labels() throws {
        let time = try #require(CivilTime(epochSeconds: 1_704_722_709))
        #expect([time.isoDate, time.hourMinute, time.hourMinuteSecond, time.monthDay, time.monthYear]
                == ["2024-01-08", "14:05", "14:05:09", "Jan 8", "Jan 2024"])
    }
}
