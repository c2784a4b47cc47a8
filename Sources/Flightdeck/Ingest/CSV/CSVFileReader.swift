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

        /// The location of a cell in the file at `path`.
        package func location(column: Int, path: String) -> SourceLocation {
            SourceLocation(file: path, line: line, column: column < columns.count ? columns[column] : 1)
        }
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
        row.location(column: column, path: path)
    }
}

/// Parses CSV text into a `CSVTable` with `CSVScanner` (RFC 4180: quotes, CRLF, BOM).
package enum CSVFileReader {
    /// Parses CSV text with a header row. Rows with more cells than the header are errors; blank lines are skipped.
    package static func read(_ text: String, path: String) throws(DiagnosticError) -> CSVTable {
        var header: [String] = []
        var rows: [CSVTable.Row] = []
        var copy = text
        let result: Result<Void, DiagnosticError> = copy.withUTF8 { bytes in
            do throws(DiagnosticError) {
                try scan(bytes, path: path, header: { header = $0 }, row: { rows.append($0) })
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        return CSVTable(path: path, header: header, rows: rows)
    }

    /// Reads a CSV file row by row straight from its mapped bytes (`MappedFile`), for files too large to hold as a
    /// table: `header` gets the header cells (trimmed) and `MappedFile.lines` (to reserve room for the rows), then
    /// `row` gets each data row, which nothing keeps; the pages behind the scan are given back. The file must be
    /// UTF-8 (the error names the first bad byte's place); the rest is checked as `read` checks it.
    package static func scan(_ file: ContentFile, header: ([String], _ lines: Int) throws(DiagnosticError) -> Void,
                             row: (CSVTable.Row) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
        let text = try MappedFile.open(file)
        try withExtendedLifetime(text) { () throws(DiagnosticError) in
            try scan(text.bytes, path: file.path, header: { (names: [String]) throws(DiagnosticError) in try header(names, text.lines) },
                     row: row, release: text.release(upTo:))
        }
    }

    /// The header cells (trimmed) of a CSV file: only its first record is read (a name that is not UTF-8 comes
    /// back repaired; `scan` reports it). Nil when the file cannot be read or has no header.
    package static func header(_ file: ContentFile) -> [String]? {
        guard let mapped = MappedFile(path: file.absolutePath) else { return nil }
        var header: [String]?
        return withExtendedLifetime(mapped) {
            // An error with no diagnostics stops the scan at the header.
            do {
                try scan(mapped.bytes, path: file.path, header: { (names: [String]) throws(DiagnosticError) in
                    header = names
                    throw DiagnosticError([])
                }, row: { _ in })
            } catch {}
            return header
        }
    }

    /// The header, then each data row, of CSV bytes.
    /// `release` hears where each record starts: nothing before it is read again.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, path: String, header: ([String]) throws(DiagnosticError) -> Void,
                             row: (CSVTable.Row) throws(DiagnosticError) -> Void, release: ((Int) -> Void)? = nil) throws(DiagnosticError) {
        var known: [String]?
        try CSVScanner.scan(bytes, path: path) { (record: CSVRecord) throws(DiagnosticError) in
            release?(record.lineStart)
            if record.isBlank { return }
            let cells = (0..<record.count).map { record.string($0) }
            let columns = record.columns()
            guard let names = known else {
                let limit = InputLimits.standard.csvColumns
                if cells.count > limit {
                    throw DiagnosticError(.error("header has \(cells.count) columns; the limit is \(limit) (split the file, or put the data in rows)",
                                                 at: SourceLocation(file: path, line: record.line, column: columns[limit])))
                }
                let trimmed = cells.map { $0.trimmingCharacters(in: .whitespaces) }
                if trimmed.allSatisfy(\.isEmpty) { throw DiagnosticError(.error("CSV file has no header row", at: .file(path))) }
                known = trimmed
                try header(trimmed)
                return
            }
            if cells.count > names.count {
                throw DiagnosticError(.error("row has \(cells.count) cells but the header has \(names.count)",
                                             at: SourceLocation(file: path, line: record.line, column: 1)))
            }
            let missing = names.count - cells.count
            let end = (columns.last ?? 1) + (cells.last?.unicodeScalars.count ?? 0)
            try row(CSVTable.Row(cells: cells + Array(repeating: "", count: missing), line: record.line,
                                 columns: columns + Array(repeating: end, count: missing)))
        }
        if known == nil { throw DiagnosticError(.error("CSV file has no header row", at: .file(path))) }
    }
}
