import ArgumentParser
import Flightdeck
import Foundation

/// `flightdeck export RELEASE`: the normalised data and computed figures as JSON.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print a release's normalised data and computed figures as JSON (see docs/export.md)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The release id.")
    var release: String

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        let id = try ReleaseID.argument(release, root: global.root)
        let json: Data
        do {
            json = try Site(root: global.root).export(id)
        } catch {
            throw Console.fail(error, root: global.root)
        }
        if let output {
            do {
                try (json + Data("\n".utf8)).write(to: GlobalOptions.absolute(output), options: .atomic)
            } catch {
                Console.error("error: cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        } else {
            FileHandle.standardOutput.write(json + Data("\n".utf8))
        }
    }
}
