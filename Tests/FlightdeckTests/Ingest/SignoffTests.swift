import Testing
@testable import Flightdeck

@Suite struct SignoffTests {
    @Test func badDecisionSuggestsTheClosestAndDuplicatesAreErrors() async throws {
        let site = try SiteFixture("""
            -- flightdeck.yaml --
            -- content/releases/a/release.yaml --
            title: A
            -- content/releases/a/signoffs.yaml --
            required: [qa, ops]
            signoffs:
              - { role: qa, approver: A, decision: aproved }
              - { role: ops, approver: B, decision: approved, date: 2026-13-01 }
              - { role: ops, approver: C, decision: rejected, comment: "no" }
              - { role: sec, approver: D, decision: approved, typo: 1 }
            """)
        defer { site.remove() }
        #expect(await site.check() == [
            #"content/releases/a/signoffs.yaml:3:40: error: 'decision' must be one of approved, rejected, pending, found "aproved"; did you mean 'approved'?"#,
            #"content/releases/a/signoffs.yaml:4:57: error: 'date' must be a date YYYY-MM-DD, found "2026-13-01""#,
            "content/releases/a/signoffs.yaml:5:5: error: role 'ops' signed twice (first at line 4); keep one entry per role",
            "content/releases/a/signoffs.yaml:6:51: warning: unknown key 'typo'",
            "content/releases/a/signoffs.yaml:6:1: warning: role 'sec' is not in 'required'",
        ])
    }

    /// signoffs.yaml is read a sign-off at a time; the file's own problems still come first, as when it was read
    /// whole, and a syntax error after some sign-offs is the only problem said, as it was.
    @Test func readASignoffAtATimeTheFilesOwnProblemsComeFirst() async throws {
        let site = try SiteFixture("""
            -- flightdeck.yaml --
            -- content/releases/a/release.yaml --
            title: A
            -- content/releases/a/signoffs.yaml --
            signoffs:
              - { role: qa, approver: A }
              - { role: ops, approver: B, decision: approved }
            required: qa
            """)
        defer { site.remove() }
        #expect(await site.check() == [
            #"content/releases/a/signoffs.yaml:4:11: error: 'required' must be a list, found "qa""#,
            "content/releases/a/signoffs.yaml:2:5: error: missing required field 'decision'",
            "content/releases/a/signoffs.yaml:3:1: warning: role 'ops' is not in 'required'",
        ])
        // A list with an anchor is not read a sign-off at a time: its problems are said all the same.
        let anchored = try SiteFixture("""
            -- flightdeck.yaml --
            -- content/releases/a/release.yaml --
            title: A
            -- content/releases/a/signoffs.yaml --
            signoffs: &all
              - { role: qa, approver: A }
            required: [qa]
            """)
        defer { anchored.remove() }
        #expect(await anchored.check() == ["content/releases/a/signoffs.yaml:2:5: error: missing required field 'decision'"])
        let broken = try SiteFixture("""
            -- flightdeck.yaml --
            -- content/releases/a/release.yaml --
            title: A
            -- content/releases/a/signoffs.yaml --
            required: [qa]
            signoffs:
              - { role: qa, approver: A }
              - { role: ops, approver: B, decision: approved
            """)
        defer { broken.remove() }
        let problems = await broken.check()
        #expect(problems.count == 1 && problems.first?.hasPrefix("content/releases/a/signoffs.yaml:5:1: error: invalid YAML: ") == true,
                "\(problems)")
    }

    @Test func aRoleConfiguredForTheSiteIsNoWarning() async throws {
        let site = try SiteFixture("""
            -- flightdeck.yaml --
            signoffs:
              roles: [security]
            -- content/releases/a/release.yaml --
            title: A
            -- content/releases/a/signoffs.yaml --
            required: [qa]
            signoffs:
              - { role: security, approver: S, decision: approved }
              - { role: janitor, approver: J, decision: approved }
            """)
        defer { site.remove() }
        #expect(await site.check() == ["content/releases/a/signoffs.yaml:4:1: warning: role 'janitor' is not in 'required'"])
    }
}
