import Foundation
import FlightdeckTemplates

/// The one JSON encoding of models and figures: field names in snake_case, keys from data (incident ids,
/// metric names, roles) as written, sorted, dates as ISO 8601 UTC.
///
/// `flightdeck export` prints it, and checklist checks read figures through it, so both agree on names.
enum FiguresJSON {
    /// Encodes a value as pretty, sorted JSON.
    ///
    /// The template engine's encoder names the keys (JSONEncoder's `.convertToSnakeCase` would rename the keys of
    /// dictionaries too, `INC-2026-051` to `i_nc-2026-051`, and a custom key strategy cannot tell a dictionary's
    /// key from a field name); JSONEncoder then only writes the tree, so numbers print as they always have.
    ///
    /// Written by `Value.writeJSON`, byte for byte what JSONEncoder with `[.prettyPrinted, .sortedKeys,
    /// .withoutEscapingSlashes]` writes of that tree (`dataThroughJSONEncoder`, which `FiguresJSONTests` compares
    /// it with), in about a fifth of the time and without building the tree: a release's summary.json holds
    /// every record it read.
    static func data(of value: some Encodable) throws -> Data {
        let output = JSONOutput()
        try Value.writeJSON(value, to: output)
        return Data(output.bytes)
    }

    /// Writes `value` as `data(of:)` does, in pieces of about `SiteWriter`'s 256 KiB, to `write`; the JSON is never
    /// whole in memory.
    /// `keys` and `date` as in `Value.writeJSON` (the build cache keeps property names and seconds).
    static func write(_ value: some Encodable, keys: Value.KeyStrategy = .snakeCase, date: Value.DateStrategy = .iso8601,
                      to write: ([UInt8]) throws -> Void) throws {
        // The output keeps `write` only while the value is written.
        try withoutActuallyEscaping(write) { write in
            let output = JSONOutput(flushBytes: OutputFile.pieceBytes, flush: write)
            try Value.writeJSON(value, keys: keys, date: date, to: output)
            try output.finish()
        }
    }

    /// `data(of:)` through Foundation's JSONEncoder (the reference `JSONText` is tested against).
    static func dataThroughJSONEncoder(of value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(EncodedValue(value: try Value.encode(value)))
    }

    /// The value as the tree its JSON would read back as (for path lookups by checklist checks).
    ///
    /// Built with the template engine's encoder, which names keys and writes dates as `data(of:)` does, without
    /// writing and parsing JSON (that round trip was most of the Analyse stage). Whole doubles become integers,
    /// as JSON gives them back, and keys are sorted. `FiguresJSONTests` checks the two trees are the same.
    static func tree(of value: some Encodable) throws -> DataNode {
        node(try Value.encode(value), at: .file("<figures>"))
    }

    /// The part of `tree(of:)` that the dotted `paths` (`tests.success_rate`) name: each object on a path keeps only
    /// the members the paths go through, and what a path ends on is kept whole. A release with a large file is
    /// never encoded whole for a few checks. When a path names nothing in that part, the whole tree is returned,
    /// so that the error for a misspelt key can suggest every name; a path starting with the id of a data kind
    /// the release does not have is not misspelt (the part keeps every first key the paths name that exists).
    static func tree(of value: some Encodable, paths: [String]) throws -> DataNode {
        let usage = paths.reduce(VariableUsage.unused) { usage, path in
            usage.union(.path(path.split(separator: ".").map(String.init)[...]))
        }
        guard case .members(let members) = usage else { return try tree(of: value) }
        let part = node(try Value.encode(value, members: members), at: .file("<figures>"))
        let resolves = paths.allSatisfy { path in
            let keys = path.split(separator: ".").map(String.init)
            var node: DataNode? = part
            for key in keys { node = node?.entries?.first { $0.key == key }?.value }
            guard node == nil, let first = keys.first else { return true }
            return Registry.kind(id: first) != nil && part.entries?.contains { $0.key == first } == false
        }
        return resolves ? part : try tree(of: value)
    }

    /// The JSON round trip `tree(of:)` stands for (kept as the reference its test compares with).
    static func treeThroughJSON(of value: some Encodable) throws -> DataNode {
        try JSONReader.read(String(decoding: try data(of: value), as: UTF8.self), path: "<figures>")
    }

    private static func node(_ value: Value, at location: SourceLocation) -> DataNode {
        switch value {
        case .null, .undefined: DataNode(.null, at: location)
        case .bool(let b): DataNode(.bool(b), at: location)
        case .int(let i): DataNode(.int(i), at: location)
        case .double(let d):
            d.rounded() == d && abs(d) < 9_007_199_254_740_992 ? DataNode(.int(Int(d)), at: location) : DataNode(.double(d), at: location)
        case .string(let s), .markup(let s): DataNode(.string(s), at: location)
        case .array(let items): DataNode(.array(items.map { node($0, at: location) }), at: location)
        case .object(let pairs):
            // Keys sorted, as `data(of:)` writes them.
            DataNode(.object(pairs.sorted { $0.key < $1.key }.map { (key: $0.key, keyLocation: location, value: node($0.value, at: location)) }), at: location)
        }
    }
}

/// A template value as JSONEncoder writes it: its keys already named.
private struct EncodedValue: Encodable {
    let value: Value

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(EncodedValue(value: item)) }
        case .object(let pairs):
            var container = encoder.container(keyedBy: Key.self)
            for pair in pairs { try container.encode(EncodedValue(value: pair.value), forKey: Key(stringValue: pair.key)) }
        case .null, .undefined:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let b):
            var container = encoder.singleValueContainer()
            try container.encode(b)
        case .int(let i):
            var container = encoder.singleValueContainer()
            try container.encode(i)
        case .double(let d):
            var container = encoder.singleValueContainer()
            try container.encode(d)
        case .string(let text), .markup(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
    }
}
