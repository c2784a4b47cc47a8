/// Splits a Markdown file into its YAML front matter (between `---` lines) and its body.
package struct FrontMatter: Sendable {
    /// The parsed front matter; an empty mapping when the file has none.
    package let fields: DataNode
    /// The Markdown after the closing `---`.
    package let body: String
    /// The 1-based line the body starts on, so Markdown positions can be mapped back.
    package let bodyLine: Int

    /// Splits and parses. A block that opens with `---` but never closes is an error at the opening line.
    package init(parsing file: SourceFile) throws(DiagnosticError) {
        let text = file.text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingSuffixCR == "---" else {
            fields = DataNode(.object([]), at: .file(file.path))
            body = text
            bodyLine = 1
            return
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingSuffixCR == "---" || $0.trimmingSuffixCR == "..." }) else {
            throw DiagnosticError(.error("front matter opened with '---' never closes; add a line '---' after it",
                                         at: SourceLocation(file: file.path, line: 1, column: 1)))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        fields = try YAMLReader.read(yaml, path: file.path, lineOffset: 1)
        body = lines[(close + 1)...].joined(separator: "\n")
        bodyLine = close + 2
    }
}

private extension Substring {
    var trimmingSuffixCR: Substring { hasSuffix("\r") ? dropLast() : self }
}
