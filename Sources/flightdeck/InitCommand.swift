import ArgumentParser

/// `flightdeck init` (not implemented yet).
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Not implemented yet.")

    func run() async throws {
        throw ValidationError("'flightdeck init' is not implemented yet")
    }
}
