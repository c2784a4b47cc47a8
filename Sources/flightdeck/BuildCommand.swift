import ArgumentParser

/// `flightdeck build` (not implemented yet).
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Not implemented yet.")

    func run() async throws {
        throw ValidationError("'flightdeck build' is not implemented yet")
    }
}
