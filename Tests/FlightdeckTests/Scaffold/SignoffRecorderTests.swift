import Foundation
import Testing
@testable import Flightdeck

@Suite struct SignoffRecorderTests {
    static let site = """
        -- flightdeck.yaml --
        title: T
        signoffs:
          roles: [security]
        -- content/releases/2.4/release.yaml --
        title: A
        -- content/releases/2.4/signoffs.yaml --
        # keep me
        required: [engineering, finance, qa]
        signoffs:
        - role: qa   # column 0
          approver: Q
          decision: approved
        """

    static func request(_ role: String, extra: Bool = false, replace: Bool = false, approver: String = "Ana") -> SignoffRecorder.Request {
        SignoffRecorder.Request(role: role, approver: approver, decision: "approved", date: Date(timeIntervalSince1970: 0),
                                comment: nil, replace: replace, extraRole: extra)
    }

    /// An entry as the recorder appends it to the fixture's column-0 list.
    static func entry(_ role: String, _ approver: String = "Ana") -> String {
        "- role: \(role)\n  approver: \(approver)\n  decision: approved\n  date: 1970-01-01\n"
    }

    @Test func anUnknownRoleIsRefusedWithDidYouMeanUnlessExtra() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let before = try site.read("content/releases/2.4/signoffs.yaml")
        #expect(throws: DiagnosticError.self) { try SignoffRecorder.record(Self.request("janitor"), release: ReleaseID("2.4"), site: site.root) }
        do {
            _ = try SignoffRecorder.record(Self.request("finanse"), release: ReleaseID("2.4"), site: site.root)
            Issue.record("finanse was accepted")
        } catch {
            #expect(error.diagnostics.map(\.message) == [
                "role 'finanse' is not required for release '2.4'; did you mean 'finance'? (known roles: engineering, finance, qa, security); pass --extra-role to record it anyway",
            ])
        }
        #expect(try site.read("content/releases/2.4/signoffs.yaml") == before)
        _ = try SignoffRecorder.record(Self.request("janitor", extra: true), release: ReleaseID("2.4"), site: site.root)
        _ = try SignoffRecorder.record(Self.request("security"), release: ReleaseID("2.4"), site: site.root)
        #expect(try site.read("content/releases/2.4/signoffs.yaml") == before + Self.entry("janitor") + Self.entry("security"))
    }

    @Test func aSecondSignatureNeedsReplace() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let before = try site.read("content/releases/2.4/signoffs.yaml")
        #expect(throws: DiagnosticError.self) { try SignoffRecorder.record(Self.request("qa"), release: ReleaseID("2.4"), site: site.root) }
        #expect(try site.read("content/releases/2.4/signoffs.yaml") == before)
        _ = try SignoffRecorder.record(Self.request("qa", replace: true, approver: "B"), release: ReleaseID("2.4"), site: site.root)
        #expect(try site.read("content/releases/2.4/signoffs.yaml") == "# keep me\nrequired: [engineering, finance, qa]\nsignoffs:\n" + Self.entry("qa", "B"))
    }

    @Test func aRefusedEditLeavesTheFileAndNoTemporaryFiles() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let original = "{required: [qa], signoffs: []}\n"
        try site.write("content/releases/2.4/signoffs.yaml", original)
        #expect(throws: DiagnosticError.self) { try SignoffRecorder.record(Self.request("qa"), release: ReleaseID("2.4"), site: site.root) }
        #expect(try site.read("content/releases/2.4/signoffs.yaml") == original)
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/releases/2.4").path).sorted()
        #expect(names == [".signoffs.yaml.lock", "release.yaml", "signoffs.yaml"])
    }

    @Test func aFileWithErrorsIsNotTouched() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let broken = "required: [qa]\nsignoffs:\n  - { role: qa, approver: A, decision: maybe }\n"
        try site.write("content/releases/2.4/signoffs.yaml", broken)
        #expect(throws: DiagnosticError.self) { try SignoffRecorder.record(Self.request("qa", replace: true), release: ReleaseID("2.4"), site: site.root) }
        #expect(try site.read("content/releases/2.4/signoffs.yaml") == broken)
    }

    @Test func aByteOrderMarkAndThePermissionsStay() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        let path = site.root.appendingPathComponent("content/releases/2.4/signoffs.yaml").path
        try site.write("content/releases/2.4/signoffs.yaml", Data([0xEF, 0xBB, 0xBF]) + Data("required: [qa]\nsignoffs: []\n".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        _ = try SignoffRecorder.record(Self.request("qa"), release: ReleaseID("2.4"), site: site.root)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func aMissingFileIsCreatedForAConfiguredRole() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/releases/2.4/signoffs.yaml"))
        _ = try SignoffRecorder.record(Self.request("security"), release: ReleaseID("2.4"), site: site.root)
        #expect(try site.read("content/releases/2.4/signoffs.yaml") == SignoffRecorder.newFile.replacingOccurrences(of: "signoffs: []", with: """
            signoffs:
              - role: security
                approver: Ana
                decision: approved
                date: 1970-01-01
            """))
    }

    @Test func aMissingReleaseIsRefusedWithDidYouMean() throws {
        let site = try SiteFixture(Self.site)
        defer { site.remove() }
        do {
            _ = try SignoffRecorder.record(Self.request("qa"), release: ReleaseID("2.5"), site: site.root)
            Issue.record("2.5 was accepted")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["no release '2.5' (no folder content/releases/2.5); did you mean '2.4'?"])
        }
        #expect(!site.exists("content/releases/2.5"))
    }
}

@Suite struct ReleaseIDTests {
    @Test(arguments: ["../../../outside", ".", "..", "a/b", "a\\b", "nul\u{0}", "bell\u{7}", "del\u{7F}", "nel\u{85}", "", ".hidden", "/abs"])
    func pathsAndControlCharactersAreRefused(_ id: String) {
        #expect(throws: DiagnosticError.self) { try ReleaseID(id) }
    }

    @Test(arguments: ["1.0.0", "2026.2-warehouse-cutover", "v2 beta", "Ünïcode", "a..b"])
    func namesAreAccepted(_ id: String) throws {
        #expect(try ReleaseID(id).name == id)
    }

    @Test func theMessageShowsTheIdPrintably() {
        do {
            _ = try ReleaseID("a\u{1}b")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map(\.message) == [#"release id "a\u{1}b" contains a control character; a release id is its folder name under content/releases/"#])
        }
    }
}
