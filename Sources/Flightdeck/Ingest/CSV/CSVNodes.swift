/// CSV rows as located mapping nodes limited to known columns, so CSV decodes through `ObjectReader` like
/// JSON without one unknown-key warning per row (cells typed by `CSVTable.rowNodes()`).
enum CSVNodes {
    /// One mapping node per row; columns not in `known` are warned about once, at the header, and left out.
    static func rows(_ table: CSVTable, known: [String], log: DiagnosticLog) -> [DataNode] {
        for name in table.header where !known.contains(name) {
            log.warning("unknown column '\(name)'" + Suggestion.phrase(for: name, in: known), at: SourceLocation(file: table.path, line: 1, column: 1))
        }
        return table.rowNodes().map { node in
            DataNode(.object((node.entries ?? []).filter { known.contains($0.key) }), at: node.location)
        }
    }
}
