import FlightdeckCore
import Foundation

/// An element's attributes, looked up by a linear scan (elements have few; cheaper than a dictionary).
struct Attributes {
    let list: [(name: String, value: String)]

    init(_ list: [(name: String, value: String)]) { self.list = list }

    subscript(_ key: String) -> String? { list.first { $0.name == key }?.value }
}

/// The state machine behind `JUnitReader`: turns XML events into suites and cases.
package final class JUnitParser: XMLResultsParser {
    private let tokens: XMLTokenizer
    private let log: DiagnosticLog
    private(set) var finished: [JUnitSuiteFrame] = []
    private(set) var evidence = JUnitDialect.Evidence()
    private var suites: [JUnitSuiteFrame] = []
    private var current: JUnitCaseFrame?
    /// Testcases left open while a testcase nested inside them is read (each one counts).
    private var enclosing: [JUnitCaseFrame] = []
    private var elements: [String] = []
    private var capture: WritableKeyPath<JUnitCaseFrame, String>?
    private var captureProperty: (name: String, value: String)?
    private var rootDeclared: (name: String, location: SourceLocation, counts: JUnitTally)?
    private var totals = JUnitTally()
    private var forbiddenCharacters = 0
    private var firstUnlisted: SourceLocation?
    private var suiteCount = 0
    private var casesSeen = 0
    /// Class names, file names and exception types, each kept once.
    private var pool = StringPool()
    private static let details: Set<String> = ["failure", "error", "skipped", "flakyFailure", "flakyError", "rerunFailure", "rerunError"]

    package init(_ tokens: XMLTokenizer, log: DiagnosticLog) {
        self.tokens = tokens
        self.log = log
    }

    package func run() throws(DiagnosticError) {
        while let token = try tokens.next() {
            switch token {
            case .start(let name, let attributes, let location, _): start(name, attributes, location)
            case .end(let name): end(name)
            case .text(let text): append(text)
            }
            if !tokens.forbidden.isEmpty { reportForbidden() }
        }
        if let first = firstUnlisted {
            log.warning("\(forbiddenCharacters - Self.forbiddenListed) more control characters that XML 1.0 forbids from here on; shown as visible symbols", at: first)
        }
        if let root = rootDeclared { compare(root.counts, totals, what: "<\(root.name)>", at: root.location) }
    }

    /// How many forbidden control characters are reported one by one; the rest are summed up at the end.
    static let forbiddenListed = 10

    private func reportForbidden() {
        for character in tokens.forbidden {
            forbiddenCharacters += 1
            guard forbiddenCharacters <= Self.forbiddenListed else {
                if firstUnlisted == nil { firstUnlisted = character.location }
                continue
            }
            let code = String(format: "U+%04X", character.scalar)
            log.warning("control character \(code) is not allowed in XML 1.0; shown as \(XMLEntities.visible(character.scalar))", at: character.location)
        }
        tokens.forbidden.removeAll(keepingCapacity: true)
    }

    private func start(_ name: String, _ list: [(name: String, value: String)], _ location: SourceLocation) {
        let a = Attributes(list)
        let parent = elements.last
        elements.append(name)
        if let first = name.utf8.first, first == UInt8(ascii: "f") || first == UInt8(ascii: "r"), name.hasPrefix("flaky") || name.hasPrefix("rerun") {
            evidence.elements.insert(name)
        }
        if parent == nil {
            evidence.rootName = name
            for (key, value) in list where evidence.rootAttributes[key] == nil { evidence.rootAttributes[key] = value }
            guard name == "testsuites" || name == "testsuite" || name == "testrun" else {
                log.error("the root element must be <testsuites>, <testsuite> or Eclipse's <testrun>, found <\(name)>", at: location)
                return
            }
            if name != "testsuite" { rootDeclared = (name, location, declaredCounts(a, location)) }
        }
        switch name {
        case "testsuite" where current == nil:
            let suiteName = a["name"].flatMap { $0.isEmpty ? nil : $0 } ?? (suites.last.map(\.name) ?? fileStem)
            let fullName = suites.last.map { $0.name == suiteName || suiteName.hasPrefix($0.name) ? suiteName : "\($0.name) › \(suiteName)" } ?? suiteName
            evidence.suiteNames.append(suiteName)
            let declared = declaredCounts(a, location)
            var suite = JUnitSuiteFrame(name: fullName, location: location, declared: declared,
                                        time: time(a["time"], location, what: "testsuite"),
                                        timestamp: a["timestamp"].flatMap(timestamp), order: suiteCount)
            // The declared count, when there is one, sizes the list once (a test case is a large value to move).
            suite.cases.reserveCapacity(min(declared.tests ?? 0, 100_000))
            suites.append(suite)
            suiteCount += 1
        case "testcase":
            if let open = current { enclosing.append(open); capture = nil; tokens.captureText = false }
            casesSeen += 1
            if casesSeen <= 50 { evidence.caseAttributes.formUnion(list.map(\.name)) }
            if a["name"] == nil { log.error("<testcase> is missing the required attribute 'name'", at: location) }
            current = JUnitCaseFrame(name: a["name"] ?? "", className: pool(a["classname"].flatMap { $0.isEmpty ? nil : $0 } ?? a["class"]),
                                     time: time(a["time"], location, what: "testcase"), file: pool(a["file"]), status: a["status"],
                                     ignored: a["ignored"] == "true", location: location)
        case let detail where Self.details.contains(detail) && current != nil && parent == "testcase":
            startDetail(name, a)
        case "system-out" where current != nil && parent == "testcase": beginCapture(\.systemOut)
        case "system-err" where current != nil && parent == "testcase": beginCapture(\.systemErr)
        case "property":
            let propertyName = a["name"] ?? ""
            evidence.propertyNames.insert(propertyName)
            if let value = a["value"] { addProperty(TestProperty(name: propertyName, value: value)) }
            else { captureProperty = (propertyName, ""); tokens.captureText = true }
        default: break
        }
    }

    private var fileStem: String {
        ((tokens.path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    private func startDetail(_ name: String, _ a: Attributes) {
        let detail = JUnitCaseFrame.Detail(message: a["message"], type: pool(a["type"]))
        switch name {
        case "failure": if current?.failure == nil { current?.failure = detail; beginCapture(\.failureBody) }
        case "error": if current?.error == nil { current?.error = detail; beginCapture(\.errorBody) }
        case "skipped": current?.skipped = detail; beginCapture(\.skippedBody)
        default: // flakyFailure, flakyError, rerunFailure, rerunError
            current?.reruns += 1
            if current?.flaky == nil { current?.flaky = detail; beginCapture(\.flakyBody) }
        }
    }

    private func beginCapture(_ path: WritableKeyPath<JUnitCaseFrame, String>) {
        capture = path
        tokens.captureText = true
    }

    private func append(_ text: String) {
        if let property = captureProperty {
            if property.value.utf8.count < CapturedText.cap { captureProperty?.value += text }
            return
        }
        guard let path = capture, var frame = current else { return }
        CapturedText.append(text, to: &frame[keyPath: path])
        current = frame
    }

    private func end(_ name: String) {
        elements.removeLast()
        switch name {
        case "testcase":   // first: by far the most common, and each case is a string comparison
            if let frame = current { finishCase(frame) }
            current = enclosing.popLast()
            capture = nil
            tokens.captureText = false
        case "property":
            if let (propertyName, value) = captureProperty { addProperty(TestProperty(name: propertyName, value: value)) }
            captureProperty = nil
            tokens.captureText = capture != nil
        case "failure", "error", "skipped", "flakyFailure", "flakyError", "rerunFailure", "rerunError", "system-out", "system-err":
            if elements.last == "testcase" { capture = nil; tokens.captureText = false }
        case "testsuite" where current == nil:
            guard let suite = suites.popLast() else { return }
            compare(suite.declared, suite.counted, what: "<testsuite name=\"\(suite.name)\">", at: suite.location)
            if !suites.isEmpty { suites[suites.count - 1].counted.add(suite.counted) }
            if !suite.cases.isEmpty || (suites.isEmpty && finished.isEmpty) { finished.append(suite) }
        default: break
        }
    }

    private func addProperty(_ property: TestProperty) {
        if current != nil { current?.properties.append(property) }
        else if !suites.isEmpty { suites[suites.count - 1].properties.append(property) }
    }

    private func finishCase(_ frame: JUnitCaseFrame) {
        let outcome = JUnitDialect.outcome(frame)
        totals.add(outcome)
        if suites.isEmpty {
            // A testcase directly under <testsuites>: it goes in a suite named after the file.
            suites.append(JUnitSuiteFrame(name: evidence.rootAttributes["name"] ?? fileStem, location: frame.location, order: suiteCount))
            suiteCount += 1
            finishCase(frame, into: suites.count - 1, outcome)
            if let suite = suites.popLast() { finished.append(suite) }
            return
        }
        finishCase(frame, into: suites.count - 1, outcome)
    }

    private func finishCase(_ frame: JUnitCaseFrame, into index: Int, _ outcome: TestOutcome) {
        suites[index].counted.add(outcome)
        guard !frame.name.isEmpty else { return }
        suites[index].cases.append(frame.testCase(suite: suites[index].name))
    }

    /// The counts a suite or root declares; `disabled` (ctest, googletest) and `ignored` (Eclipse) count as skipped.
    private func declaredCounts(_ a: Attributes, _ location: SourceLocation) -> JUnitTally {
        var declared = JUnitTally.undeclared
        for key in ["tests", "failures", "errors", "skipped", "disabled", "ignored"] {
            guard let text = a[key] else { continue }
            // Digits alone need no trimming (Foundation's is slow); anything else is trimmed as before.
            let digitsOnly = !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard let value = Int(digitsOnly ? text : text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                log.warning("'\(key)' must be a whole number ≥ 0, found \"\(text)\"; ignored", at: location)
                continue
            }
            switch key {
            case "tests": declared.tests = value
            case "failures": declared.failures = value
            case "errors": declared.errors = value
            default: declared.skipped = (declared.skipped ?? 0) + value
            }
        }
        return declared
    }

    /// Warns about each declared count that disagrees with the testcases found.
    private func compare(_ declared: JUnitTally, _ counted: JUnitTally, what: String, at location: SourceLocation) {
        for ((key, said), (_, found)) in zip(declared.named, counted.named) {
            guard let said, let found, said != found else { continue }
            log.warning("\(what) declares \(key)=\"\(said)\" but contains \(found); the testcases are counted", at: location)
        }
    }

    private func time(_ text: String?, _ location: SourceLocation, what: String) -> Double? {
        guard let text, !text.isEmpty else { return nil }
        guard let seconds = JUnitDialect.seconds(text) else {
            log.warning("<\(what)> 'time' must be a number of seconds, found \"\(text)\"; ignored", at: location)
            return nil
        }
        guard seconds >= 0 else {
            log.warning("<\(what)> 'time' must not be negative, found \"\(text)\"; ignored", at: location)
            return nil
        }
        return seconds
    }

    private func timestamp(_ text: String) -> Date? {
        switch Timestamp.instant(text) {
        case .success(let date): return date
        case .failure(.missingTimeZone): if case .success(let date) = Timestamp.instant(text + "Z") { return date }
        case .failure(.malformed): break
        }
        return nil
    }
}
