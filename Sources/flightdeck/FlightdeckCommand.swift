import ArgumentParser

/// The `flightdeck` command: a thin layer over the Flightdeck library.
@main
struct FlightdeckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flightdeck",
        abstract: "A static site generator for release reports.",
        subcommands: [
            InitCommand.self, NewCommand.self, BuildCommand.self, ServeCommand.self, CheckCommand.self,
            GateCommand.self, ExportCommand.self, TemplateCommand.self, SignoffCommand.self,
        ]
    )
}
