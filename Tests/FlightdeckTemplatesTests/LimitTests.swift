import Foundation
import Testing
@testable import FlightdeckTemplates

/// Hostile templates fail with a message, never with a stack overflow, even from a concurrency worker thread.
@Suite struct LimitTests {
    static let hostile: [(String, String)] = [
        (String(repeating: "{% if true %}", count: 1000) + "x" + String(repeating: "{% endif %}", count: 1000), "nested too deeply"),
        (String(repeating: "{% for i in [1] %}", count: 1000), "nested too deeply"),
        ("{{ " + String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000) + " }}", "nested too deeply"),
        ("{{ x" + String(repeating: "|upper", count: 5000) + " }}", "too long or nested too deeply"),
        ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}", "too many nested includes, blocks or macro calls"),
        ("{% include 't' %}", "too many nested includes, blocks or macro calls"),
        ("{{ 'x' * 100000000 }}", "too large"),
    ]

    @Test(arguments: hostile.indices)
    func failsCleanly(_ index: Int) async {
        let (source, message) = Self.hostile[index]
        let environment = Environment(sources: [.memory(["t": source])])
        let result = await Task.detached { () -> String in
            do {
                return "rendered: " + (try environment.render("t", context: ["x": "x"]))
            } catch let error as TemplateError {
                return error.description
            } catch {
                return "unexpected: \(error)"
            }
        }.value
        #expect(result.contains(message), "\(result.prefix(200))")
    }

    @Test func rendersDirectlyOnTheLargeStackThreadsOfConcurrentPerform() {
        // Every hostile template, rendered from the worker threads (where renders start no thread of their own).
        let outcomes = Outcomes(count: Self.hostile.count)
        Environment.concurrentPerform(iterations: Self.hostile.count) { index in
            do {
                _ = try Environment(sources: [.memory(["t": Self.hostile[index].0])]).render("t", context: ["x": "x"])
                outcomes.set(index, "rendered")
            } catch {
                outcomes.set(index, "\(error)")
            }
        }
        for (index, outcome) in outcomes.all.enumerated() {
            #expect(outcome?.contains(Self.hostile[index].1) == true, "\(Self.hostile[index].0.prefix(40)): \(outcome ?? "nothing")")
        }
    }

    /// Results written from the worker threads.
    private final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
        var all: [String?] { lock.withLock { values } }
    }

    @Test func allowsDeepButReasonableRecursion() throws {
        let environment = Environment(sources: [.memory(["t": "{% macro down(n) %}{% if n > 0 %}({{ down(n - 1) }}){% endif %}{% endmacro %}{{ down(90) }}"])])
        #expect(try environment.render("t", context: [:]) == String(repeating: "(", count: 90) + String(repeating: ")", count: 90))
    }
}

/// Macros and the scopes that hold them refer to each other; a finished render must leave nothing behind.
@Suite struct MemoryTests {
    @Test func aRenderWithMacrosFreesItsScopes() throws {
        let environment = Environment(sources: [.memory([
            "t": "{% import 'm' as m %}{% macro a(x) %}{{ x }}{% endmacro %}{% for i in [1, 2] %}{{ a(i) }}{{ m.b(i) }}{% endfor %}",
            "m": "{% macro b(y) %}{% macro inner() %}{{ y }}{% endmacro %}{{ inner() }}{% endmacro %}",
        ])])
        weak var root: Scope?
        let template = try environment.template(named: "t")
        try {
            let scope = Scope(parent: nil, context: ["big": .string(String(repeating: "x", count: 1000))])
            root = scope
            let renderer = Renderer(environment: environment)
            var out = ""
            try renderer.renderTemplate(template, scope: scope, blocks: BlockTable(), into: &out)
            renderer.finish()
            #expect(out == "1122")
        }()
        #expect(root == nil)
    }
}
