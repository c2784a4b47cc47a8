import Foundation

extension CSVTable {
    /// Each row as a mapping node keyed by the header, every cell located and typed as YAML would read it:
    /// empty is null, true/false are booleans, numbers are numbers, anything else is text.
    package func rowNodes() -> [DataNode] {
        rows.map { row in
            let entries = header.indices.map { index -> (key: String, keyLocation: SourceLocation, value: DataNode) in
                let location = self.location(row: row, column: index)
                let text = row.cells[index].trimmingCharacters(in: .whitespaces)
                return (header[index], location, DataNode(Self.kind(of: text), at: location, text: text))
            }
            return DataNode(.object(entries), at: SourceLocation(file: path, line: row.line, column: 1))
        }
    }

    private static func kind(of text: String) -> DataNode.Kind {
        switch text.lowercased() {
        case "": return .null
        case "true": return .bool(true)
        case "false": return .bool(false)
        default:
            if let int = Int(text) { return .int(int) }
            if let double = Double(text), double.isFinite { return .double(double) }
            return .string(text)
        }
    }
}
