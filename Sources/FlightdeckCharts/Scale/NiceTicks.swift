import FlightdeckCore
import Foundation

/// Axis ticks at 1-2-5 steps (…, 0.1, 0.2, 0.5, 1, 2, 5, 10, …).
enum NiceTicks {
    /// The most ticks any axis gets, whatever the input.
    static let maxTicks = 60

    /// The smallest 1-2-5 step at least `raw`.
    static func step(atLeast raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let exponent = Int(log10(raw).rounded(.down))
        let magnitude = FigureText.pow10(exponent)
        let residual = raw / magnitude
        let factor: Double = residual <= 1.000_001 ? 1 : residual <= 2.000_001 ? 2 : residual <= 5.000_001 ? 5 : 10
        return factor * magnitude
    }

    /// The 1-2-5 step closest (in log space, as d3 does) to `raw`, so that an axis gets about the ticks it asked for.
    static func step(near raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = FigureText.pow10(Int(log10(raw).rounded(.down)))
        let error = raw / magnitude
        let factor: Double = error >= 50.0.squareRoot() ? 10 : error >= 10.0.squareRoot() ? 5 : error >= 2.0.squareRoot() ? 2 : 1
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
        if b - a <= max(magnitude * 1e-9, 1e-290) {
            let pad = magnitude == 0 ? 1 : max(magnitude * 0.1, 1e-290)
            if a == 0 && b == 0 { return (0, 1) }
            a -= pad
            b += pad
        }
        return (a, b)
    }

    /// Ticks covering `lo...hi` with about `count` intervals; the returned domain is extended to the outer ticks.
    /// No step is smaller than `minimumStep` (e.g. 1 for whole numbers).
    static func covering(lo: Double, hi: Double, count: Int, minimumStep: Double = 0) -> (lo: Double, hi: Double, step: Double, values: [Double]) {
        let (a, b) = usable(lo: lo, hi: hi)
        let intervals = Double(min(max(count, 1), maxTicks - 1))
        var step = max(Self.step(near: (b - a) / intervals), minimumStep)
        var first = (a / step).rounded(.down)
        var last = (b / step).rounded(.up)
        // The nearest step may overshoot the count asked for; never by more than half again.
        while last - first >= Double(maxTicks) || last - first > intervals * 1.5 {
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
        let scale = FigureText.pow10(decimals)
        let rounded = (value * scale).rounded() / scale
        return rounded == 0 ? 0 : rounded
    }
}
