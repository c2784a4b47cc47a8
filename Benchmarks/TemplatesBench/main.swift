import Foundation
import FlightdeckTemplates

/// TemplatesBench: `corpus DIR` checks fixtures, `render DIR NAME [CONTEXT.json]` prints one render.
let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "corpus": exit(CorpusCheck.run(directory: URL(fileURLWithPath: arguments.dropFirst().first ?? "."), record: arguments.contains("--record")))
case "stack": exit(StackCheck.run())
case "render":
    let rest = Array(arguments.dropFirst())
    guard rest.count >= 2 else { print("usage: TemplatesBench render DIR NAME [CONTEXT.json]"); exit(2) }
    let environment = Environment(sources: [.directory(URL(fileURLWithPath: rest[0]))])
    do {
        var context: [String: Value] = [:]
        if rest.count > 2, case .object(let pairs) = try Value(jsonData: try Data(contentsOf: URL(fileURLWithPath: rest[2]))) {
            for pair in pairs { context[pair.key] = pair.value }
        }
        print(try environment.render(rest[1], context: context), terminator: "")
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
default:
    print("usage: TemplatesBench corpus DIR | render DIR NAME [CONTEXT.json]")
}
