import Foundation

/// Plain number text without locale: fixed decimals, optional thousands grouping, scientific for huge values.
enum NumberText {
    /// `value` with exactly `decimals` digits after the point ("-0" never appears); "—" when not finite.
    static func fixed(_ value: Double, decimals: Int, grouped: Bool = false) -> String {
        guard value.isFinite else { return "—" }
        let places = min(max(decimals, 0), 9)
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * Double(scale)).rounded()
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

    /// Like `fixed`, without trailing zeros in the fraction ("2.50" → "2.5", "3.0" → "3").
    static func trimmed(_ value: Double, decimals: Int, grouped: Bool = false) -> String {
        let text = fixed(value, decimals: decimals, grouped: grouped)
        guard text.contains("."), !text.contains("e") else { return text }
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == "0" { end = text.index(before: end) }
        if end > text.startIndex, text[text.index(before: end)] == "." { end = text.index(before: end) }
        return String(text[..<end])
    }

    /// Mantissa with two decimals and a power of ten, e.g. "1.25e20".
    static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        guard value != 0 else { return "0" }
        var exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = value / pow10(exponent)
        if abs(mantissa) >= 9.995 { mantissa /= 10; exponent += 1 }
        return trimmed(mantissa, decimals: 2) + "e" + String(exponent)
    }

    /// 10 raised to an integer power, exact for the powers a Double holds exactly.
    static func pow10(_ exponent: Int) -> Double {
        exponent < 0 ? 1 / pow(10, Double(-exponent)) : pow(10, Double(exponent))
    }

    /// "1234567" → "1,234,567".
    static func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return out
    }
}
