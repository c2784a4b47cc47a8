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

    /// Reads a CSV file row by row straight from its mapped bytes, for files too large to hold as a table:
    /// `header` gets the header cells (trimmed) and the file's count of lines that are not empty (at least the
    /// number of data rows, to reserve room for them), then `row` gets each data row, which nothing keeps. The file must be UTF-8 (the
    /// error names the first bad byte's place); the rest is checked as `read` checks it.
    package static func scan(_ file: ContentFile, header: ([String], _ lines: Int) throws(DiagnosticError) -> Void,
                             row: (CSVTable.Row) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
        try file.checkSize()
        // Mapped, not copied, and the pages behind the scan given back: a large CSV is never all resident. A file
        // that cannot be mapped is read normally, which reports why it cannot be read.
        if let mapped = MappedFile(path: file.absolutePath) {
            try withExtendedLifetime(mapped) { () throws(DiagnosticError) in
                let (valid, lines) = mapped.checkText()
                if !valid { _ = try ContentFile.decode(try file.readData(), path: file.path) }
                try scan(mapped.bytes, path: file.path, header: { (names: [String]) throws(DiagnosticError) in try header(names, lines) },
                         row: row, release: mapped.release(upTo:))
            }
            return
        }
        let data = try file.readData()
        let result: Result<Void, DiagnosticError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(DiagnosticError) {
                if !UTF8Text.isValid(bytes) {
                    _ = try ContentFile.decode(data, path: file.path)
                }
                let lines = lineCount(bytes)
                try scan(bytes, path: file.path, header: { (names: [String]) throws(DiagnosticError) in try header(names, lines) }, row: row)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// The header cells (trimmed) of a CSV file, without reading its rows.
    package static func header(_ file: ContentFile) throws(DiagnosticError) -> [String] {
        var header: [String] = []
        do {
            // An error with no diagnostics stops the scan at the header.
            try scan(file, header: { (names: [String], _: Int) throws(DiagnosticError) in
                header = names
                throw DiagnosticError([])
            }, row: { _ in })
        } catch where !error.diagnostics.isEmpty {
            throw error
        } catch {}
        return header
    }

    /// Lines that are not empty (between line breaks: LF, CR or CRLF): at least the number of records, since a
    /// blank line is no record (and a file of line breaks reserves nothing).
    private static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lines = 0
        var inLine = false
        for byte in bytes {
            let isBreak = byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            if !isBreak, !inLine { lines += 1 }
            inLine = !isBreak
        }
        return lines
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
