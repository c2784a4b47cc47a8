import ArgumentParser
import Flightdeck
import Foundation

/// `flightdeck gate RELEASE`: print the verdict; exit 0 go, 1 no-go, 2 pending.
struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Print a release's go/no-go verdict with its reasons; exit 0 go, 1 no-go, 2 pending.",
        discussion: "Errors in the data (or an unknown release) also exit 1: a release that cannot be judged does not go."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The release id (its folder name under content/releases/).")
    var release: String

    func run() async throws {
        let result: (decision: String, reasons: [String], exitCode: Int32, warnings: [Diagnostic])
        do {
            result = try Site(root: global.root).gate(release)
        } catch {
            throw Console.fail(error, root: global.root)
        }
        Console.report(result.warnings, root: global.root, quiet: !global.verbose)
        Console.out("\(release): \(result.decision)")
        if !global.quiet { result.reasons.forEach(Console.out) }
        throw ExitCode(result.exitCode)
    }
}
