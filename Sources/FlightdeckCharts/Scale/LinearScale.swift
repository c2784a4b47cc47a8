/// Maps a data domain linearly onto a range of SVG user units.
struct LinearScale {
    var domain: (lo: Double, hi: Double)
    var range: (from: Double, to: Double)

    init(domain lo: Double, _ hi: Double, range from: Double, _ to: Double) {
        domain = (lo, hi)
        range = (from, to)
    }

    /// The position of `value`; the middle of the range when the domain is a single point.
    func callAsFunction(_ value: Double) -> Double {
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
