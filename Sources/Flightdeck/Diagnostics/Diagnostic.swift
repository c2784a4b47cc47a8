/// One problem found in the site's sources, reported the way a compiler does.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// Error, warning or note.
    public let severity: Severity
    /// Where the problem is, when it has a place.
    public let location: SourceLocation?
    /// What is wrong and what was expected.
    public let message: String
    /// The source line the location points into, for the caret display.
    public let sourceLine: String?
    /// How many scalars the caret underlines (at least 1).
    public let span: Int

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation?, _ message: String,
                sourceLine: String? = nil, span: Int = 1) {
        self.severity = severity
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
        self.span = max(1, span)
    }

    /// `path:line:col: error: message` (or `error: message` without a place).
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }

    /// The one-line form followed by the source line and a caret under the place.
    public var rendered: String {
        guard let location, let sourceLine else { return description }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let prefix = sourceLine.unicodeScalars.prefix(max(0, location.column - 1))
            .map { $0 == "\t" ? "\t" : " " }.joined()
        return description + "\n\(number) | \(sourceLine)\n\(gutter) | \(prefix)"
            + String(repeating: "^", count: span)
    }
}

extension Diagnostic {
    /// An error at a place.
    package static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    /// A warning at a place.
    package static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }
}
