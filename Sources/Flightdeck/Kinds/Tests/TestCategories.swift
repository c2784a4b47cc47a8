import Foundation

/// A failure category from `tests: categories:` in flightdeck.yaml, as Allure's categories: a failing test whose
/// message and trace match (each pattern given must be found in its text) and whose outcome is listed goes into
/// the first category that matches.
package struct TestCategory: Sendable, Encodable {
    /// The category's name, shown on the tests page.
    package let name: String
    /// The pattern searched for in the failure message (ICU syntax, close to Python's `re`), if any.
    package let message: String?
    /// The pattern searched for in the stack trace, if any.
    package let trace: String?
    /// The outcomes it takes: `failed`, `error` (Allure's `broken`), or both (the default).
    package let statuses: [TestOutcome]
    private let messagePattern: CategoryPattern?
    private let tracePattern: CategoryPattern?

    private enum CodingKeys: String, CodingKey { case name, message, trace, statuses }

    /// How much of a message or trace a pattern examines: its first 8,192 Unicode scalars. ICU's matcher
    /// backtracks, so this bounds the work one pattern can do on one test.
    package static let examinedLength = 8_192

    /// The category a test goes into when none matches: failed tests are product defects, errored tests test defects.
    package static func defaultName(for outcome: TestOutcome) -> String {
        outcome == .error ? "Test defects" : "Product defects"
    }

    /// A category with its patterns compiled; nil (after reporting where) when a pattern is not valid.
    package init?(name: String, message: String?, trace: String?, statuses: [TestOutcome] = [.failed, .error]) {
        var messagePattern: CategoryPattern?, tracePattern: CategoryPattern?
        if let message {
            guard let compiled = CategoryPattern(message) else { return nil }
            messagePattern = compiled
        }
        if let trace {
            guard let compiled = CategoryPattern(trace) else { return nil }
            tracePattern = compiled
        }
        self.name = name
        self.message = message
        self.trace = trace
        self.statuses = statuses
        self.messagePattern = messagePattern
        self.tracePattern = tracePattern
    }

    /// Whether a failing test belongs here: its outcome is listed and every pattern given is found.
    package func matches(outcome: TestOutcome, message text: String?, trace stack: String?) -> Bool {
        guard statuses.contains(outcome) else { return false }
        if let messagePattern { guard let text, messagePattern.found(in: text) else { return false } }
        if let tracePattern { guard let stack, tracePattern.found(in: stack) else { return false } }
        return true
    }

    /// Reads one entry of `categories:`: `name`, `message`, `trace`, `statuses`; problems go to the reader's log.
    static func read(_ node: DataNode, log: DiagnosticLog) -> TestCategory? {
        guard let reader = ObjectReader(node, log: log, what: "a test category") else { return nil }
        defer { reader.warnUnknownKeys() }
        let name = reader.string("name", required: true)
        var valid = true
        func pattern(_ key: String) -> String? {
            guard let text = reader.string(key), let place = reader.value(key) else { return nil }
            if CategoryPattern(text) == nil {
                log.error("'\(key)' is not a valid regular expression: \"\(text)\"", at: place.location)
                valid = false
            }
            return text
        }
        let message = pattern("message"), trace = pattern("trace")
        var statuses: [TestOutcome] = []
        for status in reader.list("statuses") ?? [] {
            switch status.scalarText?.lowercased() {
            case "failed": statuses.append(.failed)
            case "error", "broken": statuses.append(.error)
            default: log.error("'statuses' lists failed or error (broken), found \(status.quoted)", at: status.location)
            }
        }
        guard valid, let name else { return nil }
        return TestCategory(name: name, message: message, trace: trace, statuses: statuses.isEmpty ? [.failed, .error] : statuses)
    }
}

/// A compiled pattern (NSRegularExpression is immutable and safe to share between threads).
private struct CategoryPattern: @unchecked Sendable {
    let regex: NSRegularExpression

    init?(_ pattern: String) {
        do {
            regex = try NSRegularExpression(pattern: pattern)
        } catch {
            return nil  // the caller reports the pattern with its place
        }
    }

    /// Whether the pattern is found in the first `TestCategory.examinedLength` scalars of the text.
    func found(in text: String) -> Bool {
        let scalars = text.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: TestCategory.examinedLength, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let examined = end == scalars.endIndex ? text : String(scalars[..<end])
        return regex.firstMatch(in: examined, range: NSRange(examined.startIndex..., in: examined)) != nil
    }
}

/// The failing tests of one category.
package struct CategoryFigures: Sendable, Encodable {
    /// The category's name.
    package let name: String
    /// Whether it is a default (`Product defects`, `Test defects`) rather than one of flightdeck.yaml.
    package let isDefault: Bool
    /// Ids of its tests, in file order (on a page: at most `PageRows.limit`).
    package var tests: [String]
    /// Tests a page leaves off (absent in summary.json, which has them all).
    package var testsOmitted: Int? = nil
}

enum TestCategoriser {
    /// Each failure's category, and the categories with tests: configured ones in their order, then the defaults.
    /// `ids` holds each failure's test id (the caller's strings, so that the lists hold no copies).
    static func categorise(_ failures: [TestFailure], ids: [String], categories: [TestCategory]) -> (names: [String], groups: [CategoryFigures]) {
        var members: [String: [String]] = [:]
        var names: [String] = []
        names.reserveCapacity(failures.count)
        for (failure, id) in zip(failures, ids) {
            let outcome = failure.testCase.outcome
            let name = categories.first { $0.matches(outcome: outcome, message: failure.message, trace: failure.trace) }?.name
                ?? TestCategory.defaultName(for: outcome)
            names.append(name)
            members[name, default: []].append(id)
        }
        var groups: [CategoryFigures] = []
        var seen: Set<String> = []
        for category in categories where seen.insert(category.name).inserted {
            if let tests = members[category.name] { groups.append(.init(name: category.name, isDefault: false, tests: tests)) }
        }
        for name in [TestCategory.defaultName(for: .failed), TestCategory.defaultName(for: .error)] where seen.insert(name).inserted {
            if let tests = members[name] { groups.append(.init(name: name, isDefault: true, tests: tests)) }
        }
        return (names, groups)
    }
}
