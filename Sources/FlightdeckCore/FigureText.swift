import Foundation

/// How figures are written for people — numbers, percents and durations — without a locale or a formatter, so every
/// page, chart and reason writes the same value the same way.
///
/// ```swift
/// FigureText.fixed(1234.5, decimals: 2, grouped: true)   // "1,234.50"
/// FigureText.number(0.250)                               // "0.25"
/// FigureText.percent(0.125)                              // "12.5%"
/// FigureText.duration(minutes: 125)                      // "2h 5m"
/// ```
///
/// A value that is not finite is written "—" by every function here.
package enum FigureText {
    /// `value` with exactly `decimals` digits after the point ("-0" never appears).
    ///
    /// Rounds the exact binary value to nearest, ties to even, as C's and Python's `%.Nf` do, so a figure written
    /// here reads the same as one a template writes with `'%.1f'|format` (0.125 → "0.12", 2.675 → "2.67").
    /// `grouped` puts commas between thousands; magnitudes beyond 9e15 (after scaling) are written `scientific`.
    package static func fixed(_ value: Double, decimals: Int, grouped: Bool = false) -> String {
        guard value.isFinite else { return "—" }
        let places = min(max(decimals, 0), 9)
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = rounded(value, times: Double(scale))
        guard abs(scaled) < 9.0e15 else { return scientific(value) }
        let whole = Int64(scaled)
        let magnitude = whole.magnitude
        let integer = String(magnitude / UInt64(scale))
        var text = whole < 0 ? "-" : ""
        text += grouped ? group(integer) : integer
        if places > 0 {
            let fraction = String(magnitude % UInt64(scale))
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// `value × scale` rounded to a whole number as if computed exactly: when the product lands on a half, the
    /// product's rounding error (found with a fused multiply-add) says which side the exact value lies on.
    private static func rounded(_ value: Double, times scale: Double) -> Double {
        let product = value * scale
        guard abs(product - product.rounded(.towardZero)) == 0.5 else { return product.rounded() }
        let error = (-product).addingProduct(value, scale)
        return product.rounded(error > 0 ? .up : error < 0 ? .down : .toNearestOrEven)
    }

    /// Like `fixed`, without trailing zeros in the fraction: "412", "0.25", "2.5" (from 2.50), "0" (from -0.001).
    package static func number(_ value: Double, decimals: Int = 2, grouped: Bool = false) -> String {
        let text = fixed(value, decimals: decimals, grouped: grouped)
        guard text.contains("."), !text.contains("e") else { return text }
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == "0" { end = text.index(before: end) }
        if end > text.startIndex, text[text.index(before: end)] == "." { end = text.index(before: end) }
        return String(text[..<end])
    }

    /// Mantissa with up to two decimals and a power of ten, e.g. "1.25e20".
    package static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        guard value != 0 else { return "0" }
        var exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = value / pow10(exponent)
        if abs(mantissa) >= 9.995 { mantissa /= 10; exponent += 1 }
        return number(mantissa, decimals: 2) + "e" + String(exponent)
    }

    /// 10 raised to an integer power, exact for the powers a Double holds exactly.
    package static func pow10(_ exponent: Int) -> Double {
        exponent < 0 ? 1 / pow(10, Double(-exponent)) : pow(10, Double(exponent))
    }

    /// Digits with commas between thousands: "1234567" → "1,234,567".
    package static func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return out
    }
}
