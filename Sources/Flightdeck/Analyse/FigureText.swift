import Foundation

/// How figures are written in human-readable reasons: the same input always gives the same words.
enum FigureText {
    /// A fraction as a percent with one decimal, or more decimals when one would make two different values look equal.
    static func percent(_ fraction: Double, against other: Double? = nil) -> String {
        for decimals in 1...4 {
            let text = fixed(fraction * 100, decimals)
            if let other, other != fraction, text == fixed(other * 100, decimals) { continue }
            return text + "%"
        }
        return fixed(fraction * 100, 4) + "%"
    }

    /// A signed percent, e.g. "+12.5%".
    static func signedPercent(_ fraction: Double, against other: Double? = nil) -> String {
        (fraction >= 0 ? "+" : "") + percent(fraction, against: other)
    }

    /// A number with up to `decimals` decimals, trailing zeros dropped ("412", "0.25").
    static func number(_ value: Double, decimals: Int = 2) -> String {
        var text = fixed(value, decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Minutes as "45m", "5h 20m" or "2d 3h".
    static func duration(minutes: Double) -> String {
        let total = Int(minutes.rounded())
        if total < 60 { return "\(total)m" }
        if total < 1440 { return "\(total / 60)h \(total % 60)m" }
        return "\(total / 1440)d \(total % 1440 / 60)h"
    }

    private static func fixed(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }
}
