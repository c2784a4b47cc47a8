import FlightdeckCore

/// Byte sizes with binary units.
enum ByteText {
    static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]

    /// "512 B", "1.5 MiB".
    static func full(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        var scaled = abs(value)
        var unit = 0
        while scaled >= 1024, unit < units.count - 1 { scaled /= 1024; unit += 1 }
        let text = FigureText.number(scaled, decimals: unit == 0 ? 0 : 1, grouped: true)
        return (value < 0 ? "-" : "") + text + " " + units[unit]
    }
}
