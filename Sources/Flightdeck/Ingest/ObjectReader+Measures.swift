import FlightdeckCore
package import Foundation

/// Typed getters for the measured quantities of operational data: counts, percents, durations, instants.
extension ObjectReader {
    /// A whole number of things (requests, errors); negative counts are errors.
    package func count(_ key: String, required: Bool = false) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        let number: Int
        switch value.kind {
        case .int(let i): number = i
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: number = Int(d)
        default: return reject(key, value, "a whole number")
        }
        return number >= 0 ? number : reject(key, value, "a whole number ≥ 0")
    }

    /// A finite number ≥ 0 (a latency, a duration, a cost).
    package func nonNegative(_ key: String, required: Bool = false) -> Double? {
        guard let value = value(key, required: required) else { return nil }
        guard let number = Self.number(value) else { return reject(key, value, "a number") }
        return number >= 0 ? number : reject(key, value, "a number ≥ 0")
    }

    /// A percentage from 0 to 100.
    package func percent(_ key: String, required: Bool = false) -> Double? {
        guard let value = value(key, required: required) else { return nil }
        guard let number = Self.number(value) else { return reject(key, value, "a percentage") }
        return (0...100).contains(number) ? number : reject(key, value, "a percentage from 0 to 100")
    }

    /// A fraction from 0 to 1 (a rate).
    package func fraction(_ key: String, required: Bool = false) -> Double? {
        guard let value = value(key, required: required) else { return nil }
        guard let number = Self.number(value) else { return reject(key, value, "a number") }
        return (0...1).contains(number) ? number : reject(key, value, "a fraction from 0 to 1")
    }

    /// The instant of `key` together with the place it was written, for order checks.
    package func locatedInstant(_ key: String, required: Bool = false) -> (date: Date, location: SourceLocation)? {
        guard let date = instant(key, required: required), let node = node[key] else { return nil }
        return (date, node.location)
    }

    /// Reports that `later` comes before `earlier` (e.g. an end before its start).
    package func requireOrder(_ earlier: (date: Date, location: SourceLocation)?, _ earlierKey: String,
                              _ later: (date: Date, location: SourceLocation)?, _ laterKey: String) {
        guard let earlier, let later, later.date < earlier.date else { return }
        log.error("'\(laterKey)' (\(Timestamp.instantString(later.date))) must not be before '\(earlierKey)' (\(Timestamp.instantString(earlier.date)))",
                  at: later.location)
    }

    /// A finite number from an int or double node.
    static func number(_ node: DataNode) -> Double? {
        switch node.kind {
        case .int(let i): Double(i)
        case .double(let d) where d.isFinite: d
        default: nil
        }
    }

    private func reject<T>(_ key: String, _ value: DataNode, _ expected: String) -> T? {
        log.error("'\(key)' must be \(expected), found \(value.quoted)", at: value.location)
        return nil
    }
}
