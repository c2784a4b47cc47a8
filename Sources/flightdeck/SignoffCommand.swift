import ArgumentParser
import Flightdeck
import FlightdeckCore
import Foundation

/// `flightdeck signoff RELEASE --role R --approver NAME --decision D`: record a sign-off.
struct SignoffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signoff",
        abstract: "Record a role's sign-off decision in a release's signoffs.yaml.",
        discussion: """
            Changes only the lines of that role's entry, under a lock, and replaces the file atomically, so \
            concurrent runs all keep their sign-offs. A release id that is not a folder name exits 64.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The release id (its folder name under content/releases/).")
    var release: String

    @Option(name: .long, help: "The role signing, e.g. qa: one of the release's required roles or the site's signoffs.roles.")
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

    @Flag(name: .long, help: "Accept a role that is neither required by the release nor configured for the site.")
    var extraRole = false

    func validate() throws {
        if let date, Timestamp.date(date) == nil { throw ValidationError("--date must be YYYY-MM-DD, found \"\(date)\"") }
        if role.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--role must not be empty") }
        if approver.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--approver must not be empty") }
    }

    func run() async throws {
        let id = try ReleaseID.argument(release, root: global.root)
        var request = SignoffRecorder.Request(role: role, approver: approver, decision: decision, date: date.flatMap(Timestamp.date) ?? Date(),
                                              comment: comment, replace: replace, extraRole: extraRole)
        do {
            // What is approved: every input's SHA-256 and the figures now (docs/verdict.md, "Stale sign-offs").
            request.evidence = try Site(root: global.root).signoffEvidence(id, approving: decision == "approved")
            let path = try SignoffRecorder.record(request, release: id, site: global.root)
            if !global.quiet { Console.out("recorded \(decision) by \(approver) for \(role) in \(path)") }
        } catch {
            throw Console.fail(error, root: global.root)
        }
    }
}
