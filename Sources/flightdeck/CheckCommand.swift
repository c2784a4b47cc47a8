import ArgumentParser
import Flightdeck
import Foundation

/// `flightdeck check`: validate everything and write nothing.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate config, content, data and templates; report every problem; write nothing."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Output format: text (default) or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Include drafts.")
    var drafts = false

    @Flag(name: .long, help: "Also check every internal link, image source and #fragment of the rendered pages.")
    var links = false

    @Flag(name: .long, help: "With --links: list the links to other sites (never fetched) on standard output.")
    var external = false

    func validate() throws {
        if external && !links { throw ValidationError("--external lists what --links finds; add --links") }
    }

    func run() async throws {
        var options = BuildOptions(includeDrafts: drafts)
        options.checkLinks = links
        if global.verbose { options.progress = { Console.error($0) } }
        let report = await Site(root: global.root, options: options).checkReport()
        let diagnostics = report.diagnostics
        if external {
            for link in report.externalLinks {
                Console.out("external: \(link.url) on \(link.page)" + (link.source.map { " (\($0))" } ?? ""))
            }
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        switch format {
        case .json:
            Console.out(DiagnosticJSON.encode(diagnostics))
        case .text:
            Console.report(diagnostics, root: global.root, quiet: global.quiet)
            if errors == 0, !global.quiet {
                let warnings = diagnostics.count
                Console.out("No errors\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "").")
            }
        }
        if errors > 0 { throw ExitCode(1) }
    }
}

/// Diagnostics as a JSON array for machines: severity, file, line, column, message.
enum DiagnosticJSON {
    private struct Entry: Encodable {
        let severity: String
        let file: String?
        let line: Int?
        let column: Int?
        let message: String
    }

    static func encode(_ diagnostics: [Diagnostic]) -> String {
        let entries = diagnostics.map {
            Entry(severity: $0.severity.rawValue, file: $0.location?.file, line: $0.location?.line,
                  column: $0.location?.column, message: $0.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
