/// Maps a data domain linearly onto a range of SVG user units.
struct LinearScale {
    var domain: (lo: Double, hi: Double)
    var range: (from: Double, to: Double)
    /// Piecewise-linear stops (a domain value and the fraction of the range it sits at), ascending in both, the
    /// first at the domain's low end and the last at its high end; empty for one linear scale (see `StopAxis`).
    var stops: [(value: Double, fraction: Double)] = []

    init(domain lo: Double, _ hi: Double, range from: Double, _ to: Double) {
        domain = (lo, hi)
        range = (from, to)
    }

    /// The position of `value`; the middle of the range when the domain is a single point.
    func callAsFunction(_ value: Double) -> Double {
        if stops.count >= 2 {
            // The segment holding the value (the first or last one, extended, outside them).
            var index = 0
            while index < stops.count - 2, value > stops[index + 1].value { index += 1 }
            let a = stops[index], b = stops[index + 1]
            let t = b.value == a.value ? 0 : (value - a.value) / (b.value - a.value)
            return range.from + (a.fraction + t * (b.fraction - a.fraction)) * (range.to - range.from)
        }
        let span = domain.hi - domain.lo
        guard span != 0, span.isFinite else { return (range.from + range.to) / 2 }
        return range.from + (value - domain.lo) / span * (range.to - range.from)
    }

    /// The position of `value`, kept within the range (for bars and bands that run off the axis).
    func clamped(_ value: Double) -> Double {
        let position = self(value)
        return min(max(position, min(range.from, range.to)), max(range.from, range.to))
    }
}
