import FlightdeckCore
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

/// Duplicate detection for large files, sort-based so memory is touched in order: each id's 64-bit FNV-1a
/// hash (top 40 bits) is packed with its row index, the keys are sorted once after the scan, and only ids
/// whose hashes meet are compared. Errors are reported after the rows, in line order.
struct FastDuplicateIDs {
    private var keys: [UInt64] = []
    private var ids: [String] = []
    private var places: [(line: Int, column: Int)] = []
    private static let indexBits: UInt64 = 24

    /// An empty record with room for about `expected` ids.
    init(expected: Int) {
        keys.reserveCapacity(expected)
        ids.reserveCapacity(expected)
        places.reserveCapacity(expected)
    }

    /// Remembers `id` (whose UTF-8 is `bytes`) and where it is.
    mutating func add(_ id: String, bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        keys.append(hash & ~((1 << Self.indexBits) - 1) | UInt64(truncatingIfNeeded: ids.count) & ((1 << Self.indexBits) - 1))
        ids.append(id)
        places.append((line, column))
    }

    /// Reports every id seen before, at its place, naming the line it was first used on.
    func report(field: String, path: String, log: DiagnosticLog) {
        var duplicates: [(index: Int, first: Int)] = []
        if ids.count >= 1 << Int(Self.indexBits) {
            var first: [String: Int] = [:]
            for (index, id) in ids.enumerated() {
                if let earlier = first[id] { duplicates.append((index, earlier)) } else { first[id] = index }
            }
        } else {
            let sorted = keys.sorted()
            let mask: UInt64 = (1 << Self.indexBits) - 1
            var run = 0
            while run < sorted.count {
                var end = run + 1
                while end < sorted.count, sorted[end] & ~mask == sorted[run] & ~mask { end += 1 }
                if end - run > 1 {
                    var first: [String: Int] = [:]
                    for key in sorted[run..<end] {
                        let index = Int(key & mask)
                        if let earlier = first[ids[index]] { duplicates.append((index, earlier)) } else { first[ids[index]] = index }
                    }
                }
                run = end
            }
        }
        for (index, first) in duplicates.sorted(by: { $0.index < $1.index }) {
            log.error("duplicate '\(field)' \"\(ids[index])\"; first used at line \(places[first].line)",
                      at: SourceLocation(file: path, line: places[index].line, column: places[index].column))
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
