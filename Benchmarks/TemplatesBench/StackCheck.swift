import Foundation
import FlightdeckTemplates

/// Renders the deepest templates the limits allow on a thread with a small stack (512 KiB, as secondary
/// threads get on macOS), to show that the limits fail cleanly before the stack runs out.
enum StackCheck {
    static let cases: [(String, String)] = [
        ("nested ifs at the limit", String(repeating: "{% if true %}", count: 127) + "x" + String(repeating: "{% endif %}", count: 127)),
        ("100 nested fors", String(repeating: "{% for i in [1] %}", count: 100) + "x" + String(repeating: "{% endfor %}", count: 100)),
        ("1000 nested ifs", String(repeating: "{% if true %}", count: 1000) + "x" + String(repeating: "{% endif %}", count: 1000)),
        ("nested parentheses", "{{ " + String(repeating: "(", count: 126) + "1" + String(repeating: ")", count: 126) + " }}"),
        ("nested lists", "{{ " + String(repeating: "[", count: 126) + "1" + String(repeating: "]", count: 126) + "|length }}"),
        ("not not not", "{{ " + String(repeating: "not ", count: 126) + "1 }}"),
        ("unary minus", "{{ " + String(repeating: "-", count: 126) + "1 }}"),
        ("recursive macro", "{% macro down(n) %}{% if n > 0 %}{{ down(n - 1) }}{% endif %}{% endmacro %}{{ down(200) }}"),
        ("recursive macro in loops", "{% macro down(n) %}{% for i in [1] %}{% if n > 0 %}{{ down(n - 1)|upper }}{% endif %}{% endfor %}{% endmacro %}{{ down(200) }}"),
        ("recursive include", "{% include 'self.html' %}"),
        ("conditional chain", "{{ " + String(repeating: "1 if false else ", count: 126) + "2 }}"),
        ("filter chain", "{{ 'x'" + String(repeating: "|upper", count: 2000) + " }}"),
        ("attribute chain", "{{ a" + String(repeating: ".b", count: 2000) + " is defined }}"),
    ]

    static func run() -> Int32 {
        var failures: Int32 = 0
        for (name, source) in cases {
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var outcome = ""
            let thread = Thread {
                let environment = Environment(sources: [.memory(["main.html": source, "self.html": "x{% include 'self.html' %}"])])
                do {
                    outcome = "rendered \(try environment.render("main.html", context: [:]).count) characters"
                } catch {
                    outcome = "error: \(String(describing: error).prefix(120))"
                }
                done.signal()
            }
            thread.stackSize = (Int(ProcessInfo.processInfo.environment["STACK_KB"] ?? "") ?? 512) * 1024
            print("\(name)...", terminator: " "); fflush(nil)
            thread.start()
            if done.wait(timeout: .now() + 60) == .timedOut { outcome = "TIMEOUT"; failures += 1 }
            print("\(name): \(outcome)")
            fflush(nil)
        }
        return failures
    }
}
