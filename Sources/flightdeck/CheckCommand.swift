import ArgumentParser

/// `flightdeck check` (not implemented yet).
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Not implemented yet.")

    func run() async throws {
        throw ValidationError("'flightdeck check' is not implemented yet")
    }
}
