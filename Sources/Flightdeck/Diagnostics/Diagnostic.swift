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
    ///
    /// Control characters from the data (a carriage return, an escape sequence) are shown as visible symbols, one for
    /// one, so that they neither move the terminal's cursor nor break the lines a log reader sees; the caret keeps
    /// its column.
    public var rendered: String {
        let headline = Self.visible(description, keepingLineFeeds: true)
        guard let location, let sourceLine else { return headline }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let prefix = sourceLine.unicodeScalars.prefix(max(0, location.column - 1))
            .map { $0 == "\t" ? "\t" : " " }.joined()
        return headline + "\n\(number) | \(Self.visible(sourceLine, keepingLineFeeds: false))\n\(gutter) | \(prefix)"
            + String(repeating: "^", count: span)
    }

    /// `text` with each control character but tab (and line feed, when kept) replaced by one visible scalar: C0 by
    /// its Control Pictures symbol (U+240D for a carriage return), DEL by U+2421, and C1 and the Unicode line and
    /// paragraph separators by U+FFFD.
    static func visible(_ text: String, keepingLineFeeds: Bool) -> String {
        func isShownAsIs(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09: true
            case 0x0A: keepingLineFeeds
            case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x2028, 0x2029: false
            default: true
            }
        }
        guard !text.unicodeScalars.allSatisfy(isShownAsIs) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isShownAsIs(scalar) {
                shown.append(scalar)
            } else if scalar.value < 0x20, let picture = Unicode.Scalar(0x2400 + scalar.value) {
                shown.append(picture)
            } else {
                shown.append(scalar.value == 0x7F ? "\u{2421}" : "\u{FFFD}")
            }
        }
        return String(shown)
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
