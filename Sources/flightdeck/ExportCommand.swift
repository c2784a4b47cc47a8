import ArgumentParser

/// `flightdeck export` (not implemented yet).
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Not implemented yet.")

    func run() async throws {
        throw ValidationError("'flightdeck export' is not implemented yet")
    }
}
