import ArgumentParser
import Flightdeck
import Foundation

/// `flightdeck signoff RELEASE --role R --approver NAME --decision D`: record a sign-off.
struct SignoffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signoff",
        abstract: "Record a role's sign-off decision in a release's signoffs.yaml."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The release id.")
    var release: String

    @Option(name: .long, help: "The role signing, e.g. qa.")
    var role: String

    @Option(name: .long, help: "Who signs.")
    var approver: String

    @Option(name: .long, help: "approved, rejected or pending.")
    var decision: String

    @Option(name: .long, help: "Conditions or reasons (a rejection should say why).")
    var comment: String?

    @Option(name: .long, help: "The date, YYYY-MM-DD (default: today, UTC).")
    var date: String?

    @Flag(name: .long, help: "Replace the role's existing decision.")
    var replace = false

    func validate() throws {
        if let date, Timestamp.date(date) == nil { throw ValidationError("--date must be YYYY-MM-DD, found \"\(date)\"") }
        if role.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--role must not be empty") }
        if approver.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--approver must not be empty") }
    }

    func run() async throws {
        let day = date.flatMap(Timestamp.date) ?? Date()
        do {
            let path = try SignoffRecorder.record(site: global.root, release: release, role: role, approver: approver,
                                                  decision: decision, date: day, comment: comment, replace: replace)
            if !global.quiet { Console.out("recorded \(decision) by \(approver) for \(role) in \(path)") }
        } catch {
            throw Console.fail(error, root: global.root)
        }
    }
}
