import Foundation
import Testing

@Suite(.serialized) struct CLITests {
    @Test func initThenBuildWorksFromTheBinaryAlone() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let initResult = try CLI.run(["init", "site"], in: folder)
        #expect(initResult.status == 0, "\(initResult.stderr)")
        let site = folder.appendingPathComponent("site")
        let build = try CLI.run(["build"], in: site)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.hasPrefix("Built "))
        for page in ["index.html", "404.html", "pages/process.html", "releases/1.0.0/index.html",
                     "releases/1.0.0/checklist.html", "releases/1.0.0/signoffs.html", "assets/style.css"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/\(page)").path), "\(page)")
        }
        let home = try String(contentsOf: site.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(home.contains(#"href="releases/1.0.0/index.html""#))
        #expect(try String(contentsOf: site.appendingPathComponent(".gitignore"), encoding: .utf8) == "public/\n.public.previous/\n.flightdeck-cache/\n.signoffs.yaml.lock\n")
    }

    @Test func contentErrorExitsOneAndLeavesThePreviousSiteUntouched() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["init", "."], in: folder)
        #expect(try CLI.run(["build"], in: folder).status == 0)
        let index = folder.appendingPathComponent("public/index.html")
        let before = try Data(contentsOf: index)
        let release = folder.appendingPathComponent("content/releases/1.0.0/release.yaml")
        try "title: x\ndate: yesterday\n".write(to: release, atomically: true, encoding: .utf8)
        let result = try CLI.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(#"content/releases/1.0.0/release.yaml:2:7: error: 'date' must be a date YYYY-MM-DD, found "yesterday""#), "\(result.stderr)")
        #expect(result.stderr.contains("2 | date: yesterday\n  |       ^"))
        #expect(try Data(contentsOf: index) == before)
    }

    @Test func usageErrorsExit64() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["build", "--no-such-option"], in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option '--no-such-option'"))
    }

    @Test func singleFileWritesOneReportAndExits64ForAnUnknownRelease() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["init", "."], in: folder)
        let written = try CLI.run(["build", "--single-file", "1.0.0"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        let report = try String(contentsOf: folder.appendingPathComponent("1.0.0.html"), encoding: .utf8)
        #expect(report.hasPrefix("<!DOCTYPE html>") && report.contains("<style>") && !report.contains("<link rel=\"stylesheet\""))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path), "nothing else is written")
        let named = try CLI.run(["build", "--single-file", "1.0.0", "-o", "out/r.html"], in: folder)
        #expect(named.status == 1 && named.stderr.contains("cannot write"), "a missing folder is not created: \(named.stderr)")
        #expect(try CLI.run(["build", "--single-file", "1.0.0", "-o", "r.html"], in: folder).status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8) == report)
        let unknown = try CLI.run(["build", "--single-file", "1.0.1"], in: folder)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no release '1.0.1'") && unknown.stderr.contains("1.0.0"), "\(unknown.stderr)")
        let path = try CLI.run(["build", "--single-file", "../x"], in: folder)
        #expect(path.status == 64)
        try "title: x\ndate: yesterday\n".write(to: folder.appendingPathComponent("content/releases/1.0.0/release.yaml"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["build", "--single-file", "1.0.0"], in: folder).status == 1)
    }

    @Test func missingConfigExitsOne() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["build"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: no flightdeck.yaml in"))
    }

    @Test func gateExitCodesFollowTheVerdict() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["init", "."], in: folder)
        let pending = try CLI.run(["gate", "1.0.0"], in: folder)
        #expect(pending.status == 2)
        #expect(pending.stdout.hasPrefix("1.0.0: PENDING\n"))
        _ = try CLI.run(["signoff", "1.0.0", "--role", "qa", "--approver", "Q", "--decision", "rejected", "--comment", "bugs"], in: folder)
        let blocked = try CLI.run(["gate", "1.0.0"], in: folder)
        #expect(blocked.status == 1)
        #expect(blocked.stdout.contains("blocker  signoffs: rejected by qa"))
        let unknown = try CLI.run(["gate", "1.0"], in: folder)
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("error: no release '1.0'; did you mean '1.0.0'?"))
    }

    @Test func checkReportsJSONForMachines() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["init", "."], in: folder)
        try "title: x\ndate: 2026-02-30\n".write(to: folder.appendingPathComponent("content/releases/1.0.0/release.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "--format", "json"], in: folder)
        #expect(result.status == 1)
        let entries = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.first?["line"] as? Int == 2)
        #expect(entries?.first?["file"] as? String == "content/releases/1.0.0/release.yaml")
    }

    @Test func buildIsDeterministic() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["init", "."], in: folder)
        #expect(try CLI.run(["build", "--output", "a"], in: folder).status == 0)
        #expect(try CLI.run(["build", "--output", "b"], in: folder).status == 0)
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        let files = FileManager.default.enumerator(atPath: a.path)?.allObjects as? [String] ?? []
        #expect(!files.isEmpty)
        for file in files where !file.hasSuffix("/") {
            #expect(FileManager.default.contentsEqual(atPath: a.appendingPathComponent(file).path, andPath: b.appendingPathComponent(file).path), "\(file)")
        }
    }

    @Test func dataStubsOfANewReleaseAreValidOnceRenamed() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["init", "."], in: folder)
        let created = try CLI.run(["new", "release", "2.0"], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        let release = folder.appendingPathComponent("content/releases/2.0")
        let stubs = (FileManager.default.enumerator(atPath: release.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".example") }
        #expect(stubs.count == 5)
        for stub in stubs {
            try FileManager.default.moveItem(at: release.appendingPathComponent(stub),
                                             to: release.appendingPathComponent(String(stub.dropLast(".example".count))))
        }
        let check = try CLI.run(["check"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.isEmpty, "\(check.stderr)")
        let again = try CLI.run(["new", "release", "2.0"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("content/releases/2.0 already exists"))
    }
}
