import FlightdeckCore
package import Foundation

/// Reads typed fields from a mapping node, reporting every problem to a log with its place and field.
///
/// Each getter returns nil when the field is absent (reporting an error if it was `required`) or has
/// the wrong type (always reported). Call `warnUnknownKeys()` last: keys never asked for get a warning
/// naming the closest known key.
package final class ObjectReader {
    /// The mapping being read.
    package let node: DataNode
    /// Where problems go.
    package let log: DiagnosticLog
    private let entries: [(key: String, keyLocation: SourceLocation, value: DataNode)]
    private var known: [String] = []

    /// Wraps a node that must be a mapping; reports an error and returns nil otherwise.
    package init?(_ node: DataNode, log: DiagnosticLog, what: String) {
        guard let entries = node.entries else {
            log.error("\(what) must be a mapping, found \(node.typeDescription)", at: node.location)
            return nil
        }
        self.node = node
        self.log = log
        self.entries = entries
        known.reserveCapacity(max(entries.count, 8))   // one allocation for the keys asked for
    }

    /// All keys present, in source order.
    package var keys: [String] { entries.map(\.key) }

    /// The raw node of a field, marking the key as known. Reports a missing required field.
    package func value(_ key: String, required: Bool = false) -> DataNode? {
        known.append(key)
        // By index: `first(where:)` would copy every entry it passes (key, place and value).
        if let index = entries.firstIndex(where: { $0.key == key }) {
            let value = entries[index].value
            if case .null = value.kind, required {
                log.error("'\(key)' is required but is empty", at: value.location)
                return nil
            }
            if case .null = value.kind { return nil }
            return value
        }
        if required { log.error("missing required field '\(key)'", at: node.location) }
        return nil
    }

    /// Reports a wrong-type field and returns nil.
    private func mismatch<T>(_ key: String, _ value: DataNode, expected: String) -> T? {
        log.error("'\(key)' must be \(expected), found \(value.quoted)", at: value.location)
        return nil
    }

    /// A text field; numbers and booleans are taken as written (`version: 2.10` is "2.10").
    package func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key, required: required) else { return nil }
        if let text = value.scalarText { return text }
        return mismatch(key, value, expected: "text")
    }

    /// An integer field, optionally within a range.
    package func int(_ key: String, required: Bool = false, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        let number: Int
        switch value.kind {
        case .int(let i): number = i
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: number = Int(d)
        default: return mismatch(key, value, expected: "an integer")
        }
        if let range, !range.contains(number) {
            return mismatch(key, value, expected: "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A number field, optionally within a range.
    package func double(_ key: String, required: Bool = false, in range: ClosedRange<Double>? = nil) -> Double? {
        guard let value = value(key, required: required) else { return nil }
        let number: Double
        switch value.kind {
        case .int(let i): number = Double(i)
        case .double(let d): number = d
        default: return mismatch(key, value, expected: "a number")
        }
        if let range, !range.contains(number) {
            return mismatch(key, value, expected: "a number from \(format(range.lowerBound)) to \(format(range.upperBound))")
        }
        return number
    }

    /// A boolean field.
    package func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let value = value(key, required: required) else { return nil }
        if case .bool(let b) = value.kind { return b }
        return mismatch(key, value, expected: "true or false")
    }

    /// A calendar date `YYYY-MM-DD`.
    package func date(_ key: String, required: Bool = false) -> Date? {
        guard let value = value(key, required: required) else { return nil }
        if let text = value.scalarText, let date = Timestamp.date(text) { return date }
        return mismatch(key, value, expected: "a date YYYY-MM-DD")
    }

    /// An instant with a time zone, e.g. `2026-03-02T14:05:00Z`.
    package func instant(_ key: String, required: Bool = false) -> Date? {
        guard let value = value(key, required: required) else { return nil }
        guard let text = value.scalarText else { return mismatch(key, value, expected: "a timestamp") }
        switch Timestamp.instant(text) {
        case .success(let date): return date
        case .failure(.missingTimeZone):
            return mismatch(key, value, expected: "a timestamp with a time zone (add Z for UTC or an offset like +02:00)")
        case .failure(.malformed):
            return mismatch(key, value, expected: "a timestamp YYYY-MM-DDTHH:MM[:SS]Z")
        }
    }

    /// One of a fixed set of words; a near miss gets a did-you-mean.
    package func choice(_ key: String, required: Bool = false, of allowed: [String]) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard let text = value.scalarText else { return mismatch(key, value, expected: "one of \(allowed.joined(separator: ", "))") }
        if allowed.contains(text) { return text }
        if let match = allowed.first(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) { return match }
        log.error("'\(key)' must be one of \(allowed.joined(separator: ", ")), found \"\(text)\"" + Suggestion.phrase(for: text, in: allowed),
                  at: value.location)
        return nil
    }

    /// A list field; each element is handed over with its own location.
    package func list(_ key: String, required: Bool = false) -> [DataNode]? {
        guard let value = value(key, required: required) else { return nil }
        if let elements = value.elements { return elements }
        return mismatch(key, value, expected: "a list")
    }

    /// A list of text values.
    package func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let elements = list(key, required: required) else { return nil }
        var result: [String] = []
        for element in elements {
            guard let text = element.scalarText else {
                log.error("'\(key)' must be a list of text, found \(element.quoted)", at: element.location)
                continue
            }
            result.append(text)
        }
        return result
    }

    /// A nested mapping field.
    package func object(_ key: String, required: Bool = false) -> ObjectReader? {
        guard let value = value(key, required: required) else { return nil }
        return ObjectReader(value, log: log, what: "'\(key)'")
    }

    /// Warns about each key never asked for, naming the closest known key.
    package func warnUnknownKeys() {
        for entry in entries where !known.contains(entry.key) {
            log.warning("unknown key '\(entry.key)'" + Suggestion.phrase(for: entry.key, in: known), at: entry.keyLocation)
        }
    }

    private func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
