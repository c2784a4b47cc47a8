import Foundation
import FlightdeckTemplates

/// Renders every `ok/*.jinja` fixture and compares it with its `.out`; every `errors/*.jinja` with its `.err`.
enum CorpusCheck {
    static func context(_ url: URL) throws -> [String: Value] {
        guard let data = FileManager.default.contents(atPath: url.path), case .object(let pairs) = try Value(jsonData: data) else { return [:] }
        var context: [String: Value] = [:]
        for pair in pairs { context[pair.key] = pair.value }
        return context
    }

    static func run(directory: URL, record: Bool = false) -> Int32 {
        var failures = 0, total = 0
        for folder in ["ok", "errors"] {
            let dir = directory.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".jinja") && !$0.hasPrefix("_") }.sorted()
            let environment = Environment(sources: [.directory(dir)])
            for name in names {
                total += 1
                let base = dir.appendingPathComponent(String(name.dropLast(6)))
                let expectedURL = base.appendingPathExtension(folder == "ok" ? "out" : "err")
                let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? "<missing>"
                var actual: String
                do {
                    actual = try environment.render(name, context: try context(base.appendingPathExtension("json")))
                } catch let error as TemplateError {
                    actual = "ERROR: " + error.description + "\n"
                } catch {
                    actual = "ERROR: \(error)\n"
                }
                if folder == "errors" { actual = actual.hasPrefix("ERROR: ") ? String(actual.dropFirst(7)) : "RENDERED: " + actual }
                if record && folder == "errors" && actual != expected {
                    try? actual.write(to: expectedURL, atomically: true, encoding: .utf8)
                    print("recorded \(folder)/\(name): \(actual)")
                } else if actual != expected {
                    failures += 1
                    print("FAIL \(folder)/\(name)\n--- expected\n\(expected)\n--- actual\n\(actual)\n")
                }
            }
        }
        print("\(total - failures)/\(total) passed")
        return failures == 0 ? 0 : 1
    }
}
