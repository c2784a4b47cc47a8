import ArgumentParser
import Flightdeck
import Foundation

/// `flightdeck gate RELEASE`: print the verdict; exit 0 go, 1 no-go, 2 pending, 3 cannot judge, 64 usage.
struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Print a release's go/no-go verdict with its reasons; exit 0 go, 1 no-go, 2 pending, 3 cannot judge.",
        discussion: """
            Exit 3 means the release cannot be judged: it is unknown, its id is not a folder name (a path, a control \
            character), or its own data (or the site's config) has errors. A usage error exits 64. Only the \
            diagnostics of the judged release are printed.
            """
    )

    /// How the verdict is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The release id (its folder name under content/releases/).")
    var release: String

    @Option(name: .long, help: "text, json (for machines) or markdown (for a CI job summary or a pull-request comment).")
    var format: Format = .text

    func run() async throws {
        let id = try ReleaseID.argument(release, root: global.root, exitCode: Verdict.Decision.cannotJudge.exitCode)
        let report: GateReport
        do {
            report = try Site(root: global.root).gate(id)
        } catch {
            Console.report(error.diagnostics, root: global.root)
            throw ExitCode(Verdict.Decision.cannotJudge.exitCode)
        }
        Console.report(report.diagnostics, root: global.root, quiet: global.quiet)
        switch format {
        case .text: Console.out(global.quiet ? "\(release): \(report.verdict.decision.label)" : report.text)
        case .json:
            do {
                Console.out(try report.json())
            } catch {
                Console.report(error.diagnostics, root: global.root)
                throw ExitCode(Verdict.Decision.cannotJudge.exitCode)
            }
        case .markdown: Console.out(report.markdown)
        }
        throw ExitCode(report.exitCode)
    }
}
