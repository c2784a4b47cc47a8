import Foundation
import Testing
@testable import Flightdeck

/// A rollout with exactly one rollback: the theme's `{{ 's' if n != 1 }}` (an if-expression without else,
/// Jinja2's undefined, printed as nothing) once failed the whole build.
@Suite struct RollbackSiteBuildTests {
    private func site(rollbacks: Int) throws -> SiteFixture {
        let events = (0..<rollbacks).map { i in
            """
                - type: rollback
                  at: 2026-01-02T1\(i):00:00Z
                  stage: canary
                  reason: error rate over the gate (\(i + 1))
            """
        }.joined(separator: "\n")
        return try SiteFixture(minimalSite + """

            -- content/releases/1.0/rollout.yaml --
            as_of: 2026-01-03T00:00:00Z
            components:
              - name: api
                stages:
                - name: canary
                  traffic_percent: 5
                  start: 2026-01-02T08:00:00Z
                events:
            \(events)
            """)
    }

    @Test(arguments: [(1, "1 rollback "), (2, "2 rollbacks")])
    func buildsAndCountsRollbacks(_ count: Int, _ text: String) async throws {
        let site = try site(rollbacks: count)
        defer { site.remove() }
        _ = try await Site(root: site.root).build()
        let page = try site.read("public/releases/1.0/rollout/index.html")
        #expect(page.contains("· \(text)"), "\(page.components(separatedBy: "\n").filter { $0.contains("rollback") })")
    }
}
