/// Turns a small CSV table into located mapping nodes, so CSV rows decode through `ObjectReader` like JSON.
///
/// Cells are typed as JSON would have them: empty → null, `true`/`false` (any case) → boolean,
/// a number → number, anything else → text. Not for large files (see `CSVScanner`).
enum CSVNodes {
    /// One mapping node per row, keyed by the header; columns not in `known` are warned about once and left out.
    static func rows(_ table: CSVTable, known: [String], log: DiagnosticLog) -> [DataNode] {
        let columns = knownColumns(table.header, known: known, path: table.path, log: log)
        return table.rows.map { node($0, header: table.header, columns: columns, path: table.path) }
    }

    /// Warns once about each header name not in `known`; the indices of the known columns, for `node`.
    static func knownColumns(_ header: [String], known: [String], path: String, log: DiagnosticLog) -> [Int] {
        for name in header where !known.contains(name) {
            log.warning("unknown column '\(name)'" + Suggestion.phrase(for: name, in: known), at: SourceLocation(file: path, line: 1, column: 1))
        }
        return header.indices.filter { known.contains(header[$0]) }
    }

    /// One row as a mapping node of the cells in `columns`, keyed by the header.
    static func node(_ row: CSVTable.Row, header: [String], columns: [Int], path: String) -> DataNode {
        let entries = columns.map { index -> (key: String, keyLocation: SourceLocation, value: DataNode) in
            (header[index], SourceLocation(file: path, line: 1, column: 1), cell(row.cells[index], row.location(column: index, path: path)))
        }
        return DataNode(.object(entries), at: SourceLocation(file: path, line: row.line, column: 1))
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
