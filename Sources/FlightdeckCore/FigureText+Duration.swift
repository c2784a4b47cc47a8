extension FigureText {
    /// A duration in seconds, in the one style every page and chart uses: the largest unit, then the next one
    /// unless it is zero, neither padded.
    ///
    /// "350 ms", "2.5 ms", "12.5 s", "4m 30s", "45m", "2h 5m", "2h", "3d 4h", "3d"; negative durations take a "-";
    /// beyond 10¹² s the days are written `scientific` ("4.17e298d"). Each band rounds half up to its smallest
    /// unit, so 59.5 min is "59m 30s", 59.99 s is "1m" and 1439.5 min is "1d".
    package static func duration(seconds value: Double) -> String {
        guard value.isFinite else { return "—" }
        let sign = value < 0 ? "-" : ""
        let a = abs(value)
        if a < 0.9995 {
            let ms = a * 1000
            return sign + number(ms, decimals: ms < 10 ? 1 : 0) + " ms"
        }
        if a < 59.95 { return sign + number(a, decimals: 1) + " s" }
        if a < 3599.5 { return sign + pair(Int(a.rounded()), 60, "m", "s") }
        if a < 86_370 { return sign + pair(Int((a / 60).rounded()), 60, "h", "m") }
        if a < 1e12 { return sign + pair(Int((a / 3600).rounded()), 24, "d", "h") }
        return sign + scientific(a / 86_400) + "d"
    }

    /// A duration in minutes, written as `duration(seconds:)` writes it: 45 → "45m", 320 → "5h 20m", 3060 → "2d 3h".
    package static func duration(minutes: Double) -> String {
        duration(seconds: minutes * 60)
    }

    /// "4m 30s" or "4m" of `total` small units, `per` of them to a large one.
    private static func pair(_ total: Int, _ per: Int, _ large: String, _ small: String) -> String {
        let (high, low) = (total / per, total % per)
        return low == 0 ? "\(high)\(large)" : "\(high)\(large) \(low)\(small)"
    }
}
