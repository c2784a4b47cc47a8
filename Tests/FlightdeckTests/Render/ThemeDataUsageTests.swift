import FlightdeckTemplates
import Testing
@testable import Flightdeck

/// A page's context holds only the parts of `data` the templates read (`Environment.usage(of:in:)`): the raw
/// records of a large file (a rollout's metric samples, every test case, every baseline job) must not be
/// encoded for every page when the default theme shows only their figures.
struct ThemeDataUsageTests {
    @Test func theDefaultThemeReadsOnlyIncidentsAndTheRolloutsSources() {
        let names = EmbeddedTheme.templates.keys.sorted()
        let usage = Environment(sources: [.memory(EmbeddedTheme.templates)]).usage(of: "data", in: names)
        guard case .members(let members) = usage, case .members(let rollout) = members["rollout"] else {
            Issue.record("data.rollout should be read member by member: \(usage)")
            return
        }
        #expect(Set(members.keys) == ["incidents", "rollout"])
        #expect(["format", "prometheus", "controller"].allSatisfy { rollout[$0] == .whole })
        // The theme's other names `d` (loop variables over diagnostics, summaries) count too: harmless extra names,
        // none of them the samples or the stages.
        #expect(rollout["metrics"] == nil && rollout["components"] == nil, "\(rollout.keys.sorted())")
        // Each incident's fields that pages show, read through loop targets: not its postmortem's text.
        guard case .members(let incidents) = members["incidents"], case .members(let list) = incidents["incidents"],
              case .members(let incident) = list[VariableUsage.element] else {
            Issue.record("data.incidents.incidents should be read element by element: \(String(describing: members["incidents"]))")
            return
        }
        #expect(incident["body"] == nil && incident["id"] == .whole && incident["resolved"] == .whole, "\(incident.keys.sorted())")
    }
}
