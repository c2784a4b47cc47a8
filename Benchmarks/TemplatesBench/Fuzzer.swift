import Foundation
import FlightdeckTemplates

/// Feeds random and mutated templates to the engine: every render must finish, quickly, with output or a
/// `TemplateError`. The input being tried is kept in `$TMPDIR/templates-fuzz-case.jinja`, so a crash leaves it behind.
enum Fuzzer {
    static let fragments = [
        "{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", "{%-", "-%}", " ", "\n", "x", "items", "loop", "loop.index", "|", "upper",
        "default", "join", "map", "select", "sort", "groupby", "truncate", "format", "round", "(", ")", "[", "]", "{", "}", "'", "\"",
        "if", "elif", "else", "endif", "for", "in", "endfor", "set", "endset", "macro", "endmacro", "call", "endcall", "block",
        "endblock", "extends", "include", "import", "from", "as", "raw", "endraw", "is", "not", "and", "or", "defined", "none",
        "1", "0", "-1", "2.5", "1e308", "'a'", "\"%s\"", ",", ":", ".", "=", "==", "+", "-", "*", "/", "//", "%", "**", "~",
        "é", "🚀", "\u{0}", "\\", "caller()", "super()", "'_partial_header.jinja'", "'_base.jinja'", "'_macros.jinja'",
    ]

    static func run(seconds: Double, corpus: URL?) -> Int32 {
        var templates: [String: String] = [:]
        var sources: [String] = []
        if let corpus {
            for folder in ["ok", "errors"] {
                let dir = corpus.appendingPathComponent(folder)
                for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".jinja") {
                    guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else { continue }
                    if name.hasPrefix("_") { templates[name] = text } else { sources.append(text) }
                }
            }
        }
        let context: [String: Value] = [
            "x": 3, "items": [1, "two", 3.5, ["a": 1]], "title": "<T>", "rows": [["name": "a", "v": 1], ["name": "b", "v": 2]],
            "people": [["name": "bob", "age": 30], ["name": "Al", "age": 25]], "year": 2024, "site": ["title": "S"],
        ]
        let seed = UInt64(Date().timeIntervalSince1970)
        var random = SplitMix(state: seed)
        let caseFile = FileManager.default.temporaryDirectory.appendingPathComponent("templates-fuzz-case.jinja")
        let deadline = Date().addingTimeInterval(seconds)
        var counts = (runs: 0, rendered: 0, failed: 0, slow: 0)
        var slowest = 0.0
        var messages: [String: Int] = [:]
        while Date() < deadline {
            for _ in 0..<50 {
                let source = makeCase(&random, sources)
                try? source.write(to: caseFile, atomically: false, encoding: .utf8)
                var environmentTemplates = templates
                environmentTemplates["main.jinja"] = source
                let environment = Environment(sources: [.memory(environmentTemplates)])
                let start = Date()
                do {
                    _ = try environment.render("main.jinja", context: context)
                    counts.rendered += 1
                } catch {
                    counts.failed += 1
                    // Group messages by their shape: quoted names and numbers blanked out.
                    let parts = error.message.split(separator: "'", omittingEmptySubsequences: false)
                    let shape = parts.enumerated().map { $0.offset % 2 == 1 ? "…" : String($0.element) }.joined(separator: "'")
                    messages[String(shape.prefix(70).filter { !$0.isNumber }), default: 0] += 1
                }
                let elapsed = Date().timeIntervalSince(start)
                slowest = max(slowest, elapsed)
                if elapsed > 2 { counts.slow += 1; print("slow (\(elapsed) s): \(source.prefix(200))") }
                counts.runs += 1
            }
        }
        print("fuzz: seed \(seed), \(counts.runs) templates in \(Int(seconds)) s: \(counts.rendered) rendered, \(counts.failed) failed with a TemplateError, \(counts.slow) slow (> 2 s); slowest \(String(format: "%.3f", slowest)) s")
        print("most frequent errors:")
        for (message, count) in messages.sorted(by: { $0.value > $1.value }).prefix(12) { print("  \(count)\t\(message)") }
        return counts.slow == 0 ? 0 : 1
    }

    /// A random template: fragment soup, or a corpus template with spans deleted, duplicated or replaced.
    static func makeCase(_ random: inout SplitMix, _ sources: [String]) -> String {
        if sources.isEmpty || random.below(4) == 0 {
            return (0..<random.below(40)).map { _ in fragments[random.below(fragments.count)] }.joined()
        }
        var scalars = Array(sources[random.below(sources.count)].unicodeScalars)
        for _ in 0...random.below(4) {
            let at = random.below(scalars.count + 1)
            let length = min(random.below(12), scalars.count - at)
            switch random.below(4) {
            case 0: scalars.removeSubrange(at..<(at + length))
            case 1: scalars.insert(contentsOf: scalars[at..<(at + length)], at: at)
            case 2: scalars.replaceSubrange(at..<(at + length), with: fragments[random.below(fragments.count)].unicodeScalars)
            default: scalars.insert(contentsOf: fragments[random.below(fragments.count)].unicodeScalars, at: at)
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
