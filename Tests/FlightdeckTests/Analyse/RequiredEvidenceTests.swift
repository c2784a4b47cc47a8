import Foundation
import Testing
@testable import Flightdeck
import FlightdeckCore

/// The verdict's required inputs, unknown files, new-failure rules and releases that cannot be judged (docs/verdict.md).
@Suite struct RequiredEvidenceTests {
    /// A release with JUnit results and a signoffs.yaml in which qa must approve.
    private func release(_ id: String, date: String = "2026-05-01", product: String? = nil,
                         passing: [String] = ["a"], failing: [String] = []) -> String {
        releaseWithTests(id, date: date, product: product, passing: passing, failing: failing) + """

            -- content/releases/\(id)/signoffs.yaml --
            required: [qa]
            signoffs: []
            """
    }

    /// Records qa's approval of each release with `flightdeck signoff`'s code, digest included.
    private func sign(_ site: SiteFixture, _ ids: String...) throws {
        for id in ids {
            let release = try ReleaseID(id)
            var request = SignoffRecorder.Request(role: "qa", approver: "Kim Park", decision: "approved",
                                                  date: Date(timeIntervalSince1970: 1_778_371_200), comment: nil)
            request.evidence = try Site(root: site.root).signoffEvidence(release, approving: true)
            _ = try SignoffRecorder.record(request, release: release, site: site.root)
        }
    }

    private func verdict(_ site: SiteFixture, _ id: String) throws -> (Verdict, [String]) {
        let (model, diagnostics) = site.model()
        let entry = try #require(model?.releases.first { $0.data.release.id == id }, "\(diagnostics)")
        return (entry.figures.verdict, diagnostics.map(\.description))
    }

    @Test func almostNoEvidenceIsPendingAndSaysWhatIsMissing() throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo" + release("1.0")
            + "\n-- content/releases/1.0/perfomance.json --\n[]")
        defer { site.remove() }
        try sign(site, "1.0")
        let (verdict, diagnostics) = try verdict(site, "1.0")
        #expect(verdict.decision == .pending)
        #expect(verdict.reasons.first?.message == "missing evidence: performance, rollout (used 2 of 4 required inputs)")
        #expect(verdict.inputs.used == ["tests", "signoffs"])
        #expect(verdict.inputs.missing == ["performance", "rollout"])
        #expect(verdict.needs.first == "performance data (performance.json or performance.csv)")
        #expect(diagnostics == ["content/releases/1.0/perfomance.json:1:1: warning: not a known data file; did you mean 'performance.json'?"])
    }

    @Test func requireDecidesWhatIsEnoughSiteWideAndPerProduct() throws {
        let site = try SiteFixture("""
            -- flightdeck.yaml --
            title: Demo
            require: [tests, signoffs]
            products:
              mobile:
                require: [tests, signoffs, rollout]
            """ + release("web-1") + release("mobile-1", product: "mobile"))
        defer { site.remove() }
        try sign(site, "web-1", "mobile-1")
        let (web, _) = try verdict(site, "web-1")
        #expect(web.decision == .go, "\(web.reasons)")
        #expect(web.inputs.required == ["tests", "signoffs"])
        let (mobile, _) = try verdict(site, "mobile-1")
        #expect(mobile.decision == .pending)
        #expect(mobile.reasons.first?.message == "missing evidence: rollout (used 2 of 3 required inputs)")
    }

    @Test func everyDataKindIsAValidRequirementAndAMisspeltOneIsAnError() throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\nrequire: [tests, perfomance]\n" + release("1.0"))
        defer { site.remove() }
        let (model, diagnostics) = site.model()
        #expect(model == nil)
        #expect(diagnostics.map(\.description).contains(
            "flightdeck.yaml:2:18: error: 'require' lists data kinds (tests, baseline, performance, rollout, experiments, incidents, checklist, signoffs), found \"perfomance\"; did you mean 'performance'?"))
    }

    @Test func filesNoReaderTakesAreWarnedAboutWithTheirClosestKnownName() throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\nrequire: [tests]" + release("1.0") + """

            -- content/releases/1.0/test/junit.xml --
            <testsuite/>
            -- content/releases/1.0/tests/output.txt --
            log
            -- content/releases/1.0/performance.csv.example --
            stub
            -- content/releases/1.0/screenshot.png --
            png
            """)
        defer { site.remove() }
        let (_, diagnostics) = try verdict(site, "1.0")
        #expect(diagnostics == [
            "content/releases/1.0/screenshot.png:1:1: warning: not a known data file",
            "content/releases/1.0/test/junit.xml:1:1: warning: not a known data file; did you mean 'tests/junit.xml'?",
            "content/releases/1.0/tests/output.txt:1:1: warning: not a known data file; tests/ takes .xml and .trx and .json files",
        ])
    }

    /// A release whose test "b" fails, after one where it passed.
    private func newFailureSite(rule: String?) throws -> SiteFixture {
        try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\nrequire: [tests, signoffs]\n"
            + (rule.map { "thresholds:\n  tests:\n    ready_percent: 50\n    new_failures: \($0)\n" } ?? "thresholds:\n  tests:\n    ready_percent: 50\n")
            + release("1.0", date: "2026-01-01", passing: ["a", "b", "c"])
            + release("1.1", date: "2026-02-01", passing: ["a", "c"], failing: ["b"]))
    }

    @Test(arguments: [(nil, Verdict.Decision.noGo), ("block", .noGo), ("pending", .pending), ("ignore", .go)])
    func newFailuresFollowTheConfiguredRule(rule: String?, expected: Verdict.Decision) throws {
        let site = try newFailureSite(rule: rule)
        defer { site.remove() }
        try sign(site, "1.0", "1.1")
        let (second, _) = try verdict(site, "1.1")
        #expect(second.decision == expected)
        let tests = try #require(second.reasons.first { $0.area == "tests" })
        #expect(tests.message.hasSuffix("; 1 new failure since the previous release: t::b"))
        #expect(tests.evidence == "#new-failures")
        let (first, _) = try verdict(site, "1.0")
        #expect(first.decision == .go, "the first release has nothing to compare with")
    }

    @Test func aReleaseWithErrorsCannotBeJudgedButOthersStillBuildWithKeepGoing() async throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\nrequire: [tests, signoffs]" + release("good") + release("bad")
            + "\n-- content/releases/bad/release.yaml --\ntitle: bad\ndate: yesterday\n")
        defer { site.remove() }
        try sign(site, "good")
        await #expect(throws: DiagnosticError.self) { try await Site(root: site.root).build() }
        #expect(!site.exists("public/index.html"), "without --keep-going nothing is written")

        var options = BuildOptions()
        options.keepGoing = true
        let report = try await Site(root: site.root, options: options).build()
        #expect(report.releasesWithErrors == ["bad"])
        let bad = try site.read("public/releases/bad/index.html")
        #expect(bad.contains("CANNOT JUDGE"))
        #expect(bad.contains("<code>content/releases/bad/release.yaml:2:7</code> &#39;date&#39; must be a date YYYY-MM-DD, found &#34;yesterday&#34;"))
        #expect(try site.read("public/releases/good/index.html").contains(">GO<"))
        #expect(try site.read("public/index.html").contains("CANNOT JUDGE"))
        let model = try BuildPipeline(root: site.root, options: options).model(log: DiagnosticLog())
        #expect(model.trends.points.map(\.id) == ["good"], "a release that cannot be judged is not plotted")
    }

    @Test func gateJudgesOneReleaseWhateverTheOthersHold() throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\nrequire: [tests, signoffs]" + release("good") + release("bad")
            + "\n-- content/releases/bad/release.yaml --\ntitle: bad\ndate: yesterday\n")
        defer { site.remove() }
        try sign(site, "good")
        let good = try Site(root: site.root).gate(ReleaseID("good"))
        #expect(good.verdict.decision == .go)
        #expect(good.diagnostics.isEmpty, "another release's errors are not this release's")
        let bad = try Site(root: site.root).gate(ReleaseID("bad"))
        #expect(bad.verdict.decision == .cannotJudge)
        #expect(bad.exitCode == 3)
        #expect(bad.diagnostics.map(\.description) == [#"content/releases/bad/release.yaml:2:7: error: 'date' must be a date YYYY-MM-DD, found "yesterday""#])
    }

    @Test func aSignoffsFileWithoutRequiredRolesIsNotAnApproval() throws {
        let site = try SiteFixture("-- flightdeck.yaml --\ntitle: Demo\nrequire: [tests, signoffs]" + release("1.0")
            + "\n-- content/releases/1.0/signoffs.yaml --\nrequired: []\nsignoffs: []\n")
        defer { site.remove() }
        let (verdict, _) = try verdict(site, "1.0")
        #expect(verdict.decision == .pending)
        #expect(verdict.reasons.first?.message == "signoffs.yaml names no required roles")
    }
}

/// What a rollout that is still going needs, at the boundaries of its gates.
@Suite struct RolloutNeedsTests {
    /// A rollout whose active stage `canary` started `minutes` before `as_of` and served `requests`.
    private func needs(minutes: Int, requests: Int) throws -> Verdict.Reason {
        let start = try Timestamp.instant("2026-05-12T08:00:00Z").get()
        let asOf = Timestamp.instantString(start.addingTimeInterval(Double(minutes) * 60))
        let site = try SiteFixture("""
            -- flightdeck.yaml --
            title: Demo
            require: [rollout]
            thresholds:
              rollout:
                min_stage_minutes: 240
                min_operations: 100
            -- content/releases/1.0/release.yaml --
            title: One
            -- content/releases/1.0/rollout.yaml --
            as_of: \(asOf)
            stages:
              - name: canary
                traffic_percent: 10
                start: 2026-05-12T08:00:00Z
                requests: \(requests)
                errors: 0
              - name: general_availability
                traffic_percent: 100
            """)
        defer { site.remove() }
        let (model, diagnostics) = site.model()
        let verdict = try #require(model?.releases.first?.figures.verdict, "\(diagnostics)")
        return try #require(verdict.reasons.first { $0.area == "rollout" })
    }

    @Test func tooLittleTimeAndTooFewRequestsSayHowMuchMore() throws {
        let reason = try needs(minutes: 0, requests: 60)
        #expect(reason.level == .pending)
        #expect(reason.needs == [
            "40 more requests in stage canary (rollout gate min_operations)",
            "4h more in stage canary (rollout gate min_stage_minutes)",
            "the rollout completed at 100%, through general_availability (100%)",
        ])
    }

    @Test func oneMinuteShortIsStillWaitingAndTheBoundaryPasses() throws {
        #expect(try needs(minutes: 239, requests: 99).needs.prefix(2) == [
            "1 more request in stage canary (rollout gate min_operations)",
            "1m more in stage canary (rollout gate min_stage_minutes)",
        ])
        #expect(try needs(minutes: 240, requests: 100).needs == ["the rollout completed at 100%, through general_availability (100%)"])
    }
}
