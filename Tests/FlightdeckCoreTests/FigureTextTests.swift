import FlightdeckCore
import Testing

@Suite struct FigureTextTests {
    @Test(arguments: [
        (59.5, "59m 30s"), (60, "1h"), (61, "1h 1m"), (125, "2h 5m"), (320, "5h 20m"), (1439.5, "1d"), (1439.4, "23h 59m"),
        (1440, "1d"), (3060, "2d 3h"), (45, "45m"), (0.5, "30 s"), (0, "0 ms"), (-90, "-1h 30m"), (-0.25, "-15 s"),
    ] as [(Double, String)])
    func durationsInMinutes(_ minutes: Double, _ expected: String) {
        #expect(FigureText.duration(minutes: minutes) == expected)
    }

    @Test(arguments: [
        (0.35, "350 ms"), (0.0025, "2.5 ms"), (0.9996, "1 s"), (12.5, "12.5 s"), (59.94, "59.9 s"), (59.95, "1m"), (270, "4m 30s"),
        (3599.4, "59m 59s"), (3599.5, "1h"), (7500, "2h 5m"), (273_600, "3d 4h"), (-90, "-1m 30s"), (3.6e303, "4.17e298d"),
    ] as [(Double, String)])
    func durationsInSeconds(_ seconds: Double, _ expected: String) {
        #expect(FigureText.duration(seconds: seconds) == expected)
    }

    @Test func durationsThatAreNotFiniteAreADash() {
        #expect([Double.nan, .infinity, -.infinity].map { FigureText.duration(minutes: $0) } == ["—", "—", "—"])
    }

    @Test func percents() {
        #expect(FigureText.percent(0.008) == "0.8%")
        #expect(FigureText.percent(0.98996, against: 0.99) == "98.996%")
        #expect(FigureText.percent(0.99, against: 0.98996) == "99.000%")
        #expect(FigureText.percent(1) == "100.0%" && FigureText.percent(-0.5) == "-50.0%")
        #expect(FigureText.percent(0.5, against: 0.5) == "50.0%")
        #expect(FigureText.signedPercent(-0.0001) == "0.0%" && FigureText.signedPercent(0) == "+0.0%")
        #expect(FigureText.signedPercent(0.125) == "+12.5%" && FigureText.signedPercent(-0.03) == "-3.0%")
        #expect(FigureText.percent(points: 93.94, decimals: 1) == "93.9%" && FigureText.percent(points: 1234, decimals: 0) == "1,234%")
        #expect([FigureText.percent(.nan), FigureText.signedPercent(.infinity), FigureText.percent(points: .nan, decimals: 1)]
                == ["—", "—", "—"])
    }

    @Test func fixedMatchesPythonPercentF() throws {
        let fixture = try Fixtures.decode(Fixtures.FixedCases.self, "fixed.json")
        #expect(fixture.cases.count > 500)
        for item in fixture.cases {
            #expect(FigureText.fixed(item.value, decimals: item.decimals) == item.text, "'%.\(item.decimals)f' of \(item.value)")
        }
    }

    @Test func numbers() {
        #expect(FigureText.number(412.0) == "412" && FigureText.number(0.25) == "0.25" && FigureText.number(-0.001) == "0")
        #expect(FigureText.number(0.125) == "0.12" && FigureText.number(-2.5, decimals: 0) == "-2" && FigureText.number(3.5, decimals: 0) == "4",
                "an exact half goes to the even digit, as '%.2f' does")
        #expect(FigureText.fixed(2.675, decimals: 2) == "2.67" && FigureText.fixed(1.005, decimals: 2) == "1.00", "the binary value is below the half")
        #expect(FigureText.fixed(0.285, decimals: 2) == "0.28" && FigureText.fixed(1.115, decimals: 2) == "1.11")
        #expect(FigureText.fixed(-1234.5, decimals: 2, grouped: true) == "-1,234.50")
        #expect(FigureText.fixed(-0.4, decimals: 0) == "0")
        #expect(FigureText.fixed(2.5e20, decimals: 0) == "2.5e20" && FigureText.scientific(-1.25e-7) == "-1.25e-7")
        #expect(FigureText.group("1234567") == "1,234,567" && FigureText.group("123") == "123")
        #expect([FigureText.fixed(.nan, decimals: 1), FigureText.number(.infinity), FigureText.scientific(-.infinity)] == ["—", "—", "—"])
    }
}
