import FlightdeckCore

/// The unit an axis writes its tick labels in: values are divided by `divisor` and followed by `suffix`.
struct AxisUnit: Equatable {
    var divisor: Double
    var suffix: String
    /// Labels in scientific notation (for magnitudes beyond every suffix).
    var scientific = false

    /// The unit for an axis whose largest absolute value is `magnitude`.
    static func choose(for format: ValueFormat, magnitude: Double) -> AxisUnit {
        switch format {
        case .number:
            if magnitude >= 1e15 { return AxisUnit(divisor: 1, suffix: "", scientific: true) }
            let steps: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e4, "k")]
            for (divisor, suffix) in steps where magnitude >= divisor {
                return AxisUnit(divisor: divisor == 1e4 ? 1e3 : divisor, suffix: suffix)
            }
            return AxisUnit(divisor: 1, suffix: "")
        case .percent:
            return AxisUnit(divisor: 1, suffix: "%", scientific: magnitude >= 1e15)
        case .duration(let unit):
            let seconds = magnitude * unit.seconds
            let steps: [(Double, String)] = [(86_400, "d"), (3600, "h"), (60, "min"), (1, "s")]
            for (size, suffix) in steps where seconds >= 2 * size {
                return AxisUnit(divisor: size / unit.seconds, suffix: suffix, scientific: seconds >= 1e15 * size)
            }
            return AxisUnit(divisor: 0.001 / unit.seconds, suffix: "ms")
        case .bytes:
            var divisor = 1.0
            var index = 0
            while magnitude >= divisor * 1024, index < ByteText.units.count - 1 { divisor *= 1024; index += 1 }
            return AxisUnit(divisor: divisor, suffix: " " + ByteText.units[index], scientific: magnitude >= 1e15 * divisor)
        case .date, .dateTime:
            return AxisUnit(divisor: 1, suffix: "")
        }
    }

    /// The label of a tick at `value` on an axis stepping by `step` (both in data units).
    func label(_ value: Double, step: Double) -> String {
        if value == 0 { return "0" + (suffix == "%" ? suffix : "") }
        if scientific { return FigureText.scientific(value / divisor) + suffix }
        let decimals = NiceTicks.decimals(for: step / divisor)
        return FigureText.fixed(value / divisor, decimals: decimals, grouped: true) + suffix
    }
}
