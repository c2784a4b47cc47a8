import ArgumentParser

/// `flightdeck gate` (not implemented yet).
struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gate", abstract: "Not implemented yet.")

    func run() async throws {
        throw ValidationError("'flightdeck gate' is not implemented yet")
    }
}
