import ArgumentParser
import Flightdeck
import Foundation

/// `flightdeck gate RELEASE`: print the verdict; exit 0 go, 1 no-go, 2 pending.
struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Print a release's go/no-go verdict with its reasons; exit 0 go, 1 no-go, 2 pending, 3 cannot judge.",
        discussion: "Errors in the data (or an unknown release) also exit 1: a release that cannot be judged does not go. A release id that is not a folder name (a path, a control character) exits 3."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The release id (its folder name under content/releases/).")
    var release: String

    func run() async throws {
        let id = try ReleaseID.argument(release, root: global.root, exitCode: 3)
        let result: (decision: String, reasons: [String], exitCode: Int32, warnings: [Diagnostic])
        do {
            result = try Site(root: global.root).gate(id)
        } catch {
            throw Console.fail(error, root: global.root)
        }
        Console.report(result.warnings, root: global.root, quiet: !global.verbose)
        Console.out("\(release): \(result.decision)")
        if !global.quiet { result.reasons.forEach(Console.out) }
        throw ExitCode(result.exitCode)
    }
}
