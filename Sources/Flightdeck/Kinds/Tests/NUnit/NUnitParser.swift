import Foundation

/// The state machine behind `NUnitReader`: turns the XML events of an NUnit 3 result file into test cases
/// grouped by class, and checks the `<test-run>` totals.
package final class NUnitParser: XMLResultsParser {
    /// A `<test-case>` while it is read.
    struct Case {
        var name: String
        var className: String?
        var outcome: TestOutcome
        var result: String
        var duration: Double?
        var location: SourceLocation
        var properties: [TestProperty] = []
        var message = ""
        var trace = ""
        var reason = ""
        var output = ""
    }

    private let tokens: XMLTokenizer
    private let log: DiagnosticLog
    /// Cases by suite (the case's class, else its innermost suite's full name), in order of first appearance.
    private(set) var suites: [(name: String, cases: [TestCase])] = []
    private var suiteIndex: [String: Int] = [:]
    private var elements: [String] = []
    /// The `fullname` (else `name`) of each open `<test-suite>`.
    private var openSuites: [String] = []
    private var current: Case?
    private var capture: WritableKeyPath<Case, String>?
    private var declared: (location: SourceLocation, counts: [(name: String, value: Int)])?
    private var counted: [String: Int] = [:]
    private var forbiddenCount = 0
    private var fileStem: String { ((tokens.path as NSString).lastPathComponent as NSString).deletingPathExtension }

    package init(_ tokens: XMLTokenizer, log: DiagnosticLog) {
        self.tokens = tokens
        self.log = log
    }

    package func run() throws(DiagnosticError) {
        while let token = try tokens.next() {
            switch token {
            case .start(let name, let attributes, let location, _): start(name, Attributes(attributes), location)
            case .end(let name): end(name)
            case .text(let text): append(text)
            }
            if !tokens.forbidden.isEmpty { XMLForbiddenReport.report(tokens, log: log, count: &forbiddenCount) }
        }
        compareTotals()
    }

    private func start(_ name: String, _ a: Attributes, _ location: SourceLocation) {
        let parent = elements.last
        elements.append(name)
        if parent == nil {
            guard name == "test-run" else {
                log.error("the root element of an NUnit 3 result file must be <test-run>, found <\(name)>", at: location)
                return
            }
            var counts: [(name: String, value: Int)] = []
            for key in ["total", "passed", "failed", "warnings", "inconclusive", "skipped"] {
                guard let text = a[key] else { continue }
                guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                    log.warning("<test-run> '\(key)' must be a whole number ≥ 0, found \"\(text)\"; ignored", at: location)
                    continue
                }
                counts.append((key, value))
            }
            declared = (location, counts)
            return
        }
        switch name {
        case "test-suite" where current == nil:
            openSuites.append(a["fullname"] ?? a["name"] ?? fileStem)
        case "test-case" where current == nil:
            startCase(a, location)
        case "property" where current != nil && elements.dropLast().last == "properties" && elements.dropLast(2).last == "test-case":
            if let key = a["name"], let value = a["value"] { current?.properties.append(TestProperty(name: key, value: value)) }
        case "message" where current != nil && parent == "failure" && elements.dropLast(2).last == "test-case": beginCapture(\.message)
        case "stack-trace" where current != nil && parent == "failure" && elements.dropLast(2).last == "test-case": beginCapture(\.trace)
        case "message" where current != nil && parent == "reason" && elements.dropLast(2).last == "test-case": beginCapture(\.reason)
        case "output" where current != nil && parent == "test-case": beginCapture(\.output)
        default: break
        }
    }

    private func startCase(_ a: Attributes, _ location: SourceLocation) {
        let name = a["name"] ?? ""
        if a["name"] == nil { log.error("<test-case> is missing the required attribute 'name'", at: location) }
        let result = a["result"] ?? ""
        var outcome = NUnitOutcome.outcome(result: result, label: a["label"])
        if outcome == nil {
            let found = a["result"].map { "found '\($0)'" + Suggestion.phrase(for: $0, in: NUnitOutcome.results) } ?? "it has none"
            log.error("<test-case name=\"\(name)\"> 'result' must be one of \(NUnitOutcome.results.joined(separator: ", ")), \(found); counted as error",
                      at: location)
            outcome = .error
        }
        var duration: Double?
        if let text = a["duration"] ?? a["time"], !text.isEmpty { // NUnit 3.0 wrote `time`, later versions `duration`
            duration = JUnitDialect.seconds(text).flatMap { $0 >= 0 ? $0 : nil }
            if duration == nil { log.warning("<test-case> 'duration' must be a number of seconds ≥ 0, found \"\(text)\"; ignored", at: location) }
        }
        current = Case(name: name, className: a["classname"].flatMap { $0.isEmpty ? nil : $0 }, outcome: outcome ?? .error,
                       result: result, duration: duration, location: location)
    }

    private func beginCapture(_ path: WritableKeyPath<Case, String>) {
        capture = path
        tokens.captureText = true
    }

    private func append(_ text: String) {
        guard let path = capture, var c = current else { return }
        CapturedText.append(text, to: &c[keyPath: path])
        current = c
    }

    private func end(_ name: String) {
        elements.removeLast()
        switch name {
        case "test-case" where current != nil && !elements.contains("test-case"):
            if let c = current { finish(c) }
            current = nil
            capture = nil
            tokens.captureText = false
        case "message", "stack-trace", "output":
            capture = nil
            tokens.captureText = false
        case "test-suite" where current == nil:
            _ = openSuites.popLast()
        default: break
        }
    }

    private func finish(_ c: Case) {
        counted["total", default: 0] += 1
        if NUnitOutcome.results.contains(c.result) { counted[NUnitOutcome.counter(c.result), default: 0] += 1 }
        let suite = c.className ?? openSuites.last ?? fileStem
        let failing = c.outcome.isFailing
        let message = JUnitDialect.trimmed(c.message.isEmpty ? c.reason : c.message)
        let trace = JUnitDialect.trimmed(c.trace)
        let test = TestCase(suite: suite, className: c.className, name: c.name, duration: c.duration, outcome: c.outcome,
                            message: message.isEmpty ? nil : message, failureType: nil,
                            trace: failing && !trace.isEmpty ? trace : nil, description: nil,
                            systemOut: failing && !c.output.isEmpty ? c.output : nil, systemErr: nil, properties: c.properties)
        if let index = suiteIndex[suite] {
            suites[index].cases.append(test)
        } else {
            suiteIndex[suite] = suites.count
            suites.append((suite, [test]))
        }
    }

    /// Warns about each `<test-run>` total that disagrees with the test cases (NUnit's `failed` counts errors too).
    private func compareTotals() {
        guard let (location, counts) = declared else { return }
        for (key, said) in counts {
            let found = counted[key, default: 0]
            guard said != found else { continue }
            log.warning("<test-run> declares \(key)=\"\(said)\" but contains \(found); the test cases are counted", at: location)
        }
    }
}
