import Foundation

/// An element's attributes, looked up by a linear scan (elements have few; cheaper than a dictionary).
struct Attributes {
    let list: [(name: String, value: String)]

    init(_ list: [(name: String, value: String)]) { self.list = list }

    subscript(_ key: String) -> String? { list.first { $0.name == key }?.value }
}

/// The state machine behind `JUnitReader`: turns XML events into suites and cases.
final class JUnitParser {
    private let tokens: XMLTokenizer
    private let log: DiagnosticLog
    private(set) var finished: [JUnitSuiteFrame] = []
    private(set) var evidence = JUnitDialect.Evidence()
    private var suites: [JUnitSuiteFrame] = []
    private var current: JUnitCaseFrame?
    private var elements: [String] = []
    private var capture: WritableKeyPath<JUnitCaseFrame, String>?
    private var captureProperty: (name: String, value: String)?
    private var rootDeclared: (location: SourceLocation, counts: [String: Int])?
    private var totals: [String: Int] = ["tests": 0, "failures": 0, "errors": 0, "skipped": 0]
    private var suiteCount = 0
    private var casesSeen = 0
    private static let details: Set<String> = ["failure", "error", "skipped", "flakyFailure", "flakyError", "rerunFailure", "rerunError"]

    init(_ tokens: XMLTokenizer, log: DiagnosticLog) {
        self.tokens = tokens
        self.log = log
    }

    func run() throws(DiagnosticError) {
        while let token = try tokens.next() {
            switch token {
            case .start(let name, let attributes, let location, _): start(name, attributes, location)
            case .end(let name): end(name)
            case .text(let text): append(text)
            }
        }
        if let root = rootDeclared { compare(root.counts, totals, what: "<testsuites>", at: root.location) }
    }

    private func start(_ name: String, _ list: [(name: String, value: String)], _ location: SourceLocation) {
        let a = Attributes(list)
        let parent = elements.last
        elements.append(name)
        if name.hasPrefix("flaky") || name.hasPrefix("rerun") { evidence.elements.insert(name) }
        if parent == nil {
            evidence.rootName = name
            for (key, value) in list where evidence.rootAttributes[key] == nil { evidence.rootAttributes[key] = value }
            guard name == "testsuites" || name == "testsuite" else {
                log.error("the root element must be <testsuites> or <testsuite>, found <\(name)>", at: location)
                return
            }
            if name == "testsuites" { rootDeclared = (location, declaredCounts(a, location)) }
        }
        switch name {
        case "testsuite" where current == nil:
            let suiteName = a["name"].flatMap { $0.isEmpty ? nil : $0 } ?? (suites.last.map(\.name) ?? fileStem)
            let fullName = suites.last.map { $0.name == suiteName || suiteName.hasPrefix($0.name) ? suiteName : "\($0.name) › \(suiteName)" } ?? suiteName
            evidence.suiteNames.append(suiteName)
            suites.append(JUnitSuiteFrame(name: fullName, location: location, declared: declaredCounts(a, location),
                                          time: time(a["time"], location, what: "testsuite"),
                                          timestamp: a["timestamp"].flatMap(timestamp), order: suiteCount))
            suiteCount += 1
        case "testcase" where current == nil:
            casesSeen += 1
            if casesSeen <= 50 { evidence.caseAttributes.formUnion(list.map(\.name)) }
            if a["name"] == nil { log.error("<testcase> is missing the required attribute 'name'", at: location) }
            current = JUnitCaseFrame(name: a["name"] ?? "", className: a["classname"].flatMap { $0.isEmpty ? nil : $0 } ?? a["class"],
                                     time: time(a["time"], location, what: "testcase"), file: a["file"], status: a["status"],
                                     location: location)
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
        let detail = JUnitCaseFrame.Detail(message: a["message"], type: a["type"])
        switch name {
        case "failure": if current?.failure == nil { current?.failure = detail; beginCapture(\.failureBody) }
        case "error": if current?.error == nil { current?.error = detail; beginCapture(\.errorBody) }
        case "skipped": current?.skipped = detail; beginCapture(\.skippedBody)
        case "flakyFailure", "flakyError":
            current?.flakyAttempts += 1
            if current?.flaky == nil { current?.flaky = detail; beginCapture(\.flakyBody) }
        default: current?.reruns += 1
        }
    }

    private func beginCapture(_ path: WritableKeyPath<JUnitCaseFrame, String>) {
        capture = path
        tokens.captureText = true
    }

    private func append(_ text: String) {
        if let property = captureProperty {
            if property.value.utf8.count < JUnitReader.textCap { captureProperty?.value += text }
            return
        }
        guard let path = capture, var frame = current else { return }
        let room = JUnitReader.textCap - frame[keyPath: path].utf8.count
        guard room > 0 else { return }
        frame[keyPath: path] += text.utf8.count <= room ? text : String(decoding: text.utf8.prefix(room), as: UTF8.self) + "…"
        current = frame
    }

    private func end(_ name: String) {
        elements.removeLast()
        switch name {
        case "property":
            if let (propertyName, value) = captureProperty { addProperty(TestProperty(name: propertyName, value: value)) }
            captureProperty = nil
            tokens.captureText = capture != nil
        case "failure", "error", "skipped", "flakyFailure", "flakyError", "system-out", "system-err":
            if elements.last == "testcase" { capture = nil; tokens.captureText = false }
        case "testcase" where elements.last != "testcase":
            if let frame = current { finishCase(frame) }
            current = nil
            capture = nil
            tokens.captureText = false
        case "testsuite" where current == nil:
            guard let suite = suites.popLast() else { return }
            compare(suite.declared, suite.counted, what: "<testsuite name=\"\(suite.name)\">", at: suite.location)
            if var parent = suites.popLast() {
                for (key, value) in suite.counted { parent.counted[key, default: 0] += value }
                suites.append(parent)
            }
            if !suite.cases.isEmpty || (suites.isEmpty && finished.isEmpty) { finished.append(suite) }
        default: break
        }
    }

    private func addProperty(_ property: TestProperty) {
        if current != nil { current?.properties.append(property) }
        else if !suites.isEmpty { suites[suites.count - 1].properties.append(property) }
    }

    private func finishCase(_ frame: JUnitCaseFrame) {
        var count: [String: Int] = ["tests": 1]
        if frame.failure != nil { count["failures"] = 1 }
        if frame.error != nil { count["errors"] = 1 }
        if frame.skipped != nil || frame.status == "disabled" || frame.status == "notrun" { count["skipped"] = 1 }
        for (key, value) in count { totals[key, default: 0] += value }
        if suites.isEmpty {
            // A testcase directly under <testsuites>: it goes in a suite named after the file.
            suites.append(JUnitSuiteFrame(name: evidence.rootAttributes["name"] ?? fileStem, location: frame.location, order: suiteCount))
            suiteCount += 1
            finishCase(frame, into: suites.count - 1, count)
            if let suite = suites.popLast() { finished.append(suite) }
            return
        }
        finishCase(frame, into: suites.count - 1, count)
    }

    private func finishCase(_ frame: JUnitCaseFrame, into index: Int, _ count: [String: Int]) {
        for (key, value) in count { suites[index].counted[key, default: 0] += value }
        guard !frame.name.isEmpty else { return }
        suites[index].cases.append(frame.testCase(suite: suites[index].name))
    }

    /// The counts a suite declares; `disabled` (ctest) counts as skipped.
    private func declaredCounts(_ a: Attributes, _ location: SourceLocation) -> [String: Int] {
        var declared: [String: Int] = [:]
        for key in ["tests", "failures", "errors", "skipped", "disabled"] {
            guard let text = a[key] else { continue }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                log.warning("'\(key)' must be a whole number ≥ 0, found \"\(text)\"; ignored", at: location)
                continue
            }
            declared[key == "disabled" ? "skipped" : key, default: 0] += value
        }
        return declared
    }

    /// Warns about each declared count that disagrees with the testcases found.
    private func compare(_ declared: [String: Int], _ counted: [String: Int], what: String, at location: SourceLocation) {
        for key in ["tests", "failures", "errors", "skipped"] {
            guard let said = declared[key], let found = counted[key], said != found else { continue }
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
