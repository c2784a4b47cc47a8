import CSV
import Foundation

/// Reads RFC 4180 CSV (quotes, CRLF, a leading BOM) with a header row, through CSV.swift.
///
/// Each row knows the line it starts on, so a bad cell is reported as `file:line:column`.
package struct CSVTable: Sendable {
    /// One data row.
    package struct Row: Sendable {
        /// The cells, as many as the header has (missing cells are empty).
        package let cells: [String]
        /// The 1-based line the row starts on.
        package let line: Int
    }

    /// The file's path, for diagnostics.
    package let path: String
    /// The header cells, trimmed.
    package let header: [String]
    /// The data rows, blank lines skipped.
    package let rows: [Row]

    /// The index of a column by name.
    package func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The location of a cell (the column is counted from the row's start, assuming unquoted cells before it).
    package func location(row: Row, column: Int) -> SourceLocation {
        let before = row.cells.prefix(column).reduce(0) { $0 + $1.unicodeScalars.count + 1 }
        return SourceLocation(file: path, line: row.line, column: before + 1)
    }
}

/// Parses CSV text into a `CSVTable`.
package enum CSVFileReader {
    /// Parses CSV text with a header row. Rows with more cells than the header are errors.
    package static func read(_ text: String, path: String) throws(DiagnosticError) -> CSVTable {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: String(body), hasHeaderRow: true)
        } catch {
            throw DiagnosticError(.error("cannot read the CSV header row", at: .file(path)))
        }
        guard let header = reader.headerRow?.map({ $0.trimmingCharacters(in: .whitespaces) }), !header.allSatisfy(\.isEmpty) else {
            throw DiagnosticError(.error("CSV file has no header row", at: .file(path)))
        }
        var line = 1 + lineBreaks(in: header)
        var rows: [CSVTable.Row] = []
        while let cells = reader.next() {
            line += 1
            let rowLine = line
            line += lineBreaks(in: cells)
            if cells.count == 1, cells[0].isEmpty { continue }
            if cells.count > header.count {
                throw DiagnosticError(.error("row has \(cells.count) cells but the header has \(header.count)",
                                             at: SourceLocation(file: path, line: rowLine, column: 1)))
            }
            let padded = cells.count < header.count ? cells + Array(repeating: "", count: header.count - cells.count) : cells
            rows.append(CSVTable.Row(cells: padded, line: rowLine))
        }
        if reader.error != nil {
            throw DiagnosticError(.error("CSV text is not valid UTF-8 or a quoted cell never closes", at: SourceLocation(file: path, line: line, column: 1)))
        }
        return CSVTable(path: path, header: header, rows: rows)
    }

    private static func lineBreaks(in cells: [String]) -> Int {
        cells.reduce(0) { count, cell in
            count + cell.unicodeScalars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        }
    }
}
