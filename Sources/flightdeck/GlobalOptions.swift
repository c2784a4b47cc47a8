import ArgumentParser
import Foundation

/// Options every command that works on a site takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The site's folder (default: the current folder).")
    var source: String = "."

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every step and warning in detail.")
    var verbose = false

    /// The site root as an absolute URL.
    var root: URL { Self.absolute(source) }

    /// A path given on the command line, made absolute against the current folder.
    static func absolute(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }
}
