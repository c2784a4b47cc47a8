import Testing
@testable import FlightdeckCharts

@Suite struct TickTests {
    @Test(arguments: [(0.3, 0.5), (1.0, 1.0), (1.01, 2.0), (2.5, 5.0), (7.0, 10.0), (0.0012, 0.002), (340.0, 500.0), (1.9e12, 2e12)])
    func stepsAreOneTwoFive(raw: Double, expected: Double) {
        #expect(abs(NiceTicks.step(atLeast: raw) - expected) < expected * 1e-12)
    }

    @Test func coversDataWithNiceEnds() {
        let ticks = NiceTicks.covering(lo: 0.3, hi: 9.1, count: 5)
        #expect(ticks.values == [0, 2, 4, 6, 8, 10])
        #expect(ticks.lo == 0 && ticks.hi == 10)
    }

    @Test func cleansFloatingPointNoise() {
        let ticks = NiceTicks.covering(lo: 0.1, hi: 0.7, count: 6)
        #expect(ticks.values == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    }

    @Test func negativeRangesIncludeZeroTick() {
        let ticks = NiceTicks.covering(lo: -7, hi: 3.5, count: 5)
        #expect(ticks.values == [-8, -6, -4, -2, 0, 2, 4])
        #expect(!ticks.values.contains { $0 == 0 && $0.sign == .minus })
    }

    @Test func equalValuesArePadded() {
        let equal = NiceTicks.usable(lo: 5, hi: 5), zero = NiceTicks.usable(lo: 0, hi: 0)
        let bad = NiceTicks.usable(lo: .nan, hi: .infinity)
        #expect([equal.lo, equal.hi, zero.lo, zero.hi, bad.lo, bad.hi] == [4.5, 5.5, 0, 1, 0, 1])
    }

    @Test func hugeRangesStayBounded() {
        let ticks = NiceTicks.covering(lo: -1e308, hi: 1e308, count: 5)
        #expect(ticks.values.count <= NiceTicks.maxTicks)
        #expect(ticks.values.allSatisfy { $0.isFinite })
        let many = NiceTicks.covering(lo: 0, hi: 1e6, count: 10_000)
        #expect(many.values.count <= NiceTicks.maxTicks)
    }

    @Test func labelsUseTheAxisUnit() {
        #expect(TickSet.make(lo: 0, hi: 9.1, count: 5, format: .integer).labels == ["0", "2", "4", "6", "8", "10"])
        #expect(TickSet.make(lo: 0, hi: 0.7, count: 7, format: .number(decimals: 3)).labels.last == "0.7")
        #expect(TickSet.make(lo: 0, hi: 45_000, count: 5, format: .integer).labels == ["0", "10k", "20k", "30k", "40k", "50k"])
        #expect(TickSet.make(lo: 0, hi: 1.5e12, count: 3, format: .integer).labels == ["0", "0.5T", "1.0T", "1.5T"])
        #expect(TickSet.make(lo: 0, hi: 42, count: 4, format: .percent(decimals: 1)).labels == ["0%", "10%", "20%", "30%", "40%", "50%"])
        #expect(TickSet.make(lo: 0, hi: 1e20, count: 2, format: .integer).labels == ["0", "5e19", "1e20"])
    }

    @Test func durationTicksStepInTheirUnit() {
        // 212 minutes: hours, 1-2-5 steps of hours.
        #expect(TickSet.make(lo: 0, hi: 212, count: 5, format: .duration(.minutes)).labels == ["0", "1h", "2h", "3h", "4h"])
        #expect(TickSet.make(lo: 0, hi: 950, count: 5, format: .duration(.milliseconds)).labels == ["0", "200ms", "400ms", "600ms", "800ms", "1,000ms"])
        #expect(TickSet.make(lo: 0, hi: 48.2, count: 5, format: .duration(.seconds)).labels == ["0", "10s", "20s", "30s", "40s", "50s"])
    }

    @Test func byteTicksUseBinaryUnits() {
        #expect(TickSet.make(lo: 0, hi: 3 * 1_048_576, count: 3, format: .bytes).labels == ["0", "1 MiB", "2 MiB", "3 MiB"])
    }

    @Test func weekTicksFallOnMondays() throws {
        let jan8 = 1_704_672_000.0  // 2024-01-08, a Monday
        let ticks = try #require(TimeTicks.make(lo: jan8, hi: jan8 + 24 * 86_400, count: 5, withDate: false))
        #expect(ticks.labels == ["Jan 8", "Jan 15", "Jan 22", "Jan 29"])
        #expect(ticks.lo == jan8)
    }

    @Test func hourTicksShowMidnightAsADay() throws {
        let jan22 = 1_705_881_600.0
        let ticks = try #require(TimeTicks.make(lo: jan22, hi: jan22 + 47 * 3600, count: 8, withDate: true))
        #expect(ticks.labels == ["Jan 22", "06:00", "12:00", "18:00", "Jan 23", "06:00", "12:00", "18:00"])
    }

    @Test func monthAndYearTicks() throws {
        let jan2024 = 1_704_067_200.0
        let months = try #require(TimeTicks.make(lo: jan2024, hi: jan2024 + 200 * 86_400, count: 4, withDate: false))
        #expect(months.labels == ["Jan 2024", "Mar 2024", "May 2024", "Jul 2024"])
        let years = try #require(TimeTicks.make(lo: 0, hi: jan2024, count: 6, withDate: false))
        #expect(years.labels == ["1970", "1980", "1990", "2000", "2010", "2020"])
    }

    @Test func implausibleInstantsFallBackToNumbers() {
        #expect(TimeTicks.make(lo: 0, hi: 1e300, count: 5, withDate: false) == nil)
        #expect(!TickSet.make(lo: 0, hi: 1e300, count: 5, format: .date).values.isEmpty)
    }

    @Test func fittingThinsLabels() {
        let ticks = TickSet.fitting(lo: 0, hi: 1_000_000, length: 120, format: .number(decimals: 0))
        let widest = ticks.labels.map { TextMetrics.width($0, size: TextMetrics.tickSize) }.max() ?? 0
        #expect(ticks.minimumSpacing(length: 120) >= widest + 10 || ticks.values.count <= 2)
    }
}
