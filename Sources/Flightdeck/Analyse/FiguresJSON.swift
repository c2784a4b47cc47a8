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
    /// The tree is written by `JSONText`, byte for byte what JSONEncoder with `[.prettyPrinted, .sortedKeys,
    /// .withoutEscapingSlashes]` writes (`dataThroughJSONEncoder`, which `FiguresJSONTests` compares it with) in
    /// about a fifth of the time: a release's summary.json holds every test case.
    static func data(of value: some Encodable) throws -> Data {
        var text = JSONText()
        try text.write(try Value.encode(value), depth: 0)
        return Data(text.bytes)
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

/// Pretty, sorted JSON of a template value, as JSONEncoder writes it: two-space indents, `"key" : value`, empty
/// containers as `[\n\n]`, whole doubles without `.0`, slashes and non-ASCII unescaped, other control characters
/// as `\u00xx`.
private struct JSONText {
    /// A number JSON cannot hold (infinity, NaN), as JSONEncoder refuses it.
    struct NonFinite: Error, CustomStringConvertible {
        let value: Double
        var description: String { "\(value) cannot be written as JSON" }
    }

    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: Value, depth: Int) throws {
        switch value {
        case .null, .undefined: bytes.append(contentsOf: "null".utf8)
        case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): bytes.append(contentsOf: String(i).utf8)
        case .double(let d):
            guard d.isFinite else { throw NonFinite(value: d) }
            var text = d.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            bytes.append(contentsOf: text.utf8)
        case .string(let text), .markup(let text): string(text)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            bytes.append(UInt8(ascii: "\n"))
            for (index, item) in items.enumerated() {
                if index > 0 { comma() }
                indent(depth + 1)
                try write(item, depth: depth + 1)
            }
            bytes.append(UInt8(ascii: "\n"))
            indent(depth)
            bytes.append(UInt8(ascii: "]"))
        case .object(let pairs):
            bytes.append(UInt8(ascii: "{"))
            bytes.append(UInt8(ascii: "\n"))
            // Keys sorted; a later pair with the same key replaces an earlier one, as in JSONEncoder's keyed
            // container. The pairs' indices are sorted (by key, then position), not a dictionary of them.
            let order = pairs.indices.sorted { pairs[$0].key != pairs[$1].key ? pairs[$0].key < pairs[$1].key : $0 < $1 }
            var first = true
            for (position, index) in order.enumerated() {
                if position + 1 < order.count, pairs[order[position + 1]].key == pairs[index].key { continue }
                if !first { comma() }
                first = false
                indent(depth + 1)
                string(pairs[index].key)
                bytes.append(contentsOf: " : ".utf8)
                try write(pairs[index].value, depth: depth + 1)
            }
            bytes.append(UInt8(ascii: "\n"))
            indent(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func comma() {
        bytes.append(UInt8(ascii: ","))
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Two spaces per level, made once per depth (appending a ready array is a copy, also in debug builds).
    private var indents: [[UInt8]] = []

    private mutating func indent(_ depth: Int) {
        while indents.count <= depth { indents.append([UInt8](repeating: UInt8(ascii: " "), count: 2 * indents.count)) }
        bytes.append(contentsOf: indents[depth])
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape: they are copied in one append.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\\"))
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
            case 0..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
