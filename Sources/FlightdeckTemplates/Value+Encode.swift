import FlightdeckCore
public import Foundation

extension Value {
    /// How `encode` names object keys.
    public enum KeyStrategy: Sendable {
        /// `releaseDate` becomes `release_date` (as JSONEncoder's `.convertToSnakeCase`); keys of dictionaries are
        /// kept as written, being data (`INC-2026-051` stays `INC-2026-051`).
        case snakeCase
        /// Property names as they are.
        case unchanged
    }

    /// How `encode` writes dates.
    public enum DateStrategy: Sendable {
        /// `2024-05-01T12:00:00Z` (UTC, whole seconds).
        case iso8601
        /// Seconds since 1970 as a double.
        case secondsSince1970
    }

    /// Turns an Encodable model into a template value directly (no JSON round trip); nil optionals are left out.
    ///
    /// ```swift
    /// struct Release: Encodable { let id: String; let releaseDate: Date; let owner: String? }
    /// let value = try Value.encode(release)   // ["id": ..., "release_date": "2024-05-01T00:00:00Z"]
    /// ```
    ///
    /// With `members`, an object value keeps only those members (by their encoded names): the rest are never
    /// encoded, which saves the work for members no template reads (see `Environment.usage(of:in:)`).
    public static func encode(_ value: some Encodable, keys: KeyStrategy = .snakeCase, date: DateStrategy = .iso8601,
                              members: Set<String>? = nil) throws -> Value {
        let node = EncodingNode()
        try ValueEncoder(node: node, options: .init(keys: keys, date: date, members: members), isRoot: true).encodeValue(value)
        return node.finish()
    }
}

/// One value being built by `ValueEncoder`: a scalar, an object or an array.
final class EncodingNode {
    var scalar: Value?
    var keys: [String]?
    var members: [EncodingNode] = []

    func finish() -> Value {
        if let scalar { return scalar }
        if let keys { return .object(zip(keys, members).map { (key: $0, value: $1.finish()) }) }
        return .array(members.map { $0.finish() })
    }

    /// The child for `key`, replacing an earlier one with the same key.
    func child(forKey key: String) -> EncodingNode {
        let node = EncodingNode()
        if keys == nil { keys = [] }
        if let i = keys?.firstIndex(of: key) { members[i] = node } else { keys?.append(key); members.append(node) }
        return node
    }

    func appendChild() -> EncodingNode {
        let node = EncodingNode()
        members.append(node)
        return node
    }
}

/// A Swift `Encoder` that writes `Value`s.
struct ValueEncoder: Encoder {
    struct Options {
        let keys: Value.KeyStrategy
        let date: Value.DateStrategy
        /// The only members the top-level object keeps, if not all.
        let members: Set<String>?
    }

    let node: EncodingNode
    let options: Options
    /// True for the encoder of the top-level value (where `members` applies).
    let isRoot: Bool
    /// Not tracked: building a path for every nested value costs an allocation each, and only error messages read it.
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// False for a member of the top-level object that `members` leaves out.
    func keeps(_ key: String) -> Bool {
        !isRoot || options.members?.contains(key) != false
    }

    func encodeValue(_ value: some Encodable) throws {
        switch value {
        case let date as Date:
            switch options.date {
            case .iso8601: node.scalar = .string(Timestamp.instantString(date))
            case .secondsSince1970: node.scalar = .double(date.timeIntervalSince1970)
            }
        case let url as URL: node.scalar = .string(url.absoluteString)
        case let decimal as Decimal: node.scalar = .double(NSDecimalNumber(decimal: decimal).doubleValue)
        case let map as any StringKeyedMap: try map.encodeEntries(to: self)
        default: try value.encode(to: self)
        }
    }

    /// The name of a field (a `CodingKey` of a struct or enum): converted as `options.keys` says. Keys of
    /// dictionaries never come here (`StringKeyedMap`): they are the data's own, kept as written.
    func key(_ key: some CodingKey) -> String {
        options.keys == .snakeCase ? SnakeCase.cached(key.stringValue) : key.stringValue
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.keys == nil { node.keys = [] }
        return KeyedEncodingContainer(KeyedValueContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedValueContainer(encoder: self) }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(encoder: self) }

    func nested(_ node: EncodingNode, key: (any CodingKey)?) -> ValueEncoder {
        ValueEncoder(node: node, options: options, isRoot: false)
    }
}
