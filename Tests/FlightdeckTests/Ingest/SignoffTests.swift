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
