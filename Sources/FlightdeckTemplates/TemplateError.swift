/// A template that failed to load, parse or render, with where it happened.
///
/// `description` reads `file:line:column: error: message`, followed by one
/// `  included from file:line:column` line per include, extends or import that led there.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// A place in a template: 1-based line and column, the column counted in Unicode scalars.
    public struct Location: Sendable, Hashable, CustomStringConvertible {
        /// The template's name, as given to `render` or named by include/extends/import.
        public var file: String
        /// The 1-based line.
        public var line: Int
        /// The 1-based column, in Unicode scalars.
        public var column: Int
        /// `file:line:column`.
        public var description: String { "\(file):\(line):\(column)" }
    }

    /// Where the error happened (line 0 while an internal error is not yet located).
    public var location: Location
    /// What went wrong: what was expected and what was found.
    public var message: String
    /// The include/extends/import tags that led to the template, innermost first.
    public var includedFrom: [Location]
    /// True when a template could not be found (`include ... ignore missing` skips those).
    var isMissingTemplate = false

    /// The template's name.
    public var file: String { location.file }
    /// The 1-based line.
    public var line: Int { location.line }
    /// The 1-based column, in Unicode scalars.
    public var column: Int { location.column }

    /// `file:line:column: error: message` and the include chain.
    public var description: String {
        var text = "\(location): error: \(message)"
        var index = 0
        while index < includedFrom.count {
            var repeats = 1
            while index + repeats < includedFrom.count && includedFrom[index + repeats] == includedFrom[index] { repeats += 1 }
            text += "\n  included from \(includedFrom[index])" + (repeats > 1 ? " (\(repeats) times)" : "")
            index += repeats
        }
        return text
    }

    /// An error located later, as it unwinds through the node that caused it.
    init(_ message: String) {
        self.location = Location(file: "", line: 0, column: 0)
        self.message = message
        self.includedFrom = []
    }

    /// An error at a known place.
    init(_ message: String, at position: Position, in file: String) {
        self.location = Location(file: file, line: Int(position.line), column: Int(position.column))
        self.message = message
        self.includedFrom = []
    }

    /// True until a node gives the error its location.
    var isUnlocated: Bool { location.line == 0 }

    /// The error with a location, unless it already had one.
    func located(at position: Position, in file: String) -> TemplateError {
        guard isUnlocated else { return self }
        var copy = self
        copy.location = Location(file: file, line: Int(position.line), column: Int(position.column))
        return copy
    }
}

/// A 1-based line and column (in Unicode scalars) in a template's source.
struct Position: Sendable, Hashable {
    var line: Int32
    var column: Int32
}
