import Foundation

/// A CSV file with a header row, read whole into memory (for small files: rollout metrics, experiments).
///
/// Each row knows the line it starts on and where its cells start, so a bad cell is reported as `file:line:column`.
package struct CSVTable: Sendable {
    /// One data row.
    package struct Row: Sendable {
        /// The cells, as many as the header has (missing cells are empty).
        package let cells: [String]
        /// The 1-based line the row starts on.
        package let line: Int
        /// The 1-based column each cell starts at (missing cells: just past the end of the row).
        package let columns: [Int]
    }

    /// The file's path, for diagnostics.
    package let path: String
    /// The header cells, trimmed.
    package let header: [String]
    /// The data rows, blank lines skipped.
    package let rows: [Row]

    /// The index of a column by name.
    package func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The location of a cell.
    package func location(row: Row, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: row.line, column: column < row.columns.count ? row.columns[column] : 1)
    }
}

/// Parses CSV text into a `CSVTable` with `CSVScanner` (RFC 4180: quotes, CRLF, BOM).
package enum CSVFileReader {
    /// Parses CSV text with a header row. Rows with more cells than the header are errors; blank lines are skipped.
    package static func read(_ text: String, path: String) throws(DiagnosticError) -> CSVTable {
        var header: [String]?
        var rows: [CSVTable.Row] = []
        var copy = text
        let result: Result<Void, DiagnosticError> = copy.withUTF8 { bytes in
            do throws(DiagnosticError) {
                try CSVScanner.scan(bytes, path: path) { (record: CSVRecord) throws(DiagnosticError) in
                    if record.isBlank { return }
                    let cells = (0..<record.count).map { record.string($0) }
                    let columns = record.columns()
                    guard let known = header else {
                        let limit = InputLimits.standard.csvColumns
                        if cells.count > limit {
                            throw DiagnosticError(.error("header has \(cells.count) columns; the limit is \(limit) (split the file, or put the data in rows)",
                                                         at: SourceLocation(file: path, line: record.line, column: columns[limit])))
                        }
                        header = cells.map { $0.trimmingCharacters(in: .whitespaces) }
                        return
                    }
                    if cells.count > known.count {
                        throw DiagnosticError(.error("row has \(cells.count) cells but the header has \(known.count)",
                                                     at: SourceLocation(file: path, line: record.line, column: 1)))
                    }
                    let missing = known.count - cells.count
                    let end = (columns.last ?? 1) + (cells.last?.unicodeScalars.count ?? 0)
                    rows.append(CSVTable.Row(cells: cells + Array(repeating: "", count: missing), line: record.line,
                                             columns: columns + Array(repeating: end, count: missing)))
                }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        guard let header, !header.allSatisfy(\.isEmpty) else {
            throw DiagnosticError(.error("CSV file has no header row", at: .file(path)))
        }
        return CSVTable(path: path, header: header, rows: rows)
    }
}
