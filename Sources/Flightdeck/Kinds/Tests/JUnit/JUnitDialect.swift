import Foundation

/// What differs between runners' JUnit XML, in one place.
///
/// Every `<testcase>` element is one test result: same-named testcases are distinct tests (jest-junit,
/// CPython's regrtest, JUnit 5 parameterised tests), never merged.
///
/// - Surefire/Failsafe: `<flakyFailure>`/`<flakyError>`/`<rerunFailure>`/`<rerunError>` are failed attempts of a
///   rerun test; with no `<failure>`/`<error>` it passed in the end and is flaky (counted as passed, as Surefire
///   does); times may carry thousands separators (`time="1,234.5"`).
/// - ctest, googletest, tst: `status="disabled|notrun"` on the testcase is skipped.
/// - Eclipse (`<testrun>` root): `ignored="true"` on the testcase is skipped.
/// - Jest (jest-junit): `<failure>` has no `message`; the first line of the body is the message.
/// - PHPUnit: nested `<testsuite>`s (file → class); `class`/`assertions` attributes.
/// - pytest: a testcase may hold both `<failure>` and a teardown `<error>`; it counts once, as an error.
/// - go-junit-report/gotestsum: `go.version` suite property; `swift test --xunit-output`: one suite `TestResults`.
enum JUnitDialect {
    /// Evidence gathered while reading, to name the runner.
    struct Evidence {
        var rootName = ""
        var rootAttributes: [String: String] = [:]
        var suiteNames: [String] = []
        var caseAttributes: Set<String> = []
        var elements: Set<String> = []
        var propertyNames: Set<String> = []
    }

    /// The runner the file most likely came from.
    static func runner(_ e: Evidence) -> String {
        let rootLabel = e.rootAttributes["name"]?.lowercased() ?? ""
        if !e.elements.isDisjoint(with: ["flakyFailure", "flakyError", "rerunFailure", "rerunError"])
            || (e.rootAttributes["xsi:noNamespaceSchemaLocation"] ?? "").contains("surefire") { return "surefire" }
        if e.rootName == "testrun" { return "eclipse" }
        if e.caseAttributes.contains("status") { return rootLabel == "alltests" ? "googletest" : "ctest" }
        if e.caseAttributes.contains("assertions") || e.caseAttributes.contains("class") { return "phpunit" }
        if e.propertyNames.contains("go.version") { return "go" }
        if rootLabel.contains("jest") { return "jest" }
        if rootLabel.contains("vitest") { return "vitest" }
        if rootLabel.contains("mocha") { return "mocha" }
        if rootLabel == "nextest-run" { return "nextest" }
        if rootLabel.contains("pytest") || e.suiteNames.first == "pytest" { return "pytest" }
        if e.suiteNames.first == "TestResults" { return "swift" }
        if e.rootName == "testsuite", e.rootAttributes["hostname"] != nil, e.rootAttributes["timestamp"] != nil { return "gradle" }
        return "unknown"
    }

    /// Seconds from a `time` attribute: a plain decimal, Surefire's `1,234.5`, or a decimal comma `0,5`.
    static func seconds(_ text: String) -> Double? {
        var copy = text
        if let plain = copy.withUTF8({ NumberParser.double($0) }) { return plain }
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.contains(",") {
            let parts = t.split(separator: ",", omittingEmptySubsequences: false)
            let grouped = parts.dropFirst().allSatisfy { $0.prefix { $0.isNumber }.count == 3 }
            t = grouped ? parts.joined() : t.replacingOccurrences(of: ",", with: ".")
        }
        guard let value = Double(t), value.isFinite, !t.lowercased().contains("n") else { return nil }
        return value
    }

    /// The outcome of a testcase from its direct children: `<failure>`, else `<error>`, else `<skipped>`;
    /// else the runners' own "did not run" attributes; else passed.
    static func outcome(_ c: JUnitCaseFrame) -> TestOutcome {
        if c.failure != nil { return .failed }
        if c.error != nil { return .error }
        if c.skipped != nil || c.status == "disabled" || c.status == "notrun" || c.ignored { return .skipped }
        return .passed
    }

    /// The message of a failure: its `message` attribute, or the first non-empty line of its body (Jest).
    static func message(_ detail: JUnitCaseFrame.Detail) -> String? {
        if let message = detail.message, !message.isEmpty { return message }
        return detail.body.split(separator: "\n").lazy.map(trimmed).first { !$0.isEmpty }
    }

    /// Text without leading and trailing whitespace and line breaks (pure Swift; Foundation's bridging is slow).
    static func trimmed(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
