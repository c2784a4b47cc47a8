import FlightdeckCore
public import Foundation

/// A string too long to hold whole, written to JSON a piece at a time (the HTML of a long Markdown text, made again
/// where it is written). Elsewhere it encodes as the whole string.
public protocol JSONStreamedString: Encodable {
    /// Hands the string's pieces to `piece`, in order.
    func writePieces(_ piece: (String) throws -> Void) throws
}

/// Where `Value.writeJSON` puts its bytes: kept in memory, or handed to `flush` whenever `flushBytes` have gathered
/// (a release's summary.json goes to its file that way, never whole in memory).
public final class JSONOutput {
    /// The bytes written and not yet flushed.
    public private(set) var bytes: [UInt8] = []
    private let flushBytes: Int
    private let flush: (([UInt8]) throws -> Void)?

    /// Output kept in memory (`bytes`), or, with `flush`, handed on in pieces of about `flushBytes`.
    public init(flushBytes: Int = 1 << 20, flush: (([UInt8]) throws -> Void)? = nil) {
        self.flushBytes = flushBytes
        self.flush = flush
        // An escape takes at most 6 bytes a byte: the room for a last piece escaped past `flushBytes`.
        bytes.reserveCapacity(flush == nil ? 4096 : flushBytes + 6 * Self.escapeBytes + 4096)
    }

    /// How many bytes of a string are escaped before the buffer is checked for a flush.
    private static let escapeBytes = 16 << 10

    /// Hands the bytes gathered to `flush`, if there is one.
    public func finish() throws {
        guard let flush, !bytes.isEmpty else { return }
        try flush(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Flushes once enough bytes have gathered (between values, and between the pieces of a long string).
    fileprivate func flushIfFull() throws {
        if flush != nil, bytes.count >= flushBytes { try finish() }
    }

    fileprivate func append(_ byte: UInt8) { bytes.append(byte) }
    fileprivate func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Two spaces per level, made once per depth.
    private var indents: [[UInt8]] = []

    fileprivate func indent(_ depth: Int) {
        while indents.count <= depth { indents.append([UInt8](repeating: UInt8(ascii: " "), count: 2 * indents.count)) }
        bytes.append(contentsOf: indents[depth])
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string: slashes and non-ASCII as they are, `"`, `\` and control characters escaped. With a file to
    /// flush to, a long string goes out in pieces of `flushBytes` (a 16 MiB release summary is never whole here).
    fileprivate func string(_ text: String) throws {
        bytes.append(UInt8(ascii: "\""))
        try escapedPiece(text)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A JSON string whose pieces `text` hands over one at a time (`JSONStreamedString`), escaped as `string` does.
    fileprivate func streamedString(_ text: any JSONStreamedString) throws {
        bytes.append(UInt8(ascii: "\""))
        try text.writePieces { try escapedPiece($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Part of a string, escaped, flushed every `flushBytes` when there is a file to flush to. It is escaped
    /// `escapeBytes` at a time, so that the buffer never grows past the room `init` gave it.
    private func escapedPiece(_ text: String) throws {
        var text = text
        let step = min(flushBytes, Self.escapeBytes)
        try text.withUTF8 { utf8 in
            var start = 0
            while start < utf8.count {
                let end = flush == nil ? utf8.count : min(utf8.count, start + step)
                escape(UnsafeBufferPointer(rebasing: utf8[start..<end]))
                start = end
                try flushIfFull()
            }
        }
    }

    /// Appends UTF-8 bytes of a string, escaped: the runs between bytes to escape are copied whole (HTML has a
    /// quote every few dozen bytes, and copying it a byte at a time was most of writing a long checklist's JSON).
    private func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
            start = index + 1
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\\"))
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
            default:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            }
        }
        if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
    }

    /// A JSON number as JSONEncoder writes it: whole doubles without `.0`; infinity and NaN refused.
    fileprivate func number(_ d: Double) throws {
        guard d.isFinite else { throw JSONStreamEncoder.NonFinite(value: d) }
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A template value (a scalar, or a tree some `encode(to:)` built through a nested container), pretty-printed.
    fileprivate func value(_ value: Value, depth: Int) throws {
        switch value {
        case .null, .undefined: append("null")
        case .bool(let b): b ? append("true") : append("false")
        case .int(let i): bytes.append(contentsOf: String(i).utf8)
        case .double(let d): try number(d)
        case .string(let text), .markup(let text): try string(text)
        case .array(let items):
            openArray()
            for (index, item) in items.enumerated() {
                element(index, depth: depth)
                try self.value(item, depth: depth + 1)
            }
            close("]", depth: depth)
        case .object(let pairs):
            openObject()
            for (position, index) in JSONStreamEncoder.sortedLastWins(pairs.map(\.key)).enumerated() {
                member(pairs[index].key, position, depth: depth)
                try self.value(pairs[index].value, depth: depth + 1)
            }
            close("}", depth: depth)
        }
    }

    fileprivate func openArray() { append("[\n") }
    fileprivate func openObject() { append("{\n") }

    /// What comes before an array's element `index` at `depth + 1`.
    fileprivate func element(_ index: Int, depth: Int) {
        if index > 0 { append(",\n") }
        indent(depth + 1)
    }

    /// What comes before the object member at `position`: its key and the colon.
    fileprivate func member(_ key: String, _ position: Int, depth: Int) {
        if position > 0 { append(",\n") }
        indent(depth + 1)
        // A key is short: written whole, never flushed in pieces.
        bytes.append(UInt8(ascii: "\""))
        var key = key
        key.withUTF8 { escape($0) }
        bytes.append(UInt8(ascii: "\""))
        append(" : ")
    }

    /// The end of an array or object: an empty one is `[\n\n]`, as JSONEncoder writes it.
    fileprivate func close(_ bracket: StaticString, depth: Int) {
        append("\n")
        indent(depth)
        append(bracket)
    }
}

extension Value {
    /// Writes an Encodable model as pretty, sorted JSON — byte for byte what `JSONEncoder` with `[.prettyPrinted,
    /// .sortedKeys, .withoutEscapingSlashes]` writes of `Value.encode(value, keys:, date:)` — without building that
    /// tree: arrays are written element by element as they encode, and an object's members are kept only as
    /// references to their values until they are sorted and written. So the memory is the output (or, with a
    /// flushing `JSONOutput`, a buffer) and not a copy of the model.
    public static func writeJSON(_ value: some Encodable, keys: KeyStrategy = .snakeCase, date: DateStrategy = .iso8601,
                                 to output: JSONOutput) throws {
        let encoder = JSONStreamEncoder(output: output, options: .init(keys: keys, date: date), depth: 0)
        try encoder.encodeValue(value)
        try output.flushIfFull()
    }
}

/// The `Encoder` behind `Value.writeJSON`. One encoder per value, made when the output has reached that value's
/// place: a scalar is written at once, an array opens at once and writes each element as it comes, and an object
/// gathers its members (scalars as values, the rest as the values themselves, not yet encoded) and writes them in
/// key order once its `encode(to:)` returns.
///
/// A nested container (`nestedContainer(keyedBy:)` and the like, which no model of Flightdeck uses) cannot be
/// written in place, since its members come later: it is built as a template value by `ValueEncoder` and written
/// when its parent closes; an array that has one keeps every later element the same way.
final class JSONStreamEncoder: Encoder {
    /// A number JSON cannot hold (infinity, NaN), as JSONEncoder refuses it.
    struct NonFinite: Error, CustomStringConvertible {
        let value: Double
        var description: String { "\(value) cannot be written as JSON" }
    }

    /// An object's member, kept until the object is written.
    enum Member {
        case value(Value)
        case encodable(any Encodable)
        case built(ValueEncoder)
    }

    private enum State {
        /// Nothing written yet: a value that writes nothing is an empty array, as `ValueEncoder` makes it.
        case empty
        case scalar
        case array(count: Int, pending: [Member])
        case object([(key: String, member: Member)])
    }

    let output: JSONOutput
    let options: ValueEncoder.Options
    let depth: Int
    private var state = State.empty

    init(output: JSONOutput, options: ValueEncoder.Options, depth: Int) {
        self.output = output
        self.options = options
        self.depth = depth
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Encodes `value` at this encoder's place, then closes what it opened.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == Double.self, let double = value as? Double { try scalar(.double(double)); return }
        if T.self == Int.self, let int = value as? Int { try scalar(.int(int)); return }
        if T.self == String.self, let string = value as? String { try scalar(.string(string)); return }
        if T.self == Bool.self, let bool = value as? Bool { try scalar(.bool(bool)); return }
        if T.self == Date.self, let date = value as? Date {
            switch options.date {
            case .iso8601: try scalar(.string(Timestamp.instantString(date)))
            case .secondsSince1970: try scalar(.double(date.timeIntervalSince1970))
            }
            return
        }
        if T.self == URL.self, let url = value as? URL { try scalar(.string(url.absoluteString)); return }
        if T.self == Decimal.self, let decimal = value as? Decimal {
            try scalar(.double(NSDecimalNumber(decimal: decimal).doubleValue))
            return
        }
        if let map = value as? any StringKeyedMap {
            try writeEntries(of: map)
        } else if let streamed = value as? any JSONStreamedString {
            state = .scalar
            try output.streamedString(streamed)
        } else {
            try value.encode(to: self)
        }
        try close()
    }

    /// Writes a map's entries as they come: its keys are sorted and unique, so nothing is gathered first (a map of
    /// millions of entries is never held as a list of members).
    private func writeEntries(of map: any StringKeyedMap) throws {
        output.openObject()
        var position = 0
        try map.forEachSortedEntry(keeping: { _ in true }) { key, value in
            output.member(key, position, depth: depth)
            try JSONStreamEncoder(output: output, options: options, depth: depth + 1).encodeValue(value)
            try output.flushIfFull()
            position += 1
        }
        output.close("}", depth: depth)
        state = .scalar
    }

    /// Writes a scalar at this encoder's place (a single-value container's value).
    func scalar(_ value: Value) throws {
        state = .scalar
        try output.value(value, depth: depth)
    }

    /// Becomes an object, if it is not one yet.
    func beginObject() {
        if case .object = state { return }
        state = .object([])
    }

    /// Sets an object member (a later one with the same key wins, when written).
    func set(_ key: String, _ member: Member) {
        guard case .object(var members) = state else { return }
        state = .empty   // the array is uniquely referenced while it grows
        members.append((key, member))
        state = .object(members)
    }

    /// Becomes an array, writing its opening bracket, if it is not one yet.
    func beginArray() {
        if case .array = state { return }
        state = .array(count: 0, pending: [])
        output.openArray()
    }

    /// Appends an element: written at once unless an earlier element is still being built.
    func append(_ member: Member) throws {
        guard case .array(let count, var pending) = state else { return }
        if pending.isEmpty, case .encodable(let value) = member {
            output.element(count, depth: depth)
            try JSONStreamEncoder(output: output, options: options, depth: depth + 1).encodeValue(value)
            try output.flushIfFull()
        } else if pending.isEmpty, case .value(let value) = member {
            output.element(count, depth: depth)
            try output.value(value, depth: depth + 1)
        } else {
            state = .empty
            pending.append(member)
        }
        state = .array(count: count + 1, pending: pending)
    }

    /// Appends an element that is not complete yet (a nested container's): it and every later element are
    /// written when the array closes.
    func appendPending(_ member: Member) {
        guard case .array(let count, var pending) = state else { return }
        state = .empty
        pending.append(member)
        state = .array(count: count + 1, pending: pending)
    }

    /// Writes what is still to write: an object's members in key order, an array's pending elements and its end.
    private func close() throws {
        switch state {
        case .scalar: return
        case .empty:
            output.openArray()
            output.close("]", depth: depth)
        case .array(let count, let pending):
            for (offset, member) in pending.enumerated() {
                output.element(count - pending.count + offset, depth: depth)
                try write(member)
            }
            output.close("]", depth: depth)
        case .object(let members):
            output.openObject()
            for (position, index) in Self.sortedLastWins(members.map(\.key)).enumerated() {
                output.member(members[index].key, position, depth: depth)
                try write(members[index].member)
            }
            output.close("}", depth: depth)
        }
        state = .scalar
    }

    private func write(_ member: Member) throws {
        switch member {
        case .value(let value): try output.value(value, depth: depth + 1)
        case .built(let child): try output.value(child.finish(), depth: depth + 1)
        case .encodable(let value):
            try JSONStreamEncoder(output: output, options: options, depth: depth + 1).encodeValue(value)
            try output.flushIfFull()
        }
    }

    /// The indices of `keys` in the order their members are written: sorted by key, and of a key given more than
    /// once only the last (as JSONEncoder's keyed container keeps it).
    static func sortedLastWins(_ keys: [String]) -> [Int] {
        let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        return order.indices.compactMap { position in
            position + 1 < order.count && keys[order[position + 1]] == keys[order[position]] ? nil : order[position]
        }
    }

    func key(_ key: some CodingKey) -> String {
        options.keys == .snakeCase ? SnakeCase.cached(key.stringValue) : key.stringValue
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        beginObject()
        return KeyedEncodingContainer(KeyedJSONContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        beginArray()
        return UnkeyedJSONContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleJSONContainer(encoder: self) }

    /// How many elements the array has so far.
    var count: Int {
        if case .array(let count, _) = state { return count }
        return 0
    }
}

private struct KeyedJSONContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONStreamEncoder
    var codingPath: [any CodingKey] { [] }

    func encodeNil(forKey key: Key) throws { encoder.set(encoder.key(key), .value(.null)) }
    func encode(_ value: Bool, forKey key: Key) throws { encoder.set(encoder.key(key), .value(.bool(value))) }
    func encode(_ value: String, forKey key: Key) throws { encoder.set(encoder.key(key), .value(.string(value))) }
    func encode(_ value: Double, forKey key: Key) throws { encoder.set(encoder.key(key), .value(.double(value))) }
    func encode(_ value: Int, forKey key: Key) throws { encoder.set(encoder.key(key), .value(.int(value))) }
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws { encoder.set(encoder.key(key), .encodable(value)) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = ValueEncoder(options: encoder.options)
        encoder.set(encoder.key(key), .built(child))
        return child.container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = ValueEncoder(options: encoder.options)
        encoder.set(encoder.key(key), .built(child))
        return child.unkeyedContainer()
    }

    func superEncoder() -> any Encoder {
        let child = ValueEncoder(options: encoder.options)
        encoder.set("super", .built(child))
        return child
    }

    func superEncoder(forKey key: Key) -> any Encoder {
        let child = ValueEncoder(options: encoder.options)
        encoder.set(encoder.key(key), .built(child))
        return child
    }
}

private struct UnkeyedJSONContainer: UnkeyedEncodingContainer {
    let encoder: JSONStreamEncoder
    var codingPath: [any CodingKey] { [] }
    var count: Int { encoder.count }

    func encodeNil() throws { try encoder.append(.value(.null)) }
    func encode(_ value: Bool) throws { try encoder.append(.value(.bool(value))) }
    func encode(_ value: String) throws { try encoder.append(.value(.string(value))) }
    func encode(_ value: Double) throws { try encoder.append(.value(.double(value))) }
    func encode(_ value: Int) throws { try encoder.append(.value(.int(value))) }
    func encode<T: Encodable>(_ value: T) throws { try encoder.append(.encodable(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        builtChild().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        builtChild().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { builtChild() }

    /// A nested element, built in memory: appending a pending member never writes, so it cannot fail.
    private func builtChild() -> ValueEncoder {
        let child = ValueEncoder(options: encoder.options)
        encoder.appendPending(.built(child))
        return child
    }
}

private struct SingleJSONContainer: SingleValueEncodingContainer {
    let encoder: JSONStreamEncoder
    var codingPath: [any CodingKey] { [] }

    func encodeNil() throws { try encoder.scalar(.null) }
    func encode(_ value: Bool) throws { try encoder.scalar(.bool(value)) }
    func encode(_ value: String) throws { try encoder.scalar(.string(value)) }
    func encode(_ value: Double) throws { try encoder.scalar(.double(value)) }
    func encode(_ value: Float) throws { try encoder.scalar(.double(Double(value))) }
    func encode(_ value: Int) throws { try encoder.scalar(.int(value)) }
    func encode(_ value: Int8) throws { try encoder.scalar(.int(Int(value))) }
    func encode(_ value: Int16) throws { try encoder.scalar(.int(Int(value))) }
    func encode(_ value: Int32) throws { try encoder.scalar(.int(Int(value))) }
    func encode(_ value: Int64) throws { try encoder.scalar(.int(Int(value))) }
    func encode(_ value: UInt) throws { try encoder.scalar(try SingleValueContainer.int(UInt64(value))) }
    func encode(_ value: UInt8) throws { try encoder.scalar(.int(Int(value))) }
    func encode(_ value: UInt16) throws { try encoder.scalar(.int(Int(value))) }
    func encode(_ value: UInt32) throws { try encoder.scalar(.int(Int(value))) }
    func encode(_ value: UInt64) throws { try encoder.scalar(try SingleValueContainer.int(value)) }
    func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
}
