import ArgumentParser
import Flightdeck
import Foundation

/// The `flightdeck` command: a thin layer over the Flightdeck library.
///
/// Exit codes: 0 success, 1 content errors (diagnostics on stderr), 64 usage errors (EX_USAGE).
/// `flightdeck gate` uses 0 go, 1 no-go, 2 pending, 3 cannot judge, 64 usage errors: no mistake reads as a verdict.
@main
struct FlightdeckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flightdeck",
        abstract: "A static site generator for release reports.",
        version: flightdeckVersion,
        subcommands: [
            InitCommand.self, NewCommand.self, AddCommand.self, BuildCommand.self, ServeCommand.self, CheckCommand.self,
            GateCommand.self, ExportCommand.self, TemplateCommand.self, SignoffCommand.self,
        ]
    )

    /// The exit code of a usage error (EX_USAGE), distinct from every verdict and from content errors.
    static let usageError: Int32 = 64

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if !(error is ExitCode), exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(usageError)
            }
            exit(withError: error)
        }
    }
}
