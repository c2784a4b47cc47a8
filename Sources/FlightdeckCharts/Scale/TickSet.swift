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
        let nice = NiceTicks.covering(lo: lo, hi: hi, count: count)
        let magnitude = max(abs(nice.lo), abs(nice.hi))
        let unit = AxisUnit.choose(for: format.isTime ? .number(decimals: 0) : format, magnitude: magnitude)
        var step = nice.step
        var values = nice.values
        // Re-step in the axis unit when a duration or byte unit makes 1-2-5 steps of seconds look odd.
        if unit.divisor != 1 && !unit.scientific {
            let scaled = NiceTicks.covering(lo: nice.lo / unit.divisor, hi: nice.hi / unit.divisor, count: count)
            step = scaled.step * unit.divisor
            values = scaled.values.map { $0 * unit.divisor }
        }
        let labels = values.map { unit.label($0, step: step) }
        return TickSet(lo: values.first ?? nice.lo, hi: values.last ?? nice.hi, values: values, labels: labels)
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
