import Foundation

/// Visual Studio TRX outcomes (`UnitTestResult outcome="…"`, vstest's `TestOutcome`) and how each maps to Flightdeck's four.
///
/// Passed, PassedButRunAborted, Warning and Completed ran to the end → passed; Failed → failed; Error, Timeout,
/// Aborted and Disconnected could not run properly → error; NotExecuted, NotRunnable, Inconclusive, Pending and
/// InProgress did not give a verdict → skipped.
enum TRXOutcome {
    /// Every outcome the TRX schema names, with the Flightdeck outcome it counts as.
    static let mapping: [(name: String, outcome: TestOutcome)] = [
        ("Passed", .passed), ("PassedButRunAborted", .passed), ("Warning", .passed), ("Completed", .passed),
        ("Failed", .failed),
        ("Error", .error), ("Timeout", .error), ("Aborted", .error), ("Disconnected", .error),
        ("NotExecuted", .skipped), ("NotRunnable", .skipped), ("Inconclusive", .skipped), ("Pending", .skipped), ("InProgress", .skipped),
    ]

    /// The outcome names, in the order messages list them.
    static let names = mapping.map(\.name)

    /// The Flightdeck outcome of a TRX outcome name (case-insensitive), or nil for a name the schema does not have.
    static func outcome(_ name: String) -> (name: String, outcome: TestOutcome)? {
        mapping.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// Outcomes vstest does not count as executed (`Counters executed` is total minus these).
    static let notExecuted: Set<String> = ["NotExecuted", "NotRunnable", "Pending"]

    /// The `Counters` attribute that counts results of an outcome: `NotExecuted` → `notExecuted`.
    static func counter(_ name: String) -> String { name.prefix(1).lowercased() + name.dropFirst() }

    /// Seconds from a TRX duration, `hh:mm:ss.fffffff` (a .NET `TimeSpan`, optionally with `d.` days first).
    static func seconds(_ text: String) -> Double? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let minutes = Int(parts[1]), let seconds = Double(parts[2]), seconds.isFinite, seconds >= 0 else { return nil }
        let dayHour = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(dayHour.count), let hours = dayHour.last.flatMap({ Int($0) }) else { return nil }
        let days = dayHour.count == 2 ? Int(dayHour[0]) : 0
        guard let days, days >= 0, hours >= 0, minutes >= 0 else { return nil }
        return Double(days * 86_400 + hours * 3_600 + minutes * 60) + seconds
    }
}
