import ArgumentParser

/// `flightdeck serve` (not implemented yet).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Not implemented yet.")

    func run() async throws {
        throw ValidationError("'flightdeck serve' is not implemented yet")
    }
}
