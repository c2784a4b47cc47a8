/// A day of the proleptic Gregorian calendar, with no time zone: what `2026-05-20` means in the data.
///
/// Days are counted from 1970-01-01 with Howard Hinnant's `days_from_civil` and `civil_from_days`, which hold for
/// every year, before year 1 too (year 0 is 1 BC, as in ISO 8601), up to magnitudes of 10¹³ years.
package struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year; 0 and below are years before 1 AD (astronomical numbering).
    package let year: Int
    /// The month, 1 to 12.
    package let month: Int
    /// The day of the month, 1 to 31.
    package let day: Int

    /// The date of `year`-`month`-`day`, or nil when there is no such day (2026-02-29, month 13).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// The date `days` days after 1970-01-01 (before it when negative): Hinnant's `civil_from_days`.
    package init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Parses `YYYY-MM-DD` (four-digit year, so 0000 to 9999); nil for any other text or a day that does not exist.
    package init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = ASCIIDigits.number(b, at: 0, count: 4), let m = ASCIIDigits.number(b, at: 5, count: 2),
              let d = ASCIIDigits.number(b, at: 8, count: 2) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01, negative before it: Hinnant's `days_from_civil`.
    package var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day of the week, 0 for Sunday to 6 for Saturday (1970-01-01 was a Thursday).
    package var weekday: Int {
        let r = (daysSinceEpoch + 4) % 7
        return r < 0 ? r + 7 : r
    }

    /// `YYYY-MM-DD`; a year before 0 is written `-YYYY`, one after 9999 with all its digits.
    package var description: String {
        let yearText = year < 0 ? "-" + ASCIIDigits.padded(-year, 4) : ASCIIDigits.padded(year, 4)
        return yearText + "-" + ASCIIDigits.padded(month, 2) + "-" + ASCIIDigits.padded(day, 2)
    }

    /// Whether `year` has a 29 February.
    package static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days of `month` (1 to 12) in `year`.
    package static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Earlier dates first.
    package static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
