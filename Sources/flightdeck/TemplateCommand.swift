import ArgumentParser

/// `flightdeck template` (not implemented yet).
struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "template", abstract: "Not implemented yet.")

    func run() async throws {
        throw ValidationError("'flightdeck template' is not implemented yet")
    }
}
