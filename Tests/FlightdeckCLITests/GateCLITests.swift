import Foundation
import Testing

/// `flightdeck gate` as CI calls it: every exit code, the JSON shape, the Markdown summary (docs/commands.md).
@Suite(.serialized) struct GateCLITests {
    /// A new site from `init`, whose release 1.0.0 is PENDING until sign-offs and data arrive.
    private func site() throws -> URL {
        let folder = try CLI.temporaryFolder()
        _ = try CLI.run(["init", "."], in: folder)
        return folder
    }

    @Test func everyExitCodeMeansOneThing() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "require: [tests]\n".appendTo(folder.appendingPathComponent("flightdeck.yaml"))
        let release = folder.appendingPathComponent("content/releases/1.0.0")
        try FileManager.default.createDirectory(at: release.appendingPathComponent("tests"), withIntermediateDirectories: true)
        try #"<testsuite name="s"><testcase classname="c" name="t"/></testsuite>"#
            .write(to: release.appendingPathComponent("tests/junit.xml"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: release.appendingPathComponent("checklist.md"))
        try "required: [qa]\nsignoffs: []\n".write(to: release.appendingPathComponent("signoffs.yaml"), atomically: true, encoding: .utf8)
        let hand = try CLI.run(["gate", "1.0.0"], in: folder)
        #expect(hand.status == 2, "nobody signed yet")
        #expect(try CLI.run(["signoff", "1.0.0", "--role", "qa", "--approver", "Q", "--decision", "approved"], in: folder).status == 0)
        let go = try CLI.run(["gate", "1.0.0"], in: folder)
        #expect(go.status == 0, "\(go.stdout)")
        _ = try CLI.run(["signoff", "1.0.0", "--role", "qa", "--approver", "Q", "--decision", "rejected", "--comment", "bugs", "--replace"], in: folder)
        #expect(try CLI.run(["gate", "1.0.0"], in: folder).status == 1)
        try "title: x\ndate: nope\n".write(to: release.appendingPathComponent("release.yaml"), atomically: true, encoding: .utf8)
        let broken = try CLI.run(["gate", "1.0.0"], in: folder)
        #expect(broken.status == 3)
        #expect(broken.stdout.hasPrefix("1.0.0: CANNOT JUDGE\n"))
        #expect(broken.stderr.contains("release.yaml:2:7: error:"))
        #expect(try CLI.run(["gate", "9.9"], in: folder).status == 3)
        #expect(try CLI.run(["gate", "1.0.0", "--format", "yaml"], in: folder).status == 64)
        #expect(try CLI.run(["gate"], in: folder).status == 64)
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["gate", "1.0.0", "--format", "json"], in: folder)
        #expect(result.status == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["release", "decision", "reasons", "needs", "inputs", "diagnostics"])
        #expect(json["release"] as? String == "1.0.0")
        #expect(json["decision"] as? String == "pending")
        let reasons = try #require(json["reasons"] as? [[String: Any]])
        #expect(reasons.allSatisfy { Set($0.keys) == ["area", "status", "text", "needs", "evidence"] })
        let evidence = try #require(reasons.first { $0["area"] as? String == "inputs" })
        #expect(evidence["status"] as? String == "pending")
        #expect(evidence["evidence"] as? String == "releases/1.0.0/index.html#missing")
        let inputs = try #require(json["inputs"] as? [String: [String]])
        #expect(inputs["required"] == ["tests", "performance", "rollout", "signoffs"])
        #expect(inputs["missing"] == ["tests", "performance", "rollout"])
        #expect(inputs["used"] == ["signoffs"])
        #expect((json["needs"] as? [String])?.contains("qa sign-off") == true)
    }

    @Test func markdownIsAShortSummary() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["gate", "1.0.0", "--format", "markdown"], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("### ⏳ 1.0.0: PENDING\n\n| Status | Area | Reason |\n|---|---|---|\n| pending | inputs | missing evidence: tests, performance, rollout (used 1 of 4 required inputs) |"))
        #expect(result.stdout.contains("**Needs:**\n- tests data (JUnit XML, TRX, NUnit 3 XML or the test runner's JSON under tests/)\n"))
        #expect(result.stdout.contains("Inputs: used 1 of 4 required; missing tests, performance, rollout."))
    }

    @Test func keepGoingBuildsTheOtherReleasesAndStillExitsOne() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["new", "release", "2.0"], in: folder)
        try "title: x\ndate: nope\n".write(to: folder.appendingPathComponent("content/releases/1.0.0/release.yaml"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["build"], in: folder).status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path))
        let result = try CLI.run(["build", "--keep-going"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot judge 1.0.0"))
        let page = try String(contentsOf: folder.appendingPathComponent("public/releases/1.0.0/index.html"), encoding: .utf8)
        #expect(page.contains("CANNOT JUDGE"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/releases/2.0/index.html").path))
    }

    @Test func anUnknownFileIsWarnedAboutByBuildCheckAndGate() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{}".write(to: folder.appendingPathComponent("content/releases/1.0.0/perfomance.json"), atomically: true, encoding: .utf8)
        let warning = "content/releases/1.0.0/perfomance.json:1:1: warning: not a known data file; did you mean 'performance.json'?"
        for command in [["build"], ["check"], ["gate", "1.0.0"]] {
            let result = try CLI.run(command, in: folder)
            #expect(result.stderr.contains(warning), "\(command): \(result.stderr)")
        }
    }
}

extension String {
    /// Appends this text to a file.
    fileprivate func appendTo(_ url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(utf8))
    }
}
