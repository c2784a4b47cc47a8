import Foundation
import Testing
@testable import Flightdeck

/// JUnit XML from real runners (and faithful hand-written ones), odd files, and hostile files.
struct JUnitReaderTests {
    static let runners = ["pytest", "go", "ctest", "swift", "surefire", "gradle", "jest", "phpunit"]

    static func runnerFiles() throws -> [ContentFile] {
        try runners.flatMap { try FixtureLoader.files(in: "ingest/junit/\($0)", extensions: ["xml"]) }
    }

    @Test(arguments: try runnerFiles())
    func runnerFileReadsCleanly(file: ContentFile) throws {
        let log = DiagnosticLog()
        let result = try #require(JUnitReader.read(file, log: log))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description))")
        let expected = try #require(try FixtureLoader.json(file.path + ".expected.json") as? [String: Any])
        #expect(result.runner == expected["runner"] as? String)
        let counts = OutcomeCounts(result.suites.flatMap(\.cases))
        let want = try #require(expected["counts"] as? [String: Int])
        #expect([counts.total, counts.passed, counts.failed, counts.error, counts.skipped, counts.flaky]
            == ["total", "passed", "failed", "error", "skipped", "flaky"].map { want[$0] ?? -1 })
        let failing = result.suites.flatMap(\.cases).filter(\.outcome.isFailing).map(\.id)
        #expect(failing == expected["failures"] as? [String])
    }

    @Test(arguments: try runnerFiles() + [try FixtureLoader.file("ingest/junit/edge/odd-but-valid.xml")])
    func tinyChunksGiveTheSameResult(file: ContentFile) throws {
        let bytes = try [UInt8](Data(contentsOf: file.url))
        let whole = try #require(JUnitReader.read(.bytes(bytes), path: file.path, log: DiagnosticLog()))
        for size in [1, 2, 3, 7, 64] {
            let log = DiagnosticLog()
            let chunked = try #require(JUnitReader.read(.bytes(bytes), path: file.path, log: log, chunkSize: size))
            let a = whole.suites.flatMap(\.cases), b = chunked.suites.flatMap(\.cases)
            #expect(a.map(\.id) == b.map(\.id), "chunk size \(size)")
            #expect(a.map(\.outcome) == b.map(\.outcome) && a.map(\.message) == b.map(\.message), "chunk size \(size)")
            #expect(a.map(\.trace) == b.map(\.trace) && a.map(\.systemOut) == b.map(\.systemOut), "chunk size \(size)")
            #expect(whole.suites.map(\.properties) == chunked.suites.map(\.properties), "chunk size \(size)")
        }
    }

    @Test(arguments: [1, 2, 3, 4096])
    func byteOrderMarkIsSkippedWhateverTheChunkSize(size: Int) throws {
        let xml = [0xEF, 0xBB, 0xBF] + Array("<testsuite name=\"s\"><testcase name=\"t\"/></testsuite>".utf8)
        let log = DiagnosticLog()
        let file = try #require(JUnitReader.read(.bytes(xml), path: "bom.xml", log: log, chunkSize: size))
        #expect(log.diagnostics.isEmpty && file.suites.first?.cases.count == 1)
        let utf16 = JUnitReader.read(.bytes([0xFF, 0xFE, 0x3C, 0x00]), path: "u.xml", log: log, chunkSize: size)
        #expect(utf16 == nil && log.diagnostics.map(\.description) == ["u.xml:1:1: error: invalid XML: file is UTF-16; save it as UTF-8"])
    }

    @Test func longCommentIsSkippedInPieces() throws {
        let xml = "<testsuite name=\"s\"><!--" + String(repeating: "- x -\n", count: 400_000) + "--><testcase name=\"t\"/></testsuite>"
        let log = DiagnosticLog()
        let file = try #require(JUnitReader.read(.bytes(Array(xml.utf8)), path: "c.xml", log: log, chunkSize: 1 << 16))
        #expect(log.diagnostics.isEmpty && file.suites.first?.cases.count == 1)
        let broken = Array((String(xml.dropLast(60)) + "<testcase").utf8)
        _ = JUnitReader.read(.bytes(broken), path: "c.xml", log: log, chunkSize: 1 << 16)
        #expect(log.diagnostics.map(\.description) == ["c.xml:1:21: error: invalid XML: comment never ends; the file looks truncated"])
    }

    @Test func surefireDetailsAreKept() throws {
        let log = DiagnosticLog()
        let file = try #require(JUnitReader.read(try FixtureLoader.file("ingest/junit/surefire/TEST-com.example.warehouse.RowCountValidationTest.xml"), log: log))
        let cases = try #require(file.suites.first).cases
        #expect(file.suites.first?.declaredTime == 1204.512)
        #expect(cases[1].duration == 1001.25)
        #expect(cases[1].message == "expected: <48213> but was: <48207>")
        #expect(cases[1].failureType == "org.opentest4j.AssertionFailedError")
        #expect(cases[1].attempts == 3)
        #expect(cases[1].trace?.hasSuffix("RowCountValidationTest.java:58)") == true)
        #expect(cases[1].systemOut == "source=legacy_dw.customers target=bq.customers")
        #expect(cases[2].outcome == .passed && cases[2].flaky && cases[2].message == "Connection reset by peer" && cases[2].attempts == 2)
        #expect(cases[1].outcome == .failed && !cases[1].flaky, "a test that failed every rerun is failed, not flaky")
        #expect(file.suites.first?.properties.first == TestProperty(name: "java.version", value: "17.0.10"))
    }

    @Test func jestMessageIsTheFirstBodyLine() throws {
        let file = try #require(JUnitReader.read(try FixtureLoader.file("ingest/junit/jest/junit.xml"), log: DiagnosticLog()))
        let failure = try #require(file.suites.flatMap(\.cases).first { $0.outcome == .failed })
        #expect(failure.message == "Error: expect(received).toBe(expected) // Object.is equality")
        #expect(failure.trace?.contains("at Object.<anonymous>") == true)
        #expect(file.suites.map(\.name) == ["invoice parser", "currency"])
    }

    @Test func phpunitNestedSuitesKeepTheirPath() throws {
        let file = try #require(JUnitReader.read(try FixtureLoader.file("ingest/junit/phpunit/junit.xml"), log: DiagnosticLog()))
        #expect(file.suites.map(\.name) == ["Unit › Tests\\Unit\\InvoiceNumberTest", "Unit › Tests\\Unit\\TaxRateTest"])
        #expect(file.suites[1].cases[0].message == "Tests\\Unit\\TaxRateTest::testGermanVat")
    }

    @Test func oddFileWarnsAndTrustsTheTestcases() throws {
        let file = try FixtureLoader.file("ingest/junit/edge/odd-but-valid.xml")
        let log = DiagnosticLog()
        let result = try #require(JUnitReader.read(file, log: log))
        #expect(log.diagnostics.map(\.description) == (try FixtureLoader.expectedDiagnostics(for: file)))
        let cases = result.suites.flatMap(\.cases)
        #expect(cases.map(\.id) == ["declared wrong::no classname", "a.B::negative time", "a.B::no time", "loose::directly under testsuites"])
        #expect(cases.map(\.duration) == [nil, nil, nil, 0.5])
        #expect(cases[1].message == "boom & ☃ \nline two")
        #expect(cases[2].systemOut == nil, "output of passing tests is not kept")
        #expect(result.suites.map(\.name) == ["declared wrong", "odd"])
    }

    @Test(arguments: try FixtureLoader.files(in: "ingest/junit/invalid", extensions: ["xml"]))
    func hostileOrBrokenFileFailsWithItsError(file: ContentFile) throws {
        let log = DiagnosticLog()
        _ = JUnitReader.read(file, log: log)
        let actual = log.diagnostics.map(\.description)
        #expect(actual == (try FixtureLoader.expectedDiagnostics(for: file)), "actual:\n\(actual.joined(separator: "\n"))")
    }

    @Test func longTextIsStreamedInPiecesAndCapped() throws {
        // 3 MB of CDATA output and 1 MB of escaped failure text, read through the chunked path.
        let big = String(repeating: "x", count: 3 << 20)
        let xml = "<testsuite name=\"s\"><testcase name=\"t\"><failure message=\"m\">\(String(repeating: "a&amp;b ", count: 1 << 17))</failure>"
            + "<system-out><![CDATA[\(big)]]></system-out></testcase><testcase name=\"u\"/></testsuite>"
        let log = DiagnosticLog()
        let file = try #require(JUnitReader.read(.bytes(Array(xml.utf8)), path: "big.xml", log: log, chunkSize: 1 << 16))
        #expect(log.diagnostics.isEmpty)
        let cases = try #require(file.suites.first).cases
        #expect(cases.count == 2)
        #expect(cases[0].trace?.hasPrefix("a&b a&b") == true)
        #expect((cases[0].trace?.utf8.count ?? 0) <= CapturedText.cap + 3)
        #expect((cases[0].systemOut?.utf8.count ?? 0) <= CapturedText.cap + 3)
    }
}
