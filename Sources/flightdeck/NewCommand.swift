import ArgumentParser

/// `flightdeck new` (not implemented yet).
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Not implemented yet.")

    func run() async throws {
        throw ValidationError("'flightdeck new' is not implemented yet")
    }
}
