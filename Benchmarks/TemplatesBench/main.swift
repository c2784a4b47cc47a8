import Foundation
import FlightdeckTemplates

/// TemplatesBench: benchmark, corpus check, stack check and fuzzing for the template engine.
///
///     TemplatesBench prepare DIR [ROWS]        write the report workload (templates + context.json)
///     TemplatesBench bench DIR [ITERATIONS]    time renders of DIR/report.html
///     TemplatesBench fuzz SECONDS [CORPUS]     random and mutated templates: no crash, no hang, only TemplateErrors
///     TemplatesBench corpus FIXTURES [--record]  check the differential corpus (record .err files)
///     TemplatesBench stack                     the deepest allowed templates on a 512 KiB thread
///     TemplatesBench render DIR NAME [CONTEXT] print one render
let arguments = Array(CommandLine.arguments.dropFirst())
func argument(_ index: Int) -> String? { index < arguments.count ? arguments[index] : nil }

do {
    switch argument(0) {
    case "prepare":
        try ReportWorkload.write(to: URL(fileURLWithPath: argument(1) ?? "report"), rows: Int(argument(2) ?? "") ?? 10_000)
    case "bench":
        try RenderTiming.run(folder: URL(fileURLWithPath: argument(1) ?? "report"), iterations: Int(argument(2) ?? "") ?? 20)
    case "fuzz":
        exit(Fuzzer.run(seconds: Double(argument(1) ?? "") ?? 10, corpus: argument(2).map { URL(fileURLWithPath: $0) }))
    case "corpus":
        exit(CorpusCheck.run(directory: URL(fileURLWithPath: argument(1) ?? "."), record: arguments.contains("--record")))
    case "stack":
        exit(StackCheck.run())
    case "render":
        guard let folder = argument(1), let name = argument(2) else { print("usage: TemplatesBench render DIR NAME [CONTEXT.json]"); exit(2) }
        var context: [String: Value] = [:]
        if let file = argument(3), case .object(let pairs) = try Value(jsonData: try Data(contentsOf: URL(fileURLWithPath: file))) {
            for pair in pairs { context[pair.key] = pair.value }
        }
        print(try Environment(sources: [.directory(URL(fileURLWithPath: folder))]).render(name, context: context), terminator: "")
    default:
        print("usage: TemplatesBench prepare|bench|fuzz|corpus|stack|render ...")
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
