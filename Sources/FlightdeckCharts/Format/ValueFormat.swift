import FlightdeckCore

/// How a chart writes its values: on axes (compact, per tick step) and in tables and tooltips (full).
public enum ValueFormat: Sendable, Hashable {
    /// A plain number with this many decimals (tables group thousands: "12,345.6"; axes use k, M, G, T).
    case number(decimals: Int)
    /// A percentage given in percent points (12.5 → "12.5%"), with this many decimals.
    case percent(decimals: Int)
    /// A duration whose values are in `unit`, written as `FigureText.duration(seconds:)` does: "350 ms", "12.5 s", "4m 30s", "2h 5m" or "3d 4h".
    case duration(DurationUnit)
    /// A size in bytes, written with binary units ("1.5 MiB").
    case bytes
    /// A UTC date from epoch seconds ("2024-01-08").
    case date
    /// A UTC date and time from epoch seconds ("2024-01-08 14:05 UTC").
    case dateTime

    /// A plain integer format.
    public static let integer = ValueFormat.number(decimals: 0)

    /// The full text of `value` for tables, tooltips and value labels; "—" for a missing (non-finite) value.
    public func format(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        switch self {
        case .number(let decimals):
            return FigureText.fixed(value, decimals: decimals, grouped: true)
        case .percent(let decimals):
            return FigureText.percent(points: value, decimals: decimals)
        case .duration(let unit):
            return FigureText.duration(seconds: value * unit.seconds)
        case .bytes:
            return ByteText.full(value)
        case .date:
            return CivilTime(epochSeconds: value)?.isoDate ?? FigureText.scientific(value)
        case .dateTime:
            guard let time = CivilTime(epochSeconds: value) else { return FigureText.scientific(value) }
            return time.isoDate + " " + time.hourMinute + " UTC"
        }
    }

    /// The finest axis step worth labelling: whole numbers for 0 decimals, 0.1 for 1, and so on.
    var smallestStep: Double {
        switch self {
        case .number(let decimals), .percent(let decimals): return FigureText.pow10(-min(max(decimals, 0), 9))
        case .bytes: return 1
        default: return 0
        }
    }

    /// Whether values are instants (epoch seconds), which take calendar ticks instead of 1-2-5 ticks.
    var isTime: Bool {
        switch self {
        case .date, .dateTime: return true
        default: return false
        }
    }
}

/// The unit a duration's values are given in.
public enum DurationUnit: String, Sendable, Hashable {
    /// Values in milliseconds.
    case milliseconds
    /// Values in seconds.
    case seconds
    /// Values in minutes.
    case minutes
    /// Values in hours.
    case hours

    /// Seconds in one unit.
    var seconds: Double {
        switch self {
        case .milliseconds: return 0.001
        case .seconds: return 1
        case .minutes: return 60
        case .hours: return 3600
        }
    }
}
