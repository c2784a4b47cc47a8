/// A UTC calendar date and time of day, to the second, computed without time zones or locales.
package struct CivilTime: Hashable, Sendable {
    /// The calendar day.
    package var date: CivilDate
    /// The hour, 0 to 23.
    package var hour: Int
    /// The minute, 0 to 59.
    package var minute: Int
    /// The second, 0 to 59.
    package var second: Int

    /// Epoch seconds `init?(epochSeconds:)` accepts: years 0001 to 9999, the instants ISO 8601 writes with four digits.
    package static let range: ClosedRange<Double> = -62_135_596_800 ... 253_402_300_799

    /// English month abbreviations, January first.
    package static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The civil time of whole seconds since 1970-01-01T00:00:00Z (before it when negative).
    package init(secondsSinceEpoch seconds: Int) {
        // Floor division by remainder, which cannot overflow at either end of Int.
        let remainder = seconds % 86_400
        let days = seconds / 86_400 - (remainder < 0 ? 1 : 0)
        let secondOfDay = remainder < 0 ? remainder + 86_400 : remainder
        date = CivilDate(daysSinceEpoch: days)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
    }

    /// The civil time of `epochSeconds` rounded down to the second, or nil when not finite or outside `range`.
    package init?(epochSeconds: Double) {
        guard epochSeconds.isFinite, Self.range.contains(epochSeconds) else { return nil }
        self.init(secondsSinceEpoch: Int(epochSeconds.rounded(.down)))
    }

    /// The year of `date`.
    package var year: Int { date.year }
    /// The month of `date`, 1 to 12.
    package var month: Int { date.month }
    /// The day of the month of `date`.
    package var day: Int { date.day }

    /// Whole seconds since 1970-01-01T00:00:00Z.
    package var secondsSinceEpoch: Int { date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second }

    /// "2024-01-08".
    package var isoDate: String { date.description }
    /// "14:05".
    package var hourMinute: String { ASCIIDigits.padded(hour, 2) + ":" + ASCIIDigits.padded(minute, 2) }
    /// "14:05:09".
    package var hourMinuteSecond: String { hourMinute + ":" + ASCIIDigits.padded(second, 2) }
    /// "2024-01-08T14:05:09Z", ISO 8601 in UTC.
    package var iso8601: String { isoDate + "T" + hourMinuteSecond + "Z" }
    /// "Jan 8".
    package var monthDay: String { Self.monthNames[month - 1] + " " + String(day) }
    /// "Jan 2024".
    package var monthYear: String { Self.monthNames[month - 1] + " " + String(year) }
}
