/// A UTC calendar date and time of day from epoch seconds, computed without time zones or locales.
struct CivilTime: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    /// Epoch seconds the formatter accepts: years 0001 to 9999.
    static let range: ClosedRange<Double> = -62_135_596_800 ... 253_402_300_799

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The civil time of `epochSeconds` (UTC), or nil outside `range` or when not finite.
    init?(epochSeconds: Double) {
        guard epochSeconds.isFinite, Self.range.contains(epochSeconds) else { return nil }
        let whole = Int(epochSeconds.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = whole - days * 86_400
        (year, month, day) = Self.civil(fromDays: days)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
    }

    /// Howard Hinnant's civil_from_days.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// "2024-01-08".
    var isoDate: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }
    /// "14:05".
    var hourMinute: String { pad(hour, 2) + ":" + pad(minute, 2) }
    /// "14:05:09".
    var hourMinuteSecond: String { hourMinute + ":" + pad(second, 2) }
    /// "Jan 8".
    var monthDay: String { Self.monthNames[month - 1] + " " + String(day) }
    /// "Jan 2024".
    var monthYear: String { Self.monthNames[month - 1] + " " + String(year) }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
