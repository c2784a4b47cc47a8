import Foundation
import Testing

@Suite(.serialized) struct SignoffCLITests {
    /// A site whose release 1.0 requires `roles`, with no sign-off yet.
    static func site(requiring roles: [String]) throws -> URL {
        let folder = try CLI.temporaryFolder()
        let site = folder.appendingPathComponent("site")
        _ = try CLI.run(["init", "site"], in: folder)
        _ = try CLI.run(["new", "release", "1.0"], in: site)
        try "required: [\(roles.joined(separator: ", "))]\nsignoffs: []\n"
            .write(to: site.appendingPathComponent("content/releases/1.0/signoffs.yaml"), atomically: true, encoding: .utf8)
        return site
    }

    /// The roles recorded in release 1.0, read back through `flightdeck export`.
    static func recordedRoles(in site: URL) throws -> [String] {
        let export = try CLI.run(["export", "1.0"], in: site)
        #expect(export.status == 0, "\(export.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any]
        let signoffs = (json?["data"] as? [String: Any])?["signoffs"] as? [String: Any]
        return ((signoffs?["entries"] as? [[String: Any]]) ?? []).compactMap { $0["role"] as? String }
    }

    @Test func twentyConcurrentRunsKeepTwentySignoffs() throws {
        let roles = (1...20).map { "role\($0)" }
        for round in 1...5 {
            let site = try Self.site(requiring: roles)
            defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
            var runs: [(Process, Pipe)] = []
            for role in roles {
                let process = Process()
                process.executableURL = CLI.binary
                process.arguments = ["signoff", "1.0", "--role", role, "--approver", "Approver of \(role)", "--decision", "approved", "--quiet"]
                process.currentDirectoryURL = site
                let errors = Pipe()
                process.standardOutput = FileHandle.nullDevice
                process.standardError = errors
                runs.append((process, errors))
            }
            for (process, _) in runs { try process.run() }
            for (process, errors) in runs {
                process.waitUntilExit()
                let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                #expect(process.terminationStatus == 0, "round \(round): \(stderr)")
            }
            #expect(try Self.recordedRoles(in: site).sorted() == roles.sorted(), "round \(round)")
            let check = try CLI.run(["check"], in: site)
            #expect(check.status == 0, "round \(round): \(check.stderr)")
        }
    }

    @Test func releaseIdsThatArePathsAreRefusedAndNothingIsWritten() throws {
        let site = try Self.site(requiring: ["qa"])
        let folder = site.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.listing(folder)
        for id in ["../../../outside", "../outside", ".", "..", "a/b", "a\\b", "bell\u{7}", "tab\tid", ".hidden"] {
            let signoff = try CLI.run(["signoff", id, "--role", "qa", "--approver", "Q", "--decision", "approved"], in: site)
            #expect(signoff.status == 64, "\(id.debugDescription): \(signoff.stderr)")
            #expect(signoff.stderr.hasPrefix("error: release id \""), "\(signoff.stderr)")
            #expect(try CLI.run(["export", id], in: site).status == 64)
            #expect(try CLI.run(["new", "release", id], in: site).status == 64)
            let gate = try CLI.run(["gate", id], in: site)
            #expect(gate.status == 3, "\(id.debugDescription): \(gate.stderr)")
        }
        #expect(try Self.listing(folder) == before)
    }

    @Test func unknownRolesNeedExtraRole() throws {
        let site = try Self.site(requiring: ["engineering", "finance", "qa"])
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let typo = try CLI.run(["signoff", "1.0", "--role", "finanse", "--approver", "F", "--decision", "approved"], in: site)
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("error: role 'finanse' is not required for release '1.0'; did you mean 'finance'?"), "\(typo.stderr)")
        let janitor = try CLI.run(["signoff", "1.0", "--role", "janitor", "--approver", "J", "--decision", "approved"], in: site)
        #expect(janitor.status == 1)
        #expect(janitor.stderr.contains("pass --extra-role to record it anyway"))
        #expect(try Self.recordedRoles(in: site) == [])
        let extra = try CLI.run(["signoff", "1.0", "--role", "janitor", "--approver", "J", "--decision", "approved", "--extra-role"], in: site)
        #expect(extra.status == 0, "\(extra.stderr)")
        #expect(try Self.recordedRoles(in: site) == ["janitor"])
    }

    @Test func valuesReadBackExactly() throws {
        let site = try Self.site(requiring: ["qa"])
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let name = " Zoë\u{85}O'Brien \"Z\"\u{7F}\u{2028}: #1 - yes "
        let result = try CLI.run(["signoff", "1.0", "--role", "qa", "--approver", name, "--decision", "rejected", "--comment", "null"], in: site)
        #expect(result.status == 0, "\(result.stderr)")
        let export = try CLI.run(["export", "1.0"], in: site)
        let json = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any]
        let entry = (((json?["data"] as? [String: Any])?["signoffs"] as? [String: Any])?["entries"] as? [[String: Any]])?.first
        #expect(entry?["approver"] as? String == name)
        #expect(entry?["comment"] as? String == "null")
    }

    /// Every path under `folder`, for checking that nothing was written.
    static func listing(_ folder: URL) throws -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }
}
