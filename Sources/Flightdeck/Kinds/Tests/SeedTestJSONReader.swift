import Foundation

/// Reads the seed test runner's JSON results (seed 000/001): a list of
/// `{test_name, status: PASS|FAIL|ERROR|SKIP, duration, description, traceback}`, or a mapping with the
/// list under `test_results` (or `tests`) and an optional `suite` name.
enum SeedTestJSONReader {
    static let statuses = ["PASS", "FAIL", "ERROR", "SKIP"]

    /// The file as one suite (named by `suite`, else the file's stem), or nil when it cannot be read.
    static func read(_ file: ContentFile, log: DiagnosticLog) -> TestFile? {
        // Each result is decoded as it is parsed, its problems reported after the file's own (as when the file
        // was parsed whole first); the suite's name may come after the list, so it is set at the end.
        // Results under `test_results` count over results under `tests`: each list is decoded on its own.
        // Room for as many results as the file could hold (one takes at least 40 bytes): a list that grows by
        // doubling holds two copies at each step, where capacity never written to is never made resident.
        let room = (file.byteCount ?? 0) / 40
        var main = List(log: log.buffer(), room: room), other = List(log: log.buffer(), room: room)
        let root: DataNode
        do {
            root = try JSONFile.read(file, recordsUnder: ["test_results", "tests"]) { key, item in
                if key == "tests" { other.add(item) } else { main.add(item) }
            }
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
        var suiteName = String(file.name.split(separator: ".").first ?? "tests")
        var useOther = false
        if root.elements == nil {
            guard let wrapper = ObjectReader(root, log: log, what: "a test results file") else { return nil }
            suiteName = wrapper.string("suite") ?? suiteName
            if wrapper.list("test_results") == nil {
                guard wrapper.list("tests") != nil else {
                    log.error("missing required field 'test_results' (the list of results)", at: root.location)
                    return nil
                }
                useOther = true
            }
            wrapper.warnUnknownKeys()
        }
        log.report(buffered: useOther ? other.log : main.log)
        var cases = useOther ? other.cases : main.cases
        (main.cases, other.cases) = ([], [])   // `cases` is then the only reference: naming the suite copies nothing
        for index in cases.indices { cases[index].suite = suiteName }
        return TestFile(path: file.path, format: "seed-json", runner: "seed",
                        suites: [TestSuite(name: suiteName, path: file.path, cases: cases)])
    }

    /// The results of one list, its ids and its problems.
    private struct List {
        var cases: [TestCase] = []
        var seen = DuplicateIDs()
        var texts = TextStore()
        let log: DiagnosticLog

        init(log: DiagnosticLog, room: Int) {
            self.log = log
            cases.reserveCapacity(room)
        }

        mutating func add(_ item: DataNode) {
            if let test = SeedTestJSONReader.testCase(item, seen: &seen, texts: &texts, log: log) { cases.append(test) }
        }
    }

    /// One result, or nil (with its errors logged).
    private static func testCase(_ item: DataNode, seen: inout DuplicateIDs, texts: inout TextStore, log: DiagnosticLog) -> TestCase? {
        guard let r = ObjectReader(item, log: log, what: "a test result") else { return nil }
        let before = log.diagnostics.count
        let name = r.string("test_name", required: true)
        if let name, let location = r.value("test_name")?.location { seen.check(name, field: "test_name", at: location, log: log) }
        let status = r.choice("status", required: true, of: statuses)
        let duration = r.double("duration", required: true)
        if let duration, duration < 0, let location = r.value("duration")?.location {
            log.error(BaselineFields.negative("duration", duration), at: location)
        }
        let description = r.string("description")
        let traceback = r.string("traceback")
        let message = r.string("message") ?? r.string("error_message")
        r.warnUnknownKeys()
        guard !log.diagnostics[before...].contains(where: { $0.severity == .error }), let name, let status, let duration else { return nil }
        let outcome: TestOutcome = switch status {
        case "PASS": .passed
        case "FAIL": .failed
        case "ERROR": .error
        default: .skipped
        }
        let lastLine = traceback?.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        var test = TestCase(suite: "", className: nil, name: name, duration: duration, outcome: outcome,
                            message: message ?? (outcome.isFailing ? lastLine.map { String($0).trimmingCharacters(in: .whitespaces) } : nil),
                            failureType: nil, trace: traceback)
        // Kept side by side with the file's other descriptions, not as a heap object each.
        test.descriptionText = description.flatMap { $0 == "No description" ? nil : texts.add($0) }
        return test
    }
}
