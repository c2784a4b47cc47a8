package import Foundation

/// Calendar dates and instants as the data formats write them, read into and printed from `Date`.
///
/// Rules: a date is `YYYY-MM-DD`. An instant is ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by
/// `Z` or an offset `±HH:MM`; a space may stand for `T`. An instant without a time zone is an error,
/// because the same words mean different moments in different places.
package enum Timestamp {
    /// Parses `YYYY-MM-DD` into the start of that day in UTC.
    package static func date(_ text: String) -> Date? {
        CivilDate(text).map { Date(timeIntervalSince1970: Double($0.daysSinceEpoch) * 86_400) }
    }

    /// What is wrong with an instant, or nil when `instant(_:)` accepts it.
    package enum Problem: Error { case malformed, missingTimeZone }

    /// Parses an ISO 8601 instant with a time zone.
    ///
    /// Accepted: `T`, `t` or a space between date and time; seconds optional, up to 60 (a leap second); a fraction
    /// after `.` or `,`; spaces before the zone; `Z`, `z`, `±HH`, `±HHMM` or `±HH:MM`.
    package static func instant(_ text: String) -> Result<Date, Problem> {
        let b = Array(text.utf8)
        guard b.count >= 16, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
              b[13] == UInt8(ascii: ":"),
              let y = number(b, 0, 4), let mo = number(b, 5, 2), let d = number(b, 8, 2),
              let h = number(b, 11, 2), let mi = number(b, 14, 2), let date = CivilDate(year: y, month: mo, day: d), h < 24, mi < 60
        else { return .failure(.malformed) }
        var i = 16
        var seconds = 0.0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let s = number(b, i + 1, 2), s < 61 else { return .failure(.malformed) }
            seconds = Double(s)
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                var j = i + 1
                var scale = 0.1
                while j < b.count, let digit = number(b, j, 1) { seconds += Double(digit) * scale; scale /= 10; j += 1 }
                guard j > i + 1 else { return .failure(.malformed) }
                i = j
            }
        }
        while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
        guard i < b.count else { return .failure(.missingTimeZone) }
        var offset = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            guard let oh = number(b, i + 1, 2) else { return .failure(.malformed) }
            var om = 0
            var next = i + 3
            if next < b.count, b[next] == UInt8(ascii: ":") {
                guard let m = number(b, next + 1, 2) else { return .failure(.malformed) }
                om = m; next += 3
            } else if let m = number(b, next, 2) {
                om = m; next += 2
            }
            guard oh < 24, om < 60 else { return .failure(.malformed) }
            offset = sign * (oh * 3600 + om * 60)
            i = next
        } else {
            return .failure(.malformed)
        }
        guard i == b.count else { return .failure(.malformed) }
        let total = Double(date.daysSinceEpoch * 86_400 + h * 3600 + mi * 60 - offset) + seconds
        return .success(Date(timeIntervalSince1970: total))
    }

    /// `YYYY-MM-DD` of a date in UTC.
    package static func dayString(_ date: Date) -> String {
        CivilDate(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down))).description
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` of an instant in UTC (whole seconds, rounded down).
    package static func instantString(_ date: Date) -> String {
        CivilTime(secondsSinceEpoch: Int(date.timeIntervalSince1970.rounded(.down))).iso8601
    }

    private static func number(_ b: [UInt8], _ at: Int, _ count: Int) -> Int? {
        ASCIIDigits.number(b, at: at, count: count)
    }
}
