/// Durations and byte sizes written for people.
enum DurationText {
    /// "350 ms", "2.5 ms", "12.5 s", "4m 30s", "2h 05m", "3d 4h".
    static func full(seconds value: Double) -> String {
        guard value.isFinite else { return "—" }
        let sign = value < 0 ? "-" : ""
        let a = abs(value)
        if a < 0.9995 {
            let ms = a * 1000
            return sign + NumberText.trimmed(ms, decimals: ms < 10 ? 1 : 0) + " ms"
        }
        if a < 59.95 { return sign + NumberText.trimmed(a, decimals: 1) + " s" }
        if a < 3599.5 {
            let total = Int(a.rounded())
            let (m, s) = (total / 60, total % 60)
            return sign + (s == 0 ? "\(m)m" : "\(m)m \(s)s")
        }
        if a < 86_370 {
            let total = Int((a / 60).rounded())
            let (h, m) = (total / 60, total % 60)
            return sign + "\(h)h " + (m < 10 ? "0" : "") + "\(m)m"
        }
        if a < 1e12 {
            let total = Int((a / 3600).rounded())
            let (d, h) = (total / 24, total % 24)
            return sign + (h == 0 ? "\(d)d" : "\(d)d \(h)h")
        }
        return sign + NumberText.scientific(a / 86_400) + "d"
    }
}

/// Byte sizes with binary units.
enum ByteText {
    static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]

    /// "512 B", "1.5 MiB".
    static func full(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        var scaled = abs(value)
        var unit = 0
        while scaled >= 1024, unit < units.count - 1 { scaled /= 1024; unit += 1 }
        let text = NumberText.trimmed(scaled, decimals: unit == 0 ? 0 : 1, grouped: true)
        return (value < 0 ? "-" : "") + text + " " + units[unit]
    }
}
