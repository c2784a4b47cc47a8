/// A record whose fields are looked up by name: a mapping node of a JSON list, or a CSV row.
///
/// Readers of many records (`ExperimentRecords`) take this, so a CSV row's cells become nodes only when a
/// field is asked for, instead of every row becoming a mapping node first.
protocol FieldRecord {
    /// Where the record starts.
    var location: SourceLocation { get }
    /// Whether the record is a mapping (a CSV row always is).
    var isMapping: Bool { get }
    /// A short name of the record's type, for messages ("a list").
    var typeDescription: String { get }
    /// The value of a field, or nil when the record has no such field (the first, if the name repeats).
    subscript(field: String) -> DataNode? { get }
}

extension DataNode: FieldRecord {
    var isMapping: Bool { entries != nil }
}

/// One CSV row as a record: the cell under each header name, typed as `CSVNodes.cell` types it (the same
/// value and place the row's mapping node from `CSVNodes.rows` would have).
struct CSVRowRecord: FieldRecord {
    /// The file's path, for locations.
    let path: String
    /// The first column of each header name.
    let columns: [String: Int]
    let row: CSVTable.Row

    /// Every row of `table` as a record.
    static func records(_ table: CSVTable) -> [CSVRowRecord] {
        var columns: [String: Int] = [:]
        for (index, name) in table.header.enumerated() where columns[name] == nil { columns[name] = index }
        return table.rows.map { CSVRowRecord(path: table.path, columns: columns, row: $0) }
    }

    var location: SourceLocation { SourceLocation(file: path, line: row.line, column: 1) }
    var isMapping: Bool { true }
    var typeDescription: String { "a mapping" }

    subscript(field: String) -> DataNode? {
        guard let index = columns[field] else { return nil }
        return CSVNodes.cell(row.cells[index], row.location(column: index, path: path))
    }
}
