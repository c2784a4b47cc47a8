import ArgumentParser
import Flightdeck
import Foundation

/// `flightdeck new release ID`: add a release folder with commented stubs of every data file.
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create content: `flightdeck new release ID`.",
        discussion: """
            Creates content/releases/ID/ with release.yaml, notes.md, checklist.md and signoffs.yaml, \
            plus `.example` stubs of every data file (rename one, dropping `.example`, to report that data).
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case release }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What to create: release.")
    var kind: Kind

    @Argument(help: "The release id: its folder name, e.g. 2.4.0.")
    var id: String

    func run() async throws {
        let root = global.root
        let release = try ReleaseID.argument(id, root: root)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("flightdeck.yaml").path) else {
            Console.error("error: no flightdeck.yaml in \(root.path); run 'flightdeck init' first or pass --source DIR")
            throw ExitCode(1)
        }
        do {
            let created = try Scaffold.createRelease(id: release, in: root)
            if !global.quiet { created.forEach { Console.out("created \($0)") } }
        } catch {
            throw Console.fail(error, root: root)
        }
    }
}
