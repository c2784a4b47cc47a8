import Foundation

/// Axis ticks at 1-2-5 steps (…, 0.1, 0.2, 0.5, 1, 2, 5, 10, …).
enum NiceTicks {
    /// The most ticks any axis gets, whatever the input.
    static let maxTicks = 60

    /// The smallest 1-2-5 step at least `raw`.
    static func step(atLeast raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let exponent = Int(log10(raw).rounded(.down))
        let magnitude = NumberText.pow10(exponent)
        let residual = raw / magnitude
        let factor: Double = residual <= 1.000_001 ? 1 : residual <= 2.000_001 ? 2 : residual <= 5.000_001 ? 5 : 10
        return factor * magnitude
    }

    /// Decimals that print every multiple of `step` exactly (step 0.05 → 2, step 20 → 0).
    static func decimals(for step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        return min(9, max(0, -Int((log10(step) + 1e-9).rounded(.down))))
    }

    /// A domain that can carry ticks: ordered, finite, wider than rounding noise; equal ends get padded.
    static func usable(lo: Double, hi: Double) -> (lo: Double, hi: Double) {
        let limit = 1e300
        var a = lo.isFinite ? min(max(lo, -limit), limit) : 0
        var b = hi.isFinite ? min(max(hi, -limit), limit) : 0
        if a > b { swap(&a, &b) }
        let magnitude = max(abs(a), abs(b))
        if b - a <= magnitude * 1e-9 {
            let pad = magnitude == 0 ? 1 : magnitude * 0.1
            if a == 0 && b == 0 { return (0, 1) }
            a -= pad
            b += pad
        }
        return (a, b)
    }

    /// Ticks covering `lo...hi` with about `count` intervals; the returned domain is extended to the outer ticks.
    static func covering(lo: Double, hi: Double, count: Int) -> (lo: Double, hi: Double, step: Double, values: [Double]) {
        let (a, b) = usable(lo: lo, hi: hi)
        let intervals = Double(min(max(count, 1), maxTicks - 1))
        var step = Self.step(atLeast: (b - a) / intervals)
        var first = (a / step).rounded(.down)
        var last = (b / step).rounded(.up)
        while last - first >= Double(maxTicks) {
            step = Self.step(atLeast: step * 1.5)
            first = (a / step).rounded(.down)
            last = (b / step).rounded(.up)
        }
        var values: [Double] = []
        var k = first
        while k <= last {
            values.append(clean(k * step, step: step))
            k += 1
        }
        return (values.first ?? a, values.last ?? b, step, values)
    }

    /// `value` rounded to the step's decimals, without negative zero.
    static func clean(_ value: Double, step: Double) -> Double {
        let decimals = decimals(for: step)
        guard decimals > 0, abs(value) < 1e15 else { return value == 0 ? 0 : value }
        let scale = NumberText.pow10(decimals)
        let rounded = (value * scale).rounded() / scale
        return rounded == 0 ? 0 : rounded
    }
}
