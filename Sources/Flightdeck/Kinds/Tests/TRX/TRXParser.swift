import Foundation

/// The state machine behind `TRXReader`: turns XML events of a Visual Studio test results file into results,
/// the test definitions they point to, and the declared `ResultSummary/Counters`.
package final class TRXParser: XMLResultsParser {
    /// One `<UnitTestResult>` (or other result element) directly under `<Results>`.
    struct Result {
        var testId: String?
        var testName: String
        var outcome: TestOutcome
        var outcomeName: String
        var duration: Double?
        var location: SourceLocation
        var message = ""
        var trace = ""
        var stdout = ""
        var stderr = ""
    }

    private let tokens: XMLTokenizer
    private let log: DiagnosticLog
    private(set) var results: [Result] = []
    /// `UnitTest id` → its `TestMethod className` and `name`.
    private(set) var definitions: [String: (className: String?, method: String?)] = [:]
    /// The adapter (`executor://xunit/…`) of the first test definition.
    private(set) var adapter: String?
    private(set) var runName: String?
    private var declared: (location: SourceLocation, counters: [(name: String, value: Int)])?
    private var elements: [String] = []
    private var current: Result?
    private var currentDefinition: String?
    /// How many result elements nested inside the current one (MSTest's `InnerResults`) are open.
    private var innerDepth = 0
    private var capture: WritableKeyPath<Result, String>?
    private var forbiddenCount = 0

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
        compareCounters()
    }

    private func start(_ name: String, _ a: Attributes, _ location: SourceLocation) {
        let parent = elements.last
        elements.append(name)
        if parent == nil {
            guard name == "TestRun" else {
                log.error("the root element of a TRX file must be <TestRun>, found <\(name)>", at: location)
                return
            }
            runName = a["name"]
            return
        }
        if current != nil {
            if a["outcome"] != nil, name.hasSuffix("Result") || name == "TestResultAggregation" { innerDepth += 1 }
            guard innerDepth == 0 else { return }
            switch (parent, name) {
            case ("Output", "StdOut"): beginCapture(\.stdout)
            case ("Output", "StdErr"): beginCapture(\.stderr)
            case ("ErrorInfo", "Message"): beginCapture(\.message)
            case ("ErrorInfo", "StackTrace"): beginCapture(\.trace)
            default: break
            }
            return
        }
        switch (parent, name) {
        case ("Results", _):
            startResult(name, a, location)
        case ("TestDefinitions", _):
            currentDefinition = a["id"]
        case (_, "TestMethod") where currentDefinition != nil:
            if let id = currentDefinition { definitions[id] = (a["className"].map(Self.typeName), a["name"]) }
            if adapter == nil { adapter = a["adapterTypeName"] }
        case ("ResultSummary", "Counters"):
            var counters: [(name: String, value: Int)] = []
            for (key, text) in a.list {
                guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                    log.warning("<Counters> '\(key)' must be a whole number ≥ 0, found \"\(text)\"; ignored", at: location)
                    continue
                }
                counters.append((key, value))
            }
            declared = (location, counters)
        default: break
        }
    }

    private func startResult(_ name: String, _ a: Attributes, _ location: SourceLocation) {
        guard let outcomeText = a["outcome"] else {
            log.error("<\(name)> is missing the attribute 'outcome'; expected one of \(TRXOutcome.names.joined(separator: ", "))", at: location)
            current = Result(testId: a["testId"], testName: a["testName"] ?? "", outcome: .error, outcomeName: "", location: location)
            return
        }
        let known = TRXOutcome.outcome(outcomeText)
        if known == nil {
            log.error("unknown TRX outcome '\(outcomeText)'; expected one of \(TRXOutcome.names.joined(separator: ", "))"
                      + Suggestion.phrase(for: outcomeText, in: TRXOutcome.names) + "; counted as error", at: location)
        }
        if a["testName"] == nil { log.error("<\(name)> is missing the attribute 'testName'", at: location) }
        var duration: Double?
        if let text = a["duration"], !text.isEmpty {
            duration = TRXOutcome.seconds(text)
            if duration == nil { log.warning("<\(name)> 'duration' must be hh:mm:ss.fffffff, found \"\(text)\"; ignored", at: location) }
        }
        current = Result(testId: a["testId"], testName: a["testName"] ?? "", outcome: known?.outcome ?? .error,
                         outcomeName: known?.name ?? outcomeText, duration: duration, location: location)
    }

    private func beginCapture(_ path: WritableKeyPath<Result, String>) {
        capture = path
        tokens.captureText = true
    }

    private func append(_ text: String) {
        guard let path = capture, var result = current else { return }
        CapturedText.append(text, to: &result[keyPath: path])
        current = result
    }

    private func end(_ name: String) {
        elements.removeLast()
        if current != nil {
            if innerDepth > 0 {
                if name.hasSuffix("Result") || name == "TestResultAggregation" { innerDepth -= 1 }
                return
            }
            if elements.last == "Results", let result = current {
                results.append(result)
                current = nil
            }
            capture = nil
            tokens.captureText = false
            return
        }
        if elements.last == "TestDefinitions" { currentDefinition = nil }
    }

    /// Warns about each declared counter that disagrees with the results found. `notExecuted` is compared only when
    /// declared above 0: vstest leaves it at 0 and counts such results as total − executed.
    private func compareCounters() {
        guard let (location, counters) = declared else { return }
        var counted: [String: Int] = ["total": results.count,
                                      "executed": results.count(where: { !TRXOutcome.notExecuted.contains($0.outcomeName) })]
        for name in TRXOutcome.names { counted[TRXOutcome.counter(name)] = results.count(where: { $0.outcomeName == name }) }
        for (key, said) in counters {
            guard let found = counted[key], said != found, key != "notExecuted" || said > 0 else { continue }
            log.warning("<Counters> declares \(key)=\"\(said)\" but the file has \(found) such results; the results are counted", at: location)
        }
    }

    /// `Namespace.Class` from MSTest's `Namespace.Class, Assembly, Version=…`.
    private static func typeName(_ text: String) -> String {
        String(text.prefix { $0 != "," }).trimmingCharacters(in: .whitespaces)
    }
}
