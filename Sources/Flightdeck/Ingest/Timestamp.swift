package import Foundation

/// Calendar dates and instants as the data formats write them.
///
/// Rules: a date is `YYYY-MM-DD`. An instant is ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by
/// `Z` or an offset `±HH:MM`; a space may stand for `T`. An instant without a time zone is an error,
/// because the same words mean different moments in different places.
package enum Timestamp {
    /// Parses `YYYY-MM-DD` into the start of that day in UTC.
    package static func date(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = number(b, 0, 4), let m = number(b, 5, 2), let d = number(b, 8, 2),
              valid(y, m, d) else { return nil }
        return Date(timeIntervalSince1970: Double(days(y, m, d)) * 86_400)
    }

    /// What is wrong with an instant, or nil when `instant(_:)` accepts it.
    package enum Problem: Error { case malformed, missingTimeZone }

    /// Parses an ISO 8601 instant with a time zone.
    package static func instant(_ text: String) -> Result<Date, Problem> {
        let b = Array(text.utf8)
        guard b.count >= 16, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
              b[13] == UInt8(ascii: ":"),
              let y = number(b, 0, 4), let mo = number(b, 5, 2), let d = number(b, 8, 2),
              let h = number(b, 11, 2), let mi = number(b, 14, 2), valid(y, mo, d), h < 24, mi < 60
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
        let total = Double(days(y, mo, d) * 86_400 + h * 3600 + mi * 60 - offset) + seconds
        return .success(Date(timeIntervalSince1970: total))
    }

    /// `YYYY-MM-DD` of a date in UTC.
    package static func dayString(_ date: Date) -> String {
        let (y, m, d) = civil(Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` of an instant in UTC (whole seconds).
    package static func instantString(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let day = Int((Double(total) / 86_400).rounded(.down))
        let (y, m, d) = civil(day)
        let rest = total - day * 86_400
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, rest / 3600, rest / 60 % 60, rest % 60)
    }

    private static func number(_ b: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at >= 0, at + count <= b.count else { return nil }
        var value = 0
        for k in at..<at + count {
            guard b[k] >= UInt8(ascii: "0"), b[k] <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b[k] - UInt8(ascii: "0"))
        }
        return value
    }

    private static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= lengths[m - 1]
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    private static func days(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
