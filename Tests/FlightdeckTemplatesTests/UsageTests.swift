import Foundation
import Testing
@testable import FlightdeckTemplates

/// `Environment.usage(of:in:)` decides which members of `data` a page's context holds: a member it misses is a
/// member templates see as undefined, so every way of reaching one must count.
struct UsageTests {
    private func usage(_ templates: [String: String]) -> VariableUsage {
        Environment(sources: [.memory(templates)]).usage(of: "data", in: templates.keys.sorted())
    }

    @Test func membersAreFollowedTwoLevelsDown() {
        #expect(usage(["t": "{{ data.rollout.format }}{{ data['tests']['suites'] | length }}"])
                == .members(["rollout": .members(["format": .whole]), "tests": .members(["suites": .whole])]))
        #expect(usage(["t": "{{ data.rollout.metrics[0].x }}"]) == .members(["rollout": .members(["metrics": .whole])]),
                "below two levels the member is used whole")
        #expect(usage(["t": "{{ data.rollout }}{{ data.rollout.format }}"]) == .members(["rollout": .whole]))
        #expect(usage(["t": "{{ x.rollout }}"]) == .unused)
    }

    @Test func computedKeysAndBareUsesTakeTheWhole() {
        #expect(usage(["t": "{{ data[key].x }}"]) == .whole)
        #expect(usage(["t": "{{ data.rollout[key] }}"]) == .members(["rollout": .whole]))
        #expect(usage(["t": "{% for k, v in data.rollout.items() %}{{ v }}{% endfor %}"]) == .members(["rollout": .whole]),
                "a method call reads the whole value, its name is no member")
        #expect(usage(["t": "{{ data | tojson }}"]) == .whole)
    }

    @Test func aNameSetToAMemberStandsForItInEveryTemplate() {
        // Jinja's include shares the including template's names, so an alias set in one template counts in all.
        let templates = ["a": "{% set d = data.rollout %}{{ d.format }}{% include 'b' %}", "b": "{% for p in d.prometheus %}{{ p }}{% endfor %}"]
        #expect(usage(templates) == .members(["rollout": .members(["format": .whole, "prometheus": .whole])]))
        #expect(usage(["t": "{% if x %}{% set d = data.rollout %}{% endif %}{{ d | length }}"]) == .members(["rollout": .whole]),
                "the alias used bare takes the whole member")
        #expect(usage(["t": "{% set d = data.rollout %}{% set d = data.tests %}{{ d.x }}"])
                == .members(["rollout": .members(["x": .whole]), "tests": .members(["x": .whole])]), "bound twice, both count")
    }

    /// What the encoder keeps is what the usage names, at both levels, and nothing else.
    @Test func encodingKeepsOnlyTheMembersUsed() throws {
        struct Rollout: Encodable { let format = "yaml"; let metrics = [1, 2, 3] }
        struct Data: Encodable { let rollout = Rollout(); let tests = ["a"]; let other = 1 }
        guard case .members(let members) = usage(["t": "{{ data.rollout.format }}{{ data.tests }}"]) else {
            Issue.record("expected members")
            return
        }
        let value = try Value.encode(Data(), members: members)
        #expect(value == .object([("rollout", .object([("format", .string("yaml"))])), ("tests", .array([.string("a")]))]))
    }
}
