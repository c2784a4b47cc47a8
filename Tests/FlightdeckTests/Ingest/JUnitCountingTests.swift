import Foundation
import Testing
@testable import Flightdeck

/// Counting JUnit results as the runners do: every testcase element once, real files against their oracle
/// (`Fixtures/ingest/junit/real/expected.py`), rerun markers, Eclipse roots, forbidden control characters.
struct JUnitCountingTests {
    static let corpus = "ingest/junit/real"

    /// Every `.xml` file of the real corpus, one folder per runner.
    static func realFiles() throws -> [ContentFile] {
        let root = try FixtureLoader.root.appendingPathComponent(corpus)
        let runners = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
            .filter { var folder: ObjCBool = false; return FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path, isDirectory: &folder) && folder.boolValue }
        return try runners.flatMap { try FixtureLoader.files(in: "\(corpus)/\($0)", extensions: ["xml"]) }
    }

    static func expected() throws -> [String: [String: Int]] {
        try #require(try FixtureLoader.json("\(corpus)/expected.json") as? [String: [String: Int]])
    }

    @Test(arguments: try realFiles())
    func realFileCountsEqualTheOracle(file: ContentFile) throws {
        let log = DiagnosticLog()
        let result = try #require(JUnitReader.read(file, log: log))
        #expect(!log.diagnostics.contains { $0.severity == .error }, "\(log.diagnostics.map(\.description))")
        let key = String(file.path.dropFirst(Self.corpus.count + 1))
        let want = try #require(try Self.expected()[key], "\(key) has no entry in expected.json; run expected.py")
        let c = OutcomeCounts(result.suites.flatMap(\.cases))
        let got = ["tests": c.total, "passed": c.passed, "failed": c.failed, "errors": c.error, "skipped": c.skipped, "flaky": c.flaky]
        #expect(got == want, "\(key)")
    }

    @Test(arguments: try realFiles().filter { (try? Data(contentsOf: $0.url).count) ?? .max < 16_384 })
    func smallChunksCountTheSame(file: ContentFile) throws {
        let bytes = try [UInt8](Data(contentsOf: file.url))
        let whole = try #require(JUnitReader.read(.bytes(bytes), path: file.path, log: DiagnosticLog())).suites.flatMap(\.cases)
        for size in [7, 64] {
            let log = DiagnosticLog()
            let chunked = try #require(JUnitReader.read(.bytes(bytes), path: file.path, log: log, chunkSize: size)).suites.flatMap(\.cases)
            #expect(chunked.map(\.id) == whole.map(\.id) && chunked.map(\.outcome) == whole.map(\.outcome), "chunk size \(size)")
            #expect(chunked.map(\.flaky) == whole.map(\.flaky) && chunked.map(\.message) == whole.map(\.message), "chunk size \(size)")
        }
    }

    @Test func everyRealFileHasAnExpectedEntryAndEveryEntryAFile() throws {
        let files = Set(try Self.realFiles().map { String($0.path.dropFirst(Self.corpus.count + 1)) })
        #expect(files.count >= 25)
        #expect(files == Set(try Self.expected().keys))
    }

    @Test(arguments: [("eclipse/Failures.xml", "eclipse"), ("vitest/vitest-results.xml", "vitest"), ("mocha/mocha.xml", "mocha"),
                      ("nextest/basic.xml", "nextest"), ("googletest/gtest-testcase4.xml", "googletest"), ("ctest/ctest.xml", "ctest"),
                      ("surefire/TEST-org.acme.FlakyTest.xml", "surefire"), ("go/go-junit-report-012.xml", "go")])
    func realFileNamesItsRunner(path: String, runner: String) throws {
        let file = try FixtureLoader.file("\(Self.corpus)/\(path)")
        #expect(JUnitReader.read(file, log: DiagnosticLog())?.runner == runner)
    }

    @Test func sameNamedTestcasesAreDistinctTests() throws {
        // mocha writes different tests under the same classname and name: 109 testcases, 101 distinct ids.
        let file = try FixtureLoader.file("\(Self.corpus)/mocha/latex-utensils.xml")
        let cases = try #require(JUnitReader.read(file, log: DiagnosticLog())).suites.flatMap(\.cases)
        #expect(cases.count == 109 && Set(cases.map(\.id)).count == 101)
    }

    @Test func rerunMarkersMakeAPassedTestFlaky() throws {
        let log = DiagnosticLog()
        let file = try FixtureLoader.file("\(Self.corpus)/surefire/TEST-io.olamy.FlakyTest.xml")
        let test = try #require(JUnitReader.read(file, log: log)?.suites.first?.cases.first)
        #expect(test.outcome == .passed && test.flaky && test.attempts == 3 && test.message == "obvious fail")
        // Surefire 3.0.2 declared each attempt as a test and the failed ones as failures; the testcase is what counts.
        #expect(log.diagnostics.map(\.description) == [
            "\(file.path):2:1: warning: <testsuite name=\"io.olamy.FlakyTest\"> declares tests=\"3\" but contains 1; the testcases are counted",
            "\(file.path):2:1: warning: <testsuite name=\"io.olamy.FlakyTest\"> declares failures=\"2\" but contains 0; the testcases are counted",
        ])
    }

    @Test func eclipseTestRunIsReadAndItsDeclaredCountsChecked() throws {
        let log = DiagnosticLog()
        let file = try FixtureLoader.file("\(Self.corpus)/eclipse/Failures.xml")
        let result = try #require(JUnitReader.read(file, log: log))
        #expect(result.runner == "eclipse" && log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description))")
        let xml = #"<testrun name="r" tests="3" failures="0" ignored="1"><testsuite name="s"><testcase name="a" classname="C"/></testsuite></testrun>"#
        _ = JUnitReader.read(.bytes(Array(xml.utf8)), path: "r.xml", log: log)
        #expect(log.diagnostics.map(\.description) == [
            #"r.xml:1:1: warning: <testrun> declares tests="3" but contains 1; the testcases are counted"#,
            #"r.xml:1:1: warning: <testrun> declares skipped="1" but contains 0; the testcases are counted"#,
        ])
    }

    @Test func nestedTestcasesEachCount() throws {
        let xml = #"<testsuite name="s"><testcase name="outer"><testcase name="inner"><failure message="m"/></testcase></testcase></testsuite>"#
        let file = try #require(JUnitReader.read(.bytes(Array(xml.utf8)), path: "n.xml", log: DiagnosticLog()))
        let cases = file.suites.flatMap(\.cases)
        #expect(cases.map(\.name) == ["inner", "outer"] && cases.map(\.outcome) == [.failed, .passed])
    }

    @Test(arguments: [1, 3, 4096])
    func forbiddenControlCharactersAreReportedAndShownVisibly(chunkSize: Int) throws {
        let xml = "<testsuite name=\"s\">\n<testcase name=\"bell\"><failure message=\"a\u{7}b\">x&#x1B;[31my</failure></testcase>\n"
            + "<testcase name=\"esc\"><failure message=\"m\"/><system-out><![CDATA[\u{1B}[0m]]></system-out></testcase>\n</testsuite>"
        let log = DiagnosticLog()
        let cases = try #require(JUnitReader.read(.bytes(Array(xml.utf8)), path: "c.xml", log: log, chunkSize: chunkSize)).suites.flatMap(\.cases)
        #expect(log.diagnostics.map(\.description) == [
            "c.xml:2:42: warning: control character U+0007 is not allowed in XML 1.0; shown as \u{2407}",
            "c.xml:2:47: warning: control character U+001B is not allowed in XML 1.0; shown as \u{241B}",
            "c.xml:3:65: warning: control character U+001B is not allowed in XML 1.0; shown as \u{241B}",
        ])
        #expect(cases[0].message == "a\u{2407}b" && cases[0].trace == "x\u{241B}[31my" && cases[1].systemOut == "\u{241B}[0m")
        let texts = cases.flatMap { [$0.message, $0.trace, $0.systemOut] }.compactMap { $0 }
        #expect(texts.allSatisfy { $0.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" } })
    }

    @Test func manyControlCharactersAreListedThenSummed() throws {
        let xml = "<testsuite name=\"s\"><testcase name=\"t\"><failure message=\"" + String(repeating: "\u{1}", count: 13) + "\"/></testcase></testsuite>"
        let log = DiagnosticLog()
        _ = JUnitReader.read(.bytes(Array(xml.utf8)), path: "m.xml", log: log)
        #expect(log.diagnostics.count == JUnitParser.forbiddenListed + 1)
        #expect(log.diagnostics.last?.description
            == "m.xml:1:68: warning: 3 more control characters that XML 1.0 forbids from here on; shown as visible symbols")
    }
}
