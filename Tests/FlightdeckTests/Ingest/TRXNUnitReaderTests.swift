import Foundation
import Testing
@testable import Flightdeck

/// Visual Studio TRX and NUnit 3 XML: real files against their oracles (`Fixtures/ingest/{trx,nunit3-xml}/expected.py`),
/// dispatch by root element, recognition, and bad input.
struct TRXNUnitReaderTests {
    static func files(_ folder: String, _ ext: String) throws -> [ContentFile] {
        try FixtureLoader.files(in: "ingest/\(folder)", extensions: [ext])
    }

    static func expected(_ folder: String) throws -> [String: [String: Any]] {
        try #require(try FixtureLoader.json("ingest/\(folder)/expected.json") as? [String: [String: Any]])
    }

    static func check(_ result: TestFile, against want: [String: Any], _ name: String) {
        let cases = result.suites.flatMap(\.cases)
        let c = OutcomeCounts(cases)
        let got = ["tests": c.total, "passed": c.passed, "failed": c.failed, "errors": c.error, "skipped": c.skipped]
        #expect(got == ["tests": want["tests"] as? Int, "passed": want["passed"] as? Int, "failed": want["failed"] as? Int,
                        "errors": want["errors"] as? Int, "skipped": want["skipped"] as? Int].compactMapValues { $0 }, "\(name)")
        let seconds = cases.compactMap(\.duration).reduce(0, +)
        #expect(abs(seconds - ((want["seconds"] as? Double) ?? -1)) < 1e-6, "\(name): durations sum to \(seconds)")
    }

    @Test(arguments: try files("trx", "trx"))
    func trxFileCountsEqualTheOracle(file: ContentFile) throws {
        let log = DiagnosticLog()
        let result = try #require(TestResultsReader.read(file, log: log))
        #expect(result.format == "trx")
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description))")
        Self.check(result, against: try #require(try Self.expected("trx")[file.name]), file.name)
    }

    @Test(arguments: try files("nunit3-xml", "xml"))
    func nunitFileCountsEqualTheOracle(file: ContentFile) throws {
        let log = DiagnosticLog()
        let result = try #require(TestResultsReader.read(file, log: log))
        #expect(result.format == "nunit3" && result.runner == "nunit")
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description))")
        Self.check(result, against: try #require(try Self.expected("nunit3-xml")[file.name]), file.name)
    }

    @Test func everyRealFileHasAnEntryAndTwoPerFormatAtLeast() throws {
        for (folder, ext) in [("trx", "trx"), ("nunit3-xml", "xml")] {
            let names = Set(try Self.files(folder, ext).map(\.name))
            let listed = Set(try Self.expected(folder).keys)
            #expect(names.count >= 2 && names == listed, "\(folder)")
            let provenance = try FixtureLoader.text("ingest/\(folder)/provenance.tsv").split(separator: "\n").dropFirst()
            #expect(Set(provenance.map { String($0.prefix { $0 != "\t" }) }) == names, "\(folder)/provenance.tsv lists every file")
        }
    }

    @Test func trxKeepsClassMessageTraceAndOutputOfAFailure() throws {
        let file = try FixtureLoader.file("ingest/trx/xunit-net461.trx")
        let result = try #require(TRXReader.read(file, log: DiagnosticLog()))
        #expect(result.runner == "xunit")
        let test = try #require(result.suites.flatMap(\.cases).first { $0.name == "FailTest" })
        #expect(test.className == "SampleProject.xUnit.TestServiceTests" && test.suite == test.className)
        #expect(test.outcome == .failed && test.duration == 0.001)
        #expect(test.message == "Assert.True() Failure\r\nExpected: True\r\nActual:   False")
        #expect(test.trace?.hasPrefix("at SampleProject.xUnit.TestServiceTests.FailTest()") == true)
        #expect(test.systemOut == "Running SampleProject.Tests.xUnit tests\r\nThis test will fail")
    }

    @Test func trxAbortedIsAnErrorAndKeepsItsOutcome() throws {
        let file = try FixtureLoader.file("ingest/trx/vs2015-yamilex.trx")
        let cases = try #require(TRXReader.read(file, log: DiagnosticLog())).suites.flatMap(\.cases)
        let aborted = try #require(cases.first { $0.properties.contains(TestProperty(name: "trx.outcome", value: "Aborted")) })
        #expect(aborted.outcome == .error)
        #expect(cases.filter { $0.properties.contains(TestProperty(name: "trx.outcome", value: "NotRunnable")) }.map(\.outcome) == [.skipped])
    }

    @Test func nunitErrorLabelsAreErrorsAndReasonsAreMessages() throws {
        let file = try FixtureLoader.file("ingest/nunit3-xml/mock-assembly-3.0.xml")
        let cases = try #require(NUnitReader.read(file, log: DiagnosticLog())).suites.flatMap(\.cases)
        #expect(cases.filter { $0.outcome == .error }.map(\.name) == ["TestWithException"])
        let ignored = try #require(cases.first { $0.name == "MockTest4" })
        #expect(ignored.outcome == .skipped && ignored.message == "ignoring this test method for now")
    }

    @Test func nunitXMLIsNotReadAsJUnitAndJUnitIsNotClaimedByNUnit() throws {
        let nunit = try FixtureLoader.file("ingest/nunit3-xml/issue50162-3.8.xml")
        #expect(TestResultsReader.read(nunit, log: DiagnosticLog())?.format == "nunit3")
        let junit = try FixtureLoader.file("ingest/junit/real/ctest/ctest.xml")
        #expect(TestResultsReader.read(junit, log: DiagnosticLog())?.format == "junit")
        let formats = Dictionary(uniqueKeysWithValues: TestsKind.formats.map { ($0.id, $0) })
        for (path, id) in [("ingest/nunit3-xml/issue50162-3.8.xml", "nunit3-xml"), ("ingest/trx/mstest-pickles.trx", "trx"),
                           ("ingest/junit/real/ctest/ctest.xml", "junit-xml")] {
            let sample = FileSample(try Data(contentsOf: try FixtureLoader.file(path).url), name: "results")
            let scores = formats.mapValues { $0.recognise(sample) }
            #expect(scores.filter { $0.value >= 0.5 }.map(\.key) == [id], "\(path): \(scores)")
        }
        #expect(formats["trx"]?.destination("run") == "tests/run.trx" && formats["nunit3-xml"]?.destination("r.xml") == "tests/r.xml")
    }

    @Test func trxUnknownOutcomeIsALocatedErrorWithASuggestion() throws {
        let xml = """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>
              <UnitTestResult testId="1" testName="A" outcome="Pased" />
            </Results></TestRun>
            """
        let log = DiagnosticLog()
        let cases = try #require(TRXReader.read(.bytes(Array(xml.utf8)), path: "t.trx", log: log)).suites.flatMap(\.cases)
        #expect(log.diagnostics.map(\.description) == [
            "t.trx:2:3: error: unknown TRX outcome 'Pased'; expected one of \(TRXOutcome.names.joined(separator: ", ")); did you mean 'Passed'?; counted as error",
        ])
        #expect(cases.map(\.outcome) == [.error], "the result is not dropped")
    }

    @Test func trxCountersThatDisagreeAreWarnedAbout() throws {
        let xml = """
            <TestRun><Results><UnitTestResult testName="A" outcome="Passed" duration="00:01:02.5000000"/></Results>
            <ResultSummary outcome="Failed"><Counters total="2" executed="1" passed="1" failed="1" notExecuted="0"/></ResultSummary></TestRun>
            """
        let log = DiagnosticLog()
        let cases = try #require(TRXReader.read(.bytes(Array(xml.utf8)), path: "c.trx", log: log)).suites.flatMap(\.cases)
        #expect(cases.first?.duration == 62.5)
        #expect(log.diagnostics.map(\.description) == [
            #"c.trx:2:33: warning: <Counters> declares total="2" but the file has 1 such results; the results are counted"#,
            #"c.trx:2:33: warning: <Counters> declares failed="1" but the file has 0 such results; the results are counted"#,
        ])
    }

    @Test(arguments: [5, 4096])
    func nunitCutShortIsALocatedError(chunkSize: Int) throws {
        let text = try FixtureLoader.text("ingest/nunit3-xml/issue50162-3.8.xml")
        let cut = Array(text.utf8.prefix(3000))
        let log = DiagnosticLog()
        #expect(NUnitReader.read(.bytes(cut), path: "cut.xml", log: log, chunkSize: chunkSize) == nil)
        #expect(log.diagnostics.map(\.description) == ["cut.xml:30:9: error: invalid XML: file ends inside a tag; it looks truncated"])
    }

    @Test func nunitUnknownResultAndDisagreeingTotals() throws {
        let xml = """
            <test-run total="3" passed="1" failed="0"><test-suite type="TestFixture" fullname="N.C">
            <test-case name="a" classname="N.C" result="Passed" duration="0.5"/>
            <test-case name="b" classname="N.C" result="Broken"/></test-suite></test-run>
            """
        let log = DiagnosticLog()
        let cases = try #require(NUnitReader.read(.bytes(Array(xml.utf8)), path: "n.xml", log: log)).suites.flatMap(\.cases)
        #expect(cases.map(\.outcome) == [.passed, .error])
        #expect(log.diagnostics.map(\.description) == [
            #"n.xml:3:1: error: <test-case name="b"> 'result' must be one of Passed, Failed, Warning, Inconclusive, Skipped, found 'Broken'; counted as error"#,
            #"n.xml:1:1: warning: <test-run> declares total="3" but contains 2; the test cases are counted"#,
        ])
    }
}
