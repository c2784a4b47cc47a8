import FlightdeckCore

/// HTTP dates (RFC 9110 IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`) to and from seconds since 1970,
/// with FlightdeckCore's calendar.
enum HTTPDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// Formats whole seconds since 1970 as an IMF-fixdate.
    static func format(_ seconds: Int) -> String {
        let time = CivilTime(secondsSinceEpoch: seconds)
        let day = time.day < 10 ? "0\(time.day)" : "\(time.day)"
        return "\(weekdays[time.date.weekday]), \(day) \(CivilTime.monthNames[time.month - 1]) \(time.year) \(time.hourMinuteSecond) GMT"
    }

    /// Parses an IMF-fixdate; returns nil for anything else (obsolete formats are not worth a preview server's code).
    static func parse(_ text: String) -> Int? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT", fields[0].hasSuffix(","),
              let day = Int(fields[1]), let month = CivilTime.monthNames.firstIndex(of: String(fields[2])),
              let year = Int(fields[3]), (1900...9999).contains(year),
              let date = CivilDate(year: year, month: month + 1, day: day)
        else { return nil }
        let clock = fields[4].split(separator: ":")
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
              (0..<24).contains(hour), (0..<60).contains(minute), (0...60).contains(second)
        else { return nil }
        return date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
    }
}
