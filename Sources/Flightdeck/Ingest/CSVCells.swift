package import Foundation

/// Typed reads of one CSV row's cells by column name, reporting each bad cell at its line and column.
package struct CSVCells {
    /// The table the row belongs to.
    package let table: CSVTable
    /// The row.
    package let row: CSVTable.Row
    /// Where problems go.
    package let log: DiagnosticLog
    /// False once any cell of the row was rejected.
    package private(set) var valid = true

    /// Wraps a row.
    package init(table: CSVTable, row: CSVTable.Row, log: DiagnosticLog) {
        self.table = table
        self.row = row
        self.log = log
    }

    /// The trimmed cell of a column, or nil when the table has no such column. An empty cell is "".
    package func text(_ column: String) -> String? {
        guard let index = table.column(column) else { return nil }
        return row.cells[index].trimmingCharacters(in: .whitespaces)
    }

    /// A required number within a range.
    package mutating func number(_ column: String, in range: ClosedRange<Double>, expected: String) -> Double? {
        guard let text = text(column) else { return nil }
        guard let value = Double(text), value.isFinite else { return reject(column, text, "a number") }
        return range.contains(value) ? value : reject(column, text, expected)
    }

    /// A required instant with a time zone.
    package mutating func instant(_ column: String) -> Date? {
        guard let text = text(column) else { return nil }
        switch Timestamp.instant(text) {
        case .success(let date): return date
        case .failure(.missingTimeZone):
            return reject(column, text, "a timestamp with a time zone (add Z for UTC or an offset like +02:00)")
        case .failure(.malformed): return reject(column, text, "a timestamp YYYY-MM-DDTHH:MM[:SS]Z")
        }
    }

    /// An optional cell that must be one of `allowed` when it is not empty.
    package mutating func choice(_ column: String, of allowed: [String]) -> String? {
        guard let text = text(column), !text.isEmpty else { return nil }
        if allowed.contains(text) { return text }
        return reject(column, text, "one of \(allowed.joined(separator: ", "))", suggest: allowed)
    }

    /// Reports a bad cell and marks the row invalid.
    package mutating func reject<T>(_ column: String, _ text: String, _ expected: String, suggest: [String] = []) -> T? {
        valid = false
        let location = table.column(column).map { table.location(row: row, column: $0) } ?? SourceLocation(file: table.path, line: row.line, column: 1)
        log.error("'\(column)' must be \(expected), found \"\(text)\"" + Suggestion.phrase(for: text, in: suggest), at: location)
        return nil
    }
}
