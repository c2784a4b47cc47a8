extension FigureText {
    /// A fraction as a percent with one decimal ("12.5%"), or up to four when one would make it look equal to `other`.
    package static func percent(_ fraction: Double, against other: Double? = nil) -> String {
        guard fraction.isFinite else { return "—" }
        for decimals in 1...4 {
            let text = fixed(fraction * 100, decimals: decimals)
            if let other, other != fraction, text == fixed(other * 100, decimals: decimals) { continue }
            return text + "%"
        }
        return fixed(fraction * 100, decimals: 4) + "%"
    }

    /// A signed percent of a fraction: "+12.5%", "-3.0%"; a negative value that rounds to zero is "0.0%".
    package static func signedPercent(_ fraction: Double, against other: Double? = nil) -> String {
        guard fraction.isFinite else { return "—" }
        return (fraction >= 0 ? "+" : "") + percent(fraction, against: other)
    }

    /// Percent points with exactly `decimals` decimals and grouped thousands: 12.5 → "12.5%", 1234 → "1,234%".
    package static func percent(points: Double, decimals: Int) -> String {
        guard points.isFinite else { return "—" }
        return fixed(points, decimals: decimals, grouped: true) + "%"
    }
}
