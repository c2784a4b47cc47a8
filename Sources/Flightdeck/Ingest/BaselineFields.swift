import Foundation

/// The columns of a baseline record and the rules both the JSON and the CSV readers check.
enum BaselineFields {
    /// Every column, in the seed collector's order.
    static let all = ["timestamp", "job_id", "job_type", "iterations", "trials", "country", "duration_minutes",
                      "cpu_hours", "memory_gb_hours", "cost_estimate", "success", "error_message"]
    /// Columns that must be present in every record.
    static let required = Array(all.dropLast())

    /// The message for a negative measurement.
    static func negative(_ key: String, _ value: Double) -> String {
        "'\(key)' must be a number ≥ 0, found \(value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value))"
    }
}

/// Remembers job ids and reports the second occurrence of one, with the place of the first.
struct DuplicateIDs {
    private var seen: [String: Int] = [:]

    /// An empty record, with room for about `expected` ids.
    init(expected: Int = 0) { seen.reserveCapacity(expected) }

    /// Records an id; reports an error when it was seen before.
    mutating func check(_ id: String, field: String, at location: SourceLocation, log: DiagnosticLog) {
        if let first = seen.updateValue(location.line, forKey: id) {
            seen[id] = first
            log.error("duplicate '\(field)' \"\(id)\"; first used at line \(first)", at: location)
        }
    }
}

/// How a baseline file handles timestamps without a time zone: the seed collector writes naive local
/// times (`datetime.now().isoformat()`), so they are read as UTC, with one warning per file.
struct NaiveTimestampPolicy {
    private(set) var warned = false

    /// Parses a timestamp; a naive one is read as UTC (warning once), anything else unparseable is nil.
    mutating func parse(_ text: String, at location: SourceLocation, log: DiagnosticLog) -> Date? {
        switch Timestamp.instant(text) {
        case .success(let date): return date
        case .failure(.malformed): break
        case .failure(.missingTimeZone):
            if case .success(let date) = Timestamp.instant(text + "Z") {
                if !warned {
                    warned = true
                    log.warning("'timestamp' \"\(text)\" has no time zone; timestamps without one are read as UTC", at: location)
                }
                return date
            }
        }
        log.error("'timestamp' must be a timestamp YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], found \"\(text)\"", at: location)
        return nil
    }
}
