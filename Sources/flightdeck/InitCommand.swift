import ArgumentParser
import Flightdeck
import Foundation

/// `flightdeck init [DIR]`: create a working site skeleton.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site (flightdeck.yaml, content/ and an example release) in DIR."
    )

    @Argument(help: "The folder to create the site in (default: the current folder).")
    var directory: String = "."

    func run() async throws {
        let folder = GlobalOptions.absolute(directory)
        do {
            let created = try Scaffold.createSite(at: folder)
            created.forEach { Console.out("created \($0)") }
            Console.out("Site ready in \(folder.path). Next: cd \(directory) && flightdeck build")
        } catch {
            throw Console.fail(error, root: folder)
        }
    }
}
