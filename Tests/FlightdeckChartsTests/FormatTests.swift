import FlightdeckCore
import Foundation
import Testing
@testable import FlightdeckCharts

@Suite struct FormatTests {
    struct DateCase: Decodable {
        var epoch: Double
        var date: String
        var time: String
        var dateTime: String
    }

    @Test func datesMatchPython() throws {
        let cases = try JSONDecoder().decode([DateCase].self, from: Fixtures.data("oracle/dates.json"))
        #expect(cases.count > 40)
        for item in cases {
            #expect(ValueFormat.date.format(item.epoch) == item.date, "epoch \(item.epoch)")
            #expect(ValueFormat.dateTime.format(item.epoch) == item.dateTime, "epoch \(item.epoch)")
            #expect(CivilTime(epochSeconds: item.epoch)?.hourMinute == item.time)
        }
    }

    @Test func numbers() {
        #expect(ValueFormat.number(decimals: 1).format(12_345.67) == "12,345.7")
        #expect(ValueFormat.number(decimals: 0).format(-0.4) == "0")
        #expect(ValueFormat.number(decimals: 2).format(-1234.5) == "-1,234.50")
        #expect(ValueFormat.integer.format(.nan) == "—")
        #expect(ValueFormat.integer.format(2.5e20) == "2.5e20")
        #expect(ValueFormat.percent(decimals: 1).format(93.94) == "93.9%")
    }

    @Test(arguments: [
        (0.35, DurationUnit.seconds, "350 ms"), (2.5, .milliseconds, "2.5 ms"), (12.5, .seconds, "12.5 s"),
        (270, .seconds, "4m 30s"), (4, .minutes, "4m"), (125, .minutes, "2h 5m"), (76, .hours, "3d 4h"),
        (-90, .seconds, "-1m 30s"), (59.99, .seconds, "1m"), (1e300, .hours, "4.17e298d"),
    ])
    func durations(value: Double, unit: DurationUnit, expected: String) {
        #expect(ValueFormat.duration(unit).format(value) == expected)
    }

    @Test func bytes() {
        #expect(ValueFormat.bytes.format(512) == "512 B")
        #expect(ValueFormat.bytes.format(1_572_864) == "1.5 MiB")
        #expect(ValueFormat.bytes.format(-2048) == "-2 KiB")
    }

    @Test func outOfRangeDatesAreNumbers() {
        #expect(ValueFormat.date.format(1e300) == "1e300")
        #expect(ValueFormat.dateTime.format(-.infinity) == "—")
    }
}
