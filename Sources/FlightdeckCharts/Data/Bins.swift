import Foundation

/// Equal-width histogram bins on 1-2-5 widths, aligned to multiples of the width.
struct Bins: Equatable {
    var start: Double
    var width: Double
    var counts: [Int]

    /// Bins of the finite `values`, about `target` of them (Sturges' rule when nil), at most `Limits.maxBins`.
    init?(values: [Double], target: Int?) {
        // Values beyond ±1e300 are binned at ±1e300, so that no width or count overflows.
        let finite = values.filter(\.isFinite).map { min(max($0, -1e300), 1e300) }
        guard let lo = finite.min(), let hi = finite.max() else { return nil }
        let wanted = target ?? Int((log2(Double(finite.count)) + 1).rounded(.up))
        let count = min(max(wanted, 1), Limits.maxBins)
        let (a, b) = NiceTicks.usable(lo: lo, hi: hi)
        var width = NiceTicks.step(atLeast: (b - a) / Double(count) * 0.7)
        if lo == hi { width = NiceTicks.step(atLeast: (b - a) / 2) }
        guard width.isFinite, width > 0 else { return nil }
        var start = (lo / width).rounded(.down) * width
        while ((hi - start) / width).rounded(.down) + 1 > Double(Limits.maxBins) {
            width = NiceTicks.step(atLeast: width * 1.5)
            start = (lo / width).rounded(.down) * width
        }
        let bins = Int(((hi - start) / width).rounded(.down)) + 1
        var counts = Array(repeating: 0, count: max(bins, 1))
        for value in finite {
            let index = Int(((value - start) / width).rounded(.down))
            counts[min(max(index, 0), counts.count - 1)] += 1
        }
        self.start = NiceTicks.clean(start, step: width)
        self.width = width
        self.counts = counts
    }

    /// The lower edge of bin `index`.
    func edge(_ index: Int) -> Double { NiceTicks.clean(start + Double(index) * width, step: width) }
}
