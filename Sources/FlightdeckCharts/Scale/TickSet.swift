/// An axis: its domain, tick positions in data units, and their labels.
struct TickSet: Equatable {
    var lo: Double
    var hi: Double
    var values: [Double]
    var labels: [String]

    /// Nice ticks for `lo...hi` written in `format`: 1-2-5 steps for quantities, calendar steps for dates.
    /// Quantity domains extend to the outer ticks; date domains stay at the data.
    static func make(lo: Double, hi: Double, count: Int, format: ValueFormat) -> TickSet {
        if format.isTime, let ticks = TimeTicks.make(lo: lo, hi: hi, count: count, withDate: format == .dateTime) {
            return ticks
        }
        // Steps are 1-2-5 in the unit the labels use (hours, MiB, k), not in the unit of the data.
        let (a, b) = NiceTicks.usable(lo: lo, hi: hi)
        let unit = AxisUnit.choose(for: format.isTime ? .integer : format, magnitude: max(abs(a), abs(b)))
        let divisor = unit.scientific ? 1 : unit.divisor
        let nice = NiceTicks.covering(lo: a / divisor, hi: b / divisor, count: count,
                                      minimumStep: divisor == 1 ? format.smallestStep : 0)
        let step = nice.step * divisor
        let values = nice.values.map { $0 * divisor }
        let labels = values.map { unit.label($0, step: step) }
        return TickSet(lo: values.first ?? a, hi: values.last ?? b, values: values, labels: labels)
    }

    /// Like `make`, reducing the count until every label fits `length` units of axis (labels `width` apart at least).
    static func fitting(lo: Double, hi: Double, length: Double, format: ValueFormat, gap: Double = 10) -> TickSet {
        var count = max(2, min(12, Int(length / 60)))
        var ticks = make(lo: lo, hi: hi, count: count, format: format)
        while count > 1 {
            let widest = ticks.labels.map { TextMetrics.width($0, size: TextMetrics.tickSize) }.max() ?? 0
            let spacing = ticks.minimumSpacing(length: length)
            if widest + gap <= spacing { break }
            count -= 1
            ticks = make(lo: lo, hi: hi, count: count, format: format)
        }
        return ticks
    }

    /// The smallest distance between neighbouring ticks on an axis `length` units long.
    func minimumSpacing(length: Double) -> Double {
        guard values.count > 1, hi > lo else { return length }
        var smallest = Double.infinity
        for index in 1..<values.count { smallest = min(smallest, values[index] - values[index - 1]) }
        return smallest / (hi - lo) * length
    }
}
