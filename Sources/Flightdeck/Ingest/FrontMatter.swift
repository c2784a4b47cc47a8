/// Splits a Markdown file into its YAML front matter (between `---` lines) and its body.
package struct FrontMatter: Sendable {
    /// The parsed front matter; an empty mapping when the file has none.
    package let fields: DataNode
    /// The Markdown after the closing `---`.
    package let body: String
    /// The 1-based line the body starts on, so Markdown positions can be mapped back.
    package let bodyLine: Int

    /// Splits and parses. A block that opens with `---` but never closes is an error at the opening line.
    ///
    /// Only the front matter's lines are looked at; the body is the rest of the text from the closing line's
    /// end, taken as it is (no split and join of a whole document).
    package init(parsing file: SourceFile) throws(DiagnosticError) {
        let text = file.text
        var lines = LineCursor(text)
        guard let first = lines.next(), first.trimmingSuffixCR == "---" else {
            fields = DataNode(.object([]), at: .file(file.path))
            body = text
            bodyLine = 1
            return
        }
        var yaml: [Substring] = []
        var closed = false
        while let line = lines.next() {
            if line.trimmingSuffixCR == "---" || line.trimmingSuffixCR == "..." {
                closed = true
                break
            }
            yaml.append(line)
        }
        guard closed else {
            throw DiagnosticError(.error("front matter opened with '---' never closes; add a line '---' after it",
                                         at: SourceLocation(file: file.path, line: 1, column: 1)))
        }
        fields = try YAMLReader.read(yaml.joined(separator: "\n"), path: file.path, lineOffset: 1)
        body = String(text[lines.rest])
        bodyLine = yaml.count + 3
    }
}

extension FrontMatter {
    /// How many bytes of the UTF-8 text `bytes` the front matter takes, its closing line included: 0 when the
    /// text has none, nil when it opens and never closes (the error `init(parsing:)` gives). Only its lines are read.
    package static func length(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        var first = true
        while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            var end = newline ?? bytes.count
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = bytes[start..<end]
            let isDashes = line.elementsEqual("---".utf8)
            if first {
                guard isDashes else { return 0 }
                first = false
            } else if isDashes || line.elementsEqual("...".utf8) {
                return newline.map { $0 + 1 } ?? bytes.count
            }
            guard let newline else { break }
            start = newline + 1
        }
        return first ? 0 : nil
    }
}

/// The lines of a text one at a time, split at `\n`, and where the text after the last one given starts.
private struct LineCursor {
    private let text: String
    private(set) var rest: Range<String.Index>

    init(_ text: String) {
        self.text = text
        rest = text.startIndex..<text.endIndex
    }

    /// The next line without its `\n`, or nil at the end of the text.
    mutating func next() -> Substring? {
        guard rest.lowerBound < text.endIndex else { return nil }
        let remaining = text.utf8[rest]
        if let newline = remaining.firstIndex(of: UInt8(ascii: "\n")) {
            let line = text[rest.lowerBound..<newline]
            rest = text.utf8.index(after: newline)..<text.endIndex
            return line
        }
        let line = text[rest]
        rest = text.endIndex..<text.endIndex
        return line
    }
}

private extension Substring {
    var trimmingSuffixCR: Substring { hasSuffix("\r") ? dropLast() : self }
}
