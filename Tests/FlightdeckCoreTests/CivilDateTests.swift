import FlightdeckCore
import Testing

@Suite struct CivilDateTests {
    @Test func matchesPythonFromYear1To9999() throws {
        let fixture = try Fixtures.decode(Fixtures.CivilDates.self, "civil_dates.json")
        #expect(fixture.valid.count > 3000)
        for entry in fixture.valid {
            let date = CivilDate(daysSinceEpoch: entry.days)
            #expect(date.description == entry.date, "day \(entry.days)")
            #expect(CivilDate(entry.date)?.daysSinceEpoch == entry.days, "\(entry.date)")
        }
    }

    @Test func rejectsDaysThatDoNotExist() throws {
        let fixture = try Fixtures.decode(Fixtures.CivilDates.self, "civil_dates.json")
        #expect(fixture.invalid.contains("1900-02-29") && fixture.invalid.contains("2023-02-29"))
        for text in fixture.invalid { #expect(CivilDate(text) == nil, "\(text)") }
    }

    @Test func leapYears() {
        #expect([1600, 2000, 2024, 2400, 4, 0, -4].allSatisfy(CivilDate.isLeapYear))
        #expect(![1700, 1800, 1900, 2023, 2100, 1, -1, -100].contains(where: CivilDate.isLeapYear))
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil && CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate.days(inMonth: 2, of: 2024) == 29 && CivilDate.days(inMonth: 2, of: 2100) == 28)
        #expect((1...12).map { CivilDate.days(inMonth: $0, of: 2023) }.reduce(0, +) == 365)
    }

    @Test func negativeYearsRoundTrip() {
        #expect(CivilDate(year: 0, month: 1, day: 1)?.daysSinceEpoch == -719_528)
        #expect(CivilDate(year: 0, month: 3, day: 1)?.daysSinceEpoch == -719_468)
        #expect(CivilDate(daysSinceEpoch: -719_529).description == "-0001-12-31")
        #expect(CivilDate(daysSinceEpoch: -719_529) == CivilDate(year: -1, month: 12, day: 31))
        #expect(CivilDate(year: -1, month: 2, day: 29) == nil, "1 BC (year 0) is the leap year, 2 BC (-1) is not")
        #expect(CivilDate(year: 0, month: 2, day: 29) != nil)
        for days in stride(from: -3_000_000, through: 3_000_000, by: 9_973) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(CivilDate(year: date.year, month: date.month, day: date.day)?.daysSinceEpoch == days, "day \(days)")
        }
    }

    @Test func consecutiveDaysAreConsecutiveDates() {
        var previous = CivilDate(daysSinceEpoch: -800_000)
        for days in -799_999 ... -700_000 {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(previous < date)
            let nextDay = previous.day < CivilDate.days(inMonth: previous.month, of: previous.year)
            #expect(nextDay ? date.day == previous.day + 1 && date.month == previous.month : date.day == 1)
            previous = date
        }
    }

    @Test(arguments: ["2024-2-29", "24-02-29", "2024/02/29", " 2024-02-29", "2024-02-29 ", "2024-02-29T00:00Z", "+024-02-29", ""])
    func readsOnlyTheFourDigitForm(_ text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test func weekdays() {
        #expect(CivilDate(daysSinceEpoch: 0).weekday == 4, "1970-01-01 was a Thursday")
        #expect(CivilDate(year: 1994, month: 11, day: 6)?.weekday == 0 && CivilDate(year: 2024, month: 2, day: 29)?.weekday == 4)
        #expect(CivilDate(daysSinceEpoch: -1).weekday == 3 && CivilDate(year: 1, month: 1, day: 1)?.weekday == 1)
    }

    @Test func writesYearsBeyondFourDigits() {
        #expect(CivilDate(year: 12_345, month: 6, day: 7)?.description == "12345-06-07")
        #expect(CivilDate(year: 7, month: 6, day: 5)?.description == "0007-06-05")
    }
}
