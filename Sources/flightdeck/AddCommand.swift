import ArgumentParser
import Flightdeck
import Foundation

/// `flightdeck add RELEASE FILE...`: how CI hands files over — each recognised by its content and put where its
/// data kind reads it.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Put data files into a release folder, each under the name its kind reads, recognised by content.",
        discussion: """
            Each FILE is recognised by its content (a JUnit report, a baseline CSV, an incident…), not by its name, \
            and copied to where its data kind reads it, e.g. content/releases/RELEASE/tests/junit.xml. Nothing is \
            written unless every file is recognised and no different file would be replaced (see --force). \
            Exit 0 when placed, 1 when a file is refused, 64 for usage errors.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The release id: its folder name under content/releases/.")
    var release: String

    @Argument(help: "The files to add.")
    var files: [String]

    @Option(name: .long, help: "Consider only this data kind's formats: \(EvidencePlacer.kindIDs.joined(separator: ", ")).")
    var kind: String?

    @Flag(name: .long, help: "Create the release folder when it does not exist.")
    var create = false

    @Flag(name: .long, help: "Replace a file that exists with other data.")
    var force = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to add") }
        if let kind, !EvidencePlacer.kindIDs.contains(kind) {
            throw ValidationError("unknown kind '\(kind)'; known: \(EvidencePlacer.kindIDs.joined(separator: ", "))")
        }
    }

    func run() async throws {
        let root = global.root
        let id = try ReleaseID.argument(release, root: root)
        let given = files.map { (url: GlobalOptions.absolute($0), given: $0) }
        do {
            let placed = try EvidencePlacer.place(given, release: id, site: root, kind: kind, create: create, force: force)
            if !global.quiet {
                for item in placed {
                    Console.out("\(item.outcome.rawValue) \(item.destination) ← \(item.source) (\(item.kind): \(item.format))")
                }
            }
        } catch {
            throw Console.fail(error, root: root)
        }
    }
}
