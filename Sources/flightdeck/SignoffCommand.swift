import ArgumentParser

/// `flightdeck signoff` (not implemented yet).
struct SignoffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "signoff", abstract: "Not implemented yet.")

    func run() async throws {
        throw ValidationError("'flightdeck signoff' is not implemented yet")
    }
}
