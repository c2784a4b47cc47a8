import FlightdeckCore

/// Calendar ticks for instants in epoch seconds (UTC): seconds to weeks at fixed steps, then months and years.
enum TimeTicks {
    /// Fixed steps in seconds, up to two weeks.
    static let fixedSteps: [Double] = [
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
        3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800, 1_209_600,
    ]
    /// Month steps, then whole years by 1-2-5.
    static let monthSteps = [1, 2, 3, 6]
    /// 1970-01-05, a Monday: week ticks fall on Mondays.
    static let mondayOffset = 345_600.0

    /// Ticks for `lo...hi` (exact domain), or nil when the values are not plausible instants.
    static func make(lo: Double, hi: Double, count: Int, withDate: Bool) -> TickSet? {
        guard lo.isFinite, hi.isFinite, CivilTime.range.contains(lo), CivilTime.range.contains(hi) else { return nil }
        var a = min(lo, hi), b = max(lo, hi)
        if b - a < 1 {
            let pad = withDate ? 3600.0 : 43_200
            a -= pad
            b += pad
        }
        let span = b - a
        let target = Double(max(count, 1))
        let values: [Double]
        let step: Double
        if let fixed = fixedSteps.first(where: { span / $0 <= target }) {
            step = fixed
            let offset = fixed >= 604_800 ? mondayOffset : 0
            var k = ((a - offset) / fixed).rounded(.up)
            var found: [Double] = []
            while k * fixed + offset <= b, found.count < NiceTicks.maxTicks {
                found.append(k * fixed + offset)
                k += 1
            }
            values = found
        } else {
            let months = monthStep(span: span, target: target)
            step = Double(months) * 2_629_746
            values = monthTicks(from: a, to: b, every: months)
        }
        let labels = values.map { label($0, step: step, span: span) }
        return TickSet(lo: a, hi: b, values: values, labels: labels)
    }

    static func monthStep(span: Double, target: Double) -> Int {
        let months = span / 2_629_746
        if let step = monthSteps.first(where: { months / Double($0) <= target }) { return step }
        return 12 * Int(NiceTicks.step(atLeast: months / 12 / target))
    }

    /// First days of every `every`-th month (counted from year 0) within `a...b`.
    static func monthTicks(from a: Double, to b: Double, every: Int) -> [Double] {
        guard let start = CivilTime(epochSeconds: a) else { return [] }
        var index = start.year * 12 + (start.month - 1)
        index = (index + every - 1) / every * every
        var values: [Double] = []
        while values.count < NiceTicks.maxTicks {
            guard let first = CivilDate(year: index / 12, month: index % 12 + 1, day: 1) else { break }
            let seconds = Double(first.daysSinceEpoch) * 86_400
            if seconds > b { break }
            if seconds >= a { values.append(seconds) }
            index += every
        }
        return values
    }

    /// "14:05:09", "14:05", "Jan 8 14:00", "Jan 8", "Jan 2024" or "2024", by step and span.
    static func label(_ value: Double, step: Double, span: Double) -> String {
        guard let time = CivilTime(epochSeconds: value) else { return "" }
        if step < 60 { return time.hourMinuteSecond }
        if step < 86_400 {
            return span < 86_400 || (time.hour != 0 || time.minute != 0) ? time.hourMinute : time.monthDay
        }
        if step < 2_000_000 { return time.monthDay }
        if step < 31_000_000 { return time.monthYear }
        return String(time.year)
    }
}
