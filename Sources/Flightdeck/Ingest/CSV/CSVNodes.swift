/// Turns a small CSV table into located mapping nodes, so CSV rows decode through `ObjectReader` like JSON.
///
/// Cells are typed as JSON would have them: empty → null, `true`/`false` (any case) → boolean,
/// a number → number, anything else → text. Not for large files (see `CSVScanner`).
enum CSVNodes {
    /// One mapping node per row, keyed by the header; columns not in `known` are warned about once and left out.
    static func rows(_ table: CSVTable, known: [String], log: DiagnosticLog) -> [DataNode] {
        for name in table.header where !known.contains(name) {
            log.warning("unknown column '\(name)'" + Suggestion.phrase(for: name, in: known), at: SourceLocation(file: table.path, line: 1, column: 1))
        }
        let columns = table.header.indices.filter { known.contains(table.header[$0]) }
        return table.rows.map { row in
            let entries = columns.map { index -> (key: String, keyLocation: SourceLocation, value: DataNode) in
                let location = table.location(row: row, column: index)
                return (table.header[index], SourceLocation(file: table.path, line: 1, column: 1), cell(row.cells[index], location))
            }
            return DataNode(.object(entries), at: SourceLocation(file: table.path, line: row.line, column: 1))
        }
    }

    static func cell(_ text: String, _ location: SourceLocation) -> DataNode {
        if text.isEmpty { return DataNode(.null, at: location, text: text) }
        // `lowercased()` would allocate for every cell; only ASCII letters lowercase to these words.
        if isWord(text, "true") { return DataNode(.bool(true), at: location, text: text) }
        if isWord(text, "false") { return DataNode(.bool(false), at: location, text: text) }
        if let int = Int(text) { return DataNode(.int(int), at: location, text: text) }
        var copy = text
        if let double = copy.withUTF8({ NumberParser.double($0) }) { return DataNode(.double(double), at: location, text: text) }
        return DataNode(.string(text), at: location, text: text)
    }

    /// Whether `text` is `word` (lowercase ASCII) in any case.
    private static func isWord(_ text: String, _ word: StaticString) -> Bool {
        var utf8 = text.utf8.makeIterator()
        for k in 0..<word.utf8CodeUnitCount {
            guard let byte = utf8.next(), byte | 0x20 == word.utf8Start[k] else { return false }
        }
        return utf8.next() == nil
    }
}
