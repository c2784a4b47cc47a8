import Foundation
import Testing
@testable import FlightdeckTemplates

/// `Environment.usage(of:in:)` decides which members of `data` a page's context holds: a member it misses is a
/// member templates see as undefined, so every way of reaching one must count.
struct UsageTests {
    private func usage(_ templates: [String: String]) -> VariableUsage {
        Environment(sources: [.memory(templates)]).usage(of: "data", in: templates.keys.sorted())
    }

    @Test func membersAreFollowedFourLevelsDown() {
        #expect(usage(["t": "{{ data.rollout.format }}{{ data['tests']['suites'] | length }}"])
                == .members(["rollout": .members(["format": .whole]), "tests": .members(["suites": .whole])]))
        #expect(usage(["t": "{{ data.rollout.metrics[0].x.y.z }}"])
                == .members(["rollout": .members(["metrics": .members(["[]": .members(["x": .whole])])])]),
                "below four levels the member is used whole")
        #expect(usage(["t": "{{ data.rollout }}{{ data.rollout.format }}"]) == .members(["rollout": .whole]))
        #expect(usage(["t": "{{ x.rollout }}"]) == .unused)
    }

    @Test func computedKeysAndBareUsesTakeTheWhole() {
        // A computed index reads an element ("[]"): an object read that way keeps every member whole (the encoder).
        #expect(usage(["t": "{{ data[key].x }}"]) == .members(["[]": .members(["x": .whole])]))
        #expect(usage(["t": "{{ data.rollout[key] }}"]) == .members(["rollout": .members(["[]": .whole])]))
        #expect(usage(["t": "{{ data.rollout[data.tests.name] }}"])
                == .members(["rollout": .members(["[]": .whole]), "tests": .members(["name": .whole])]), "the index is walked too")
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

    /// A loop's target stands for an element of the list it iterates: its uses are what the elements keep, and the
    /// loop itself reads only that they are there. So a page that lists incidents by title encodes no postmortem.
    @Test func aLoopTargetStandsForAnElement() {
        #expect(usage(["t": "{% for i in data.incidents.incidents %}{{ i.title }}{% endfor %}"])
                == .members(["incidents": .members(["incidents": .members(["[]": .members(["title": .whole])])])]))
        #expect(usage(["t": "{% for i in data.incidents.incidents %}{{ loop.index }}{% endfor %}"])
                == .members(["incidents": .members(["incidents": .members(["[]": .members([:])])])]), "only the elements' count")
        #expect(usage(["t": "{% for i in data.list %}{{ i }}{% endfor %}"]) == .members(["list": .members(["[]": .whole])]),
                "a bare target takes its whole element")
        #expect(usage(["t": "{% for i in data.list if i.on %}{{ show(i.x) }}{% endfor %}"])
                == .members(["list": .members(["[]": .members(["on": .whole, "x": .whole])])]))
        // An include shares the loop's names.
        #expect(usage(["a": "{% for incident in data.incidents.incidents %}{% include 'b' %}{% endfor %}", "b": "{{ incident.id }}"])
                == .members(["incidents": .members(["incidents": .members(["[]": .members(["id": .whole])])])]))
        #expect(usage(["t": "{% set incident = data.incidents.incidents[name] %}{{ incident.title }}"])
                == .members(["incidents": .members(["incidents": .members(["[]": .members(["title": .whole])])])]))
        #expect(usage(["t": "{% for a, b in data.pairs %}{{ a }}{% endfor %}"]) == .members(["pairs": .whole]),
                "two targets: the iterable is read whole")
        #expect(usage(["t": "{% for i in data.list | sort %}{{ i.x }}{% endfor %}"]) == .members(["list": .whole]),
                "a filtered iterable is read whole")
    }

    /// An element's usage is applied to each element of a list; an object read as a list (a mapping iterated for
    /// its keys, or indexed by a computed key) keeps every member whole.
    @Test func elementsKeepWhatTheirUsageSays() throws {
        struct Incident: Encodable { let id: String; let title = "T"; let body = "long" }
        struct Data: Encodable { let incidents = [Incident(id: "a"), Incident(id: "b")]; let byID = ["a": Incident(id: "a")]; let other = 1 }
        let templates = ["t": "{% for i in data.incidents %}{{ i.id }}{% endfor %}{% for k in data.by_id %}{{ k }}{% endfor %}"]
        guard case .members(let members) = usage(templates) else {
            Issue.record("expected members")
            return
        }
        let value = try Value.encode(Data(), members: members)
        let incident = { (id: String) in Value.object([("id", .string(id)), ("title", .string("T")), ("body", .string("long"))]) }
        #expect(value == .object([("incidents", .array([.object([("id", .string("a"))]), .object([("id", .string("b"))])])),
                                  ("by_id", .object([("a", incident("a"))]))]))
        let rendered = try Environment(sources: [.memory(templates)]).render("t", context: ["data": value])
        #expect(rendered == "aba")
    }
}
