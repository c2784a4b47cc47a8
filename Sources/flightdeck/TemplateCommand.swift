import ArgumentParser
import Foundation
import Flightdeck
import FlightdeckTemplates

/// `flightdeck template`: tools for theme authors.
struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Work with templates (debug a theme).",
        subcommands: [Render.self]
    )

    /// `flightdeck template render --templates DIR [--context FILE.json] NAME`: prints one render to stdout.
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render one template with a JSON context and print the result.",
            discussion: "Errors are printed as file:line:column: error: message, with the include chain, and exit with status 1."
        )

        @Option(name: .long, help: "The folder of templates.")
        var templates: String

        @Option(name: .long, help: "A JSON file whose top-level object gives the template's variables.")
        var context: String?

        @Argument(help: "The template's name, relative to the templates folder.")
        var name: String

        func run() throws {
            do {
                // The folder first, then the built-in theme, as a site build sees them.
                let environment = Environment(sources: [.directory(URL(fileURLWithPath: templates)), .memory(EmbeddedTheme.templates)])
                let output = try environment.render(name, context: try loadContext())
                FileHandle.standardOutput.write(Data(output.utf8))
            } catch let error as TemplateError {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(1)
            }
        }

        /// The variables from `--context`, or none.
        func loadContext() throws -> [String: Value] {
            guard let context else { return [:] }
            guard let data = FileManager.default.contents(atPath: context) else {
                throw ValidationError("cannot read the context file '\(context)'")
            }
            let value: Value
            do {
                value = try Value(jsonData: data)
            } catch {
                var located = error
                located.location.file = context
                throw located
            }
            guard case .object(let pairs) = value else {
                throw ValidationError("the context file '\(context)' must hold a JSON object")
            }
            return Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        }
    }
}
