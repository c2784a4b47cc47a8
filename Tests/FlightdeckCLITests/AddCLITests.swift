import Foundation
import Testing

/// `flightdeck add`: real files recognised by content and placed where their kind reads them; all or nothing.
@Suite(.serialized) struct AddCLITests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A site from `flightdeck init`, in a temporary folder.
    private func site() throws -> URL {
        let folder = try CLI.temporaryFolder()
        #expect(try CLI.run(["init", "."], in: folder).status == 0)
        return folder
    }

    @Test func everyRealJUnitFileOfTheCorpusIsRecognisedAsJUnit() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = Self.repository.appendingPathComponent("Tests/FlightdeckTests/Fixtures/ingest/junit/real")
        let rows = try String(contentsOf: corpus.appendingPathComponent("provenance.tsv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }
        #expect(rows.count >= 30)
        for (n, file) in rows.enumerated() {
            // One release per file: corpus files share names across runners.
            let result = try CLI.run(["add", "r\(n)", "--create", corpus.appendingPathComponent(file).path], in: folder)
            #expect(result.status == 0, "\(file): \(result.stderr)")
            let name = URL(fileURLWithPath: file).lastPathComponent
            #expect(result.stdout.contains("added content/releases/r\(n)/tests/\(name.hasSuffix(".xml") ? name : name + ".xml")"), "\(file): \(result.stdout)")
            #expect(result.stdout.contains("(tests: junit-xml)"), "\(file)")
        }
    }

    @Test func theExampleSiteFilesGoWhereTheirKindsReadThem() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let releases = Self.repository.appendingPathComponent("content/releases")
        // Each example file under a neutral name: content decides, not the name.
        let expected: [(String, String, String)] = [
            ("2026.1-trainer-optimisation/baseline.json", "baseline.json", "baseline-json"),
            ("2026.1-trainer-optimisation/performance.json", "performance.json", "performance-json"),
            ("2026.2-warehouse-cutover/performance.csv", "performance.csv", "performance-csv"),
            ("2026.2-warehouse-cutover/rollout.yaml", "rollout.yaml", "rollout-yaml"),
            ("2026.3-invoice-gemini/rollout_state.json", "rollout_state.json", "rollout-state-json"),
            ("2026.3-invoice-gemini/experiments.csv", "experiments.csv", "experiments-csv"),
            ("2026.2-warehouse-cutover/checklist.md", "checklist.md", "checklist-markdown"),
            ("2026.1-trainer-optimisation/tests/staging.json", "tests/upload-7.json", "seed-test-json"),
            ("2026.2-warehouse-cutover/incidents/2026-05-10-duckdb-slow-queries.md", "incidents/upload-8.md", "incident-markdown"),
        ]
        let uploads = folder.appendingPathComponent("uploads")
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
        var arguments = ["add", "2.0.0", "--create"]
        for (n, item) in expected.enumerated() {
            let copy = uploads.appendingPathComponent("upload-\(n)")
            try FileManager.default.copyItem(at: releases.appendingPathComponent(item.0), to: copy)
            arguments.append(copy.path)
        }
        let result = try CLI.run(arguments, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        for (n, item) in expected.enumerated() {
            #expect(result.stdout.contains("added content/releases/2.0.0/\(item.1) ← \(uploads.appendingPathComponent("upload-\(n)").path)"), "\(item.0): \(result.stdout)")
            #expect(result.stdout.contains(item.2), "\(item.0)")
        }
        // The release builds (and check finds nothing unknown in it).
        let check = try CLI.run(["check"], in: folder)
        #expect(!check.stderr.contains("not a known data file"), "\(check.stderr)")
    }

    @Test func aFileNoKindReadsIsRefusedWithTheClosestGuessAndNothingIsWritten() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("junit.xml")
        try Data(#"<?xml version="1.0"?><testsuite name="s" tests="1"><testcase name="t"/></testsuite>"#.utf8).write(to: good)
        let near = folder.appendingPathComponent("near.csv")
        try Data("operation,old_duration\nx,1\n".utf8).write(to: near)
        let result = try CLI.run(["add", "1.0.0", good.path, near.path], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("near.csv:1:1: error: cannot tell this is a data file Flightdeck reads"), "\(result.stderr)")
        #expect(result.stderr.contains("Known: tests (JUnit XML"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/releases/1.0.0/tests/junit.xml").path),
                "all or nothing: the good file is not placed either")
        // --kind narrows: a JUnit file is not a performance file.
        let narrowed = try CLI.run(["add", "1.0.0", "--kind", "performance", good.path], in: folder)
        #expect(narrowed.status == 1)
        #expect(narrowed.stderr.contains("cannot tell this is a performance file"), "\(narrowed.stderr)")
        let unknownKind = try CLI.run(["add", "1.0.0", "--kind", "tset", good.path], in: folder)
        #expect(unknownKind.status == 64)
    }

    @Test func aDifferentFileIsReplacedOnlyWithForce() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.xml"), second = folder.appendingPathComponent("b/a.xml")
        try FileManager.default.createDirectory(at: second.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"<testsuite name="s"><testcase name="one"/></testsuite>"#.utf8).write(to: first)
        try Data(#"<testsuite name="s"><testcase name="two"/></testsuite>"#.utf8).write(to: second)
        #expect(try CLI.run(["add", "1.0.0", first.path], in: folder).status == 0)
        let again = try CLI.run(["add", "1.0.0", first.path], in: folder)
        #expect(again.status == 0 && again.stdout.hasPrefix("unchanged content/releases/1.0.0/tests/a.xml"))
        let clash = try CLI.run(["add", "1.0.0", second.path], in: folder)
        #expect(clash.status == 1 && clash.stderr.contains("content/releases/1.0.0/tests/a.xml exists and holds other data; pass --force"))
        let target = folder.appendingPathComponent("content/releases/1.0.0/tests/a.xml")
        #expect(try String(contentsOf: target, encoding: .utf8).contains("one"))
        let forced = try CLI.run(["add", "1.0.0", "--force", second.path], in: folder)
        #expect(forced.status == 0 && forced.stdout.hasPrefix("replaced content/releases/1.0.0/tests/a.xml"))
        #expect(try String(contentsOf: target, encoding: .utf8).contains("two"))
        // Two files that would become one: refused.
        let both = try CLI.run(["add", "1.0.0", "--force", first.path, second.path], in: folder)
        #expect(both.status == 1 && both.stderr.contains("would both become content/releases/1.0.0/tests/a.xml"))
    }

    @Test func aMissingReleaseNeedsCreateAndAnIdMustBeAName() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("r.xml")
        try Data(#"<testsuites><testsuite name="s"><testcase name="t"/></testsuite></testsuites>"#.utf8).write(to: file)
        let missing = try CLI.run(["add", "9.9.9", file.path], in: folder)
        #expect(missing.status == 1 && missing.stderr.contains("9.9.9"), "\(missing.stderr)")
        #expect(try CLI.run(["add", "../x", file.path], in: folder).status == 64)
        let created = try CLI.run(["add", "9.9.9", "--create", file.path], in: folder)
        #expect(created.status == 0 && created.stdout.hasPrefix("added content/releases/9.9.9/tests/r.xml"))
    }
}
