import FlightdeckCore
import Foundation
import Testing
@testable import Flightdeck
import FlightdeckCore

/// Sign-offs bound to what they approved: digests, stale and unverified sign-offs (docs/verdict.md).
@Suite struct StaleSignoffTests {
    /// One release with every input kind a digest covers: tests, experiments, rollout metrics, checklist, notes.
    private func site() throws -> SiteFixture {
        try SiteFixture("""
            -- flightdeck.yaml --
            title: Demo
            require: [tests, signoffs]
            -- content/releases/1.0/release.yaml --
            title: One
            date: 2026-05-01
            -- content/releases/1.0/notes.md --
            # Notes
            -- content/releases/1.0/checklist.md --
            - [x] Tests pass `check: tests.success_rate >= 0.9`
            -- content/releases/1.0/tests/junit.xml --
            <testsuite name="s"><testcase classname="c" name="a"/><testcase classname="c" name="b"/></testsuite>
            -- content/releases/1.0/experiments.csv --
            metric,variant,kind,better,n,mean,std
            latency,control,continuous,lower,200,10,2
            latency,treatment,continuous,lower,200,9,2
            -- content/releases/1.0/signoffs.yaml --
            # Who approves.
            required: [qa, product]
            signoffs: []
            """)
    }

    private func sign(_ site: SiteFixture, _ role: String, by approver: String = "Kim Park", on day: String = "2026-05-10",
                      decision: String = "approved") throws {
        let release = try ReleaseID("1.0")
        var request = SignoffRecorder.Request(role: role, approver: approver, decision: decision,
                                              date: try #require(Timestamp.date(day)), comment: nil, replace: true)
        request.evidence = try Site(root: site.root).signoffEvidence(release, approving: decision == "approved")
        _ = try SignoffRecorder.record(request, release: release, site: site.root)
    }

    private func figures(_ site: SiteFixture) throws -> ReleaseFigures {
        let (model, diagnostics) = site.model()
        return try #require(model?.releases.first?.figures, "\(diagnostics)")
    }

    @Test func signedOnTheCurrentEvidenceIsVerifiedAndGo() throws {
        let site = try site()
        defer { site.remove() }
        try sign(site, "qa")
        try sign(site, "product")
        let figures = try figures(site)
        #expect(figures[SignoffsKind.self]?.roles.map(\.verification) == [.verified, .verified])
        let reason = try #require(figures.verdict.reasons.first { $0.area == "signoffs" })
        #expect(reason.level == .pass)
        #expect(reason.message == "all 2 required sign-offs approved on the current evidence")
        let evidence = try site.read("content/releases/1.0/signoffs.evidence.json")
        #expect(evidence.contains(#""path" : "tests/junit.xml""#) && evidence.contains(#""name" : "tests.success_rate""#))
        #expect(!evidence.contains("signoffs.yaml"), "the sign-offs are not their own evidence")
    }

    @Test(arguments: [
        ("tests/junit.xml", "<testsuite name=\"s\"><testcase classname=\"c\" name=\"a\"/></testsuite>\n"),
        ("experiments.csv", "metric,variant,kind,better,n,mean,std\nlatency,control,continuous,lower,200,10,2\nlatency,treatment,continuous,lower,200,8,2\n"),
        ("checklist.md", "- [x] Tests pass `check: tests.success_rate >= 0.9`\n- [x] Docs\n"),
        ("notes.md", "# Notes, edited\n"),
        ("release.yaml", "title: One\ndate: 2026-05-02\n"),
        ("tests/extra.xml", "<testsuite name=\"t\"><testcase classname=\"c\" name=\"z\"/></testsuite>\n"),
    ])
    func anyInputChangeMakesItStaleAndANewSignoffFreshAgain(path: String, text: String) throws {
        let site = try site()
        defer { site.remove() }
        try sign(site, "qa")
        try sign(site, "product")
        try site.write("content/releases/1.0/\(path)", text)
        let stale = try figures(site)
        let qa = try #require(stale[SignoffsKind.self]?.roles.first)
        #expect(qa.verification == .stale)
        #expect(qa.changedFiles == [path])
        #expect(qa.staleText?.hasPrefix("stale: signed 2026-05-10 by Kim Park; changed since: \(path)") == true, "\(qa.staleText ?? "")")
        #expect(stale.verdict.decision != .go)
        #expect(stale[SignoffsKind.self]?.stale == ["qa", "product"])
        #expect(stale.verdict.needs.contains("qa sign-off again on the current evidence"))

        try sign(site, "qa", on: "2026-05-11")
        try sign(site, "product", on: "2026-05-11")
        let fresh = try figures(site)
        #expect(fresh[SignoffsKind.self]?.roles.map(\.verification) == [.verified, .verified])
        #expect(fresh[SignoffsKind.self]?.stale == [])
    }

    @Test func aRemovedInputIsAChangeToo() throws {
        let site = try site()
        defer { site.remove() }
        try sign(site, "qa")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/releases/1.0/notes.md"))
        #expect(try figures(site)[SignoffsKind.self]?.roles.first?.changedFiles == ["notes.md"])
    }

    @Test func aChangedFigureShowsBeforeAndAfter() throws {
        let site = try site()
        defer { site.remove() }
        try sign(site, "qa")
        try site.write("content/releases/1.0/tests/junit.xml",
                       "<testsuite name=\"s\"><testcase classname=\"c\" name=\"a\"/><testcase classname=\"c\" name=\"b\"><failure/></testcase></testsuite>\n")
        let qa = try #require(try figures(site)[SignoffsKind.self]?.roles.first)
        #expect(qa.changedFiles == ["tests/junit.xml"])
        #expect(qa.changedFigures.contains(.init(name: "tests.success_rate", before: "1", after: "0.5")))
        #expect(qa.changedFigures.contains(.init(name: "tests.counts.failed", before: "0", after: "1")))
    }

    @Test func handWrittenApprovalsAreUnverifiedNotApproved() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("content/releases/1.0/signoffs.yaml", """
            required: [qa, product]
            signoffs:
              - { role: qa, approver: "Kim Park", decision: approved, date: 2026-05-10 }
            """)
        try sign(site, "product")
        let figures = try figures(site)
        #expect(figures[SignoffsKind.self]?.roles.map(\.verification) == [.unverified, .verified])
        #expect(figures[SignoffsKind.self]?.approved == 1)
        #expect(figures.verdict.decision == .pending)
        let reason = try #require(figures.verdict.reasons.first { $0.area == "signoffs" })
        #expect(reason.message == "1 of 2 approved; unverified (no digest, written by hand): qa")
        #expect(reason.needs == ["qa sign-off recorded with flightdeck signoff"])
    }

    @Test func aDecisionEditedByHandAfterRecordingIsUnverified() throws {
        let site = try site()
        defer { site.remove() }
        try sign(site, "qa", decision: "rejected")
        try sign(site, "product")
        let path = "content/releases/1.0/signoffs.yaml"
        try site.write(path, try site.read(path).replacingOccurrences(of: "decision: rejected", with: "decision: approved"))
        let figures = try figures(site)
        #expect(figures[SignoffsKind.self]?.roles.map(\.verification) == [.unverified, .verified])
        #expect(figures[SignoffsKind.self]?.roles.first?.unverifiedWhy == "edited by hand after flightdeck signoff recorded it")
        #expect(figures.verdict.decision == .pending)
        #expect(figures.verdict.reasons.first { $0.area == "signoffs" }?.message
            == "1 of 2 approved; unverified (edited by hand after flightdeck signoff recorded it): qa")
    }

    @Test func everyRoleSignedOnTheSameEvidenceKeepsItsOwnSignature() throws {
        let site = try site()
        defer { site.remove() }
        try sign(site, "qa")
        try sign(site, "product", by: "Ana Lima", on: "2026-05-11")
        try sign(site, "qa", by: "Kim Park", on: "2026-05-12")
        let evidence = try site.read("content/releases/1.0/signoffs.evidence.json")
        #expect(evidence.components(separatedBy: "\"role\" :").count - 1 == 2, "one signature a role: \(evidence)")
        #expect(evidence.contains("2026-05-12") && !evidence.contains("2026-05-10"), "the replaced signature is dropped")
        #expect(try figures(site)[SignoffsKind.self]?.roles.map(\.verification) == [.verified, .verified])
    }

    @Test func withoutItsEvidenceFileAnUnchangedSignoffIsUnverified() throws {
        let site = try site()
        defer { site.remove() }
        try sign(site, "qa")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/releases/1.0/signoffs.evidence.json"))
        let qa = try #require(try figures(site)[SignoffsKind.self]?.roles.first)
        #expect(qa.verification == .unverified)
        #expect(qa.unverifiedWhy == "its record is missing from signoffs.evidence.json")
    }

    @Test func withoutItsEvidenceFileAStaleSignoffStillIsStale() throws {
        let site = try site()
        defer { site.remove() }
        try sign(site, "qa")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/releases/1.0/signoffs.evidence.json"))
        try site.write("content/releases/1.0/notes.md", "# Changed\n")
        let qa = try #require(try figures(site)[SignoffsKind.self]?.roles.first)
        #expect(qa.verification == .stale)
        #expect(qa.changedFiles == nil)
        #expect(qa.staleText == "stale: signed 2026-05-10 by Kim Park; changed since: input files (the list signed is no longer in signoffs.evidence.json)")
    }

    @Test func editedEvidenceAndMalformedDigestsAreErrors() throws {
        let site = try site()
        defer { site.remove() }
        try sign(site, "qa")
        let path = "content/releases/1.0/signoffs.evidence.json"
        let evidence = try site.read(path)
        let hash = try #require(evidence.range(of: #"(?<="sha256" : ")[0-9a-f]{64}"#, options: .regularExpression))
        try site.write(path, evidence.replacingCharacters(in: hash, with: String(repeating: "0", count: 64)))
        let (_, edited) = site.model()
        #expect(edited.contains { $0.severity == .error && $0.message.hasSuffix("do not hash to it; the evidence was edited by hand") })

        try site.write(path, evidence)
        let yaml = try site.read("content/releases/1.0/signoffs.yaml")
        try site.write("content/releases/1.0/signoffs.yaml", yaml.replacingOccurrences(of: "digest: \"sha256:", with: "digest: \"md5:"))
        let (_, malformed) = site.model()
        #expect(malformed.contains { $0.severity == .error && $0.message.hasPrefix("'digest' must be sha256: and 64 hex digits") })
    }

    @Test func anUnjudgeableReleaseCannotBeApprovedButCanBeRejected() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("content/releases/1.0/release.yaml", "title: One\ndate: soon\n")
        #expect(throws: DiagnosticError.self) { try sign(site, "qa") }
        try sign(site, "qa", decision: "rejected")
        #expect(try site.read("content/releases/1.0/signoffs.yaml").contains("decision: rejected"))
    }

    @Test func theDigestIsWhatSha256sumPrints() throws {
        let site = try site()
        defer { site.remove() }
        try sign(site, "qa")
        let digest = try #require(try site.read("content/releases/1.0/signoffs.yaml")
            .range(of: #"sha256:[0-9a-f]{64}"#, options: .regularExpression).map { try site.read("content/releases/1.0/signoffs.yaml")[$0] })
        // The oracle: coreutils over the same files, as docs/verdict.md tells a reader to check it.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "find . -type f ! -name 'signoffs.*' ! -name '.*' | sed 's|^./||' | LC_ALL=C sort | xargs sha256sum | sha256sum"]
        process.currentDirectoryURL = site.root.appendingPathComponent("content/releases/1.0")
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect("sha256:" + printed.prefix(64) == digest)
    }
}

/// SHA-256 against Python's hashlib (Fixtures/sha256/generate.py).
@Suite struct SHA256Tests {
    @Test func equalsHashlib() throws {
        let json = try #require(try FixtureLoader.json("sha256/vectors.json") as? [String: Any])
        let vectors = try #require(json["vectors"] as? [[String: Any]])
        #expect(vectors.count == 17)
        for vector in vectors {
            let length = try #require(vector["length"] as? Int)
            let bytes = Data((0..<length).map { UInt8(($0 * 31 + 7) % 256) })
            #expect(SHA256.hex(bytes) == vector["sha256"] as? String, "length \(length)")
            #expect(SHA256.hex(Data([0xAA]) + bytes[...]) != vector["sha256"] as? String)
        }
        for text in try #require(json["texts"] as? [[String: String]]) {
            #expect(SHA256.hex(Data((text["text"] ?? "").utf8)) == text["sha256"])
        }
    }

    /// Hashed in pieces of any size (a mapped file checked a mebibyte at a time), the digest is hashlib's.
    @Test(arguments: [1, 7, 64, 1000]) func piecesGiveTheSameDigest(pieceSize: Int) throws {
        let json = try #require(try FixtureLoader.json("sha256/vectors.json") as? [String: Any])
        for vector in try #require(json["vectors"] as? [[String: Any]]) {
            let length = try #require(vector["length"] as? Int)
            let bytes = (0..<length).map { UInt8(($0 * 31 + 7) % 256) }
            let digest = bytes.withUnsafeBytes { all in
                SHA256.digest { piece in
                    var from = 0
                    repeat {
                        let to = min(all.count, from + pieceSize)
                        piece(UnsafeRawBufferPointer(rebasing: all[from..<to]))
                        from = to
                    } while from < all.count
                }
            }
            #expect(SHA256.hex(digest: digest) == vector["sha256"] as? String, "length \(length)")
        }
    }
}
