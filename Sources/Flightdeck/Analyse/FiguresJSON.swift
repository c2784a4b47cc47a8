import Foundation

/// The one JSON encoding of models and figures: snake_case keys, sorted, dates as ISO 8601 UTC.
///
/// `flightdeck export` prints it, and checklist checks read figures through it, so both agree on names.
enum FiguresJSON {
    /// Encodes a value as pretty, sorted JSON (`compact`: keys unsorted, which is quicker; still one value per line, as the reader counts columns from the line start).
    static func data(of value: some Encodable, compact: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = compact ? [.prettyPrinted, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.instantString(date))
        }
        return try encoder.encode(value)
    }

    /// Encodes a value and reads it back as a located tree (for path lookups).
    static func tree(of value: some Encodable) throws -> DataNode {
        let json = String(decoding: try data(of: value, compact: true), as: UTF8.self)
        return try JSONReader.read(json, path: "<figures>")
    }
}
