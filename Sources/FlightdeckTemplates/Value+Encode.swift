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
    /// With `members`, an object value keeps only those members (by their encoded names), and a member whose
    /// usage is itself `.members` keeps only those of its own: the rest are never encoded, which saves the work
    /// for members no template reads (see `Environment.usage(of:in:)`).
    public static func encode(_ value: some Encodable, keys: KeyStrategy = .snakeCase, date: DateStrategy = .iso8601,
                              members: [String: VariableUsage]? = nil) throws -> Value {
        let encoder = ValueEncoder(options: .init(keys: keys, date: date), members: members)
        try encoder.encodeValue(value)
        return encoder.finish()
    }
}

/// A Swift `Encoder` that writes `Value`s. Each encoder is also the value it builds (a scalar, an object or
/// an array), so a nested value costs one object.
///
/// Scalars written through a container (`encode(_: Double, forKey:)` and the like, which synthesized
/// `Codable` calls) are stored as values at once, with no encoder of their own; the containers hold only a
/// reference to their encoder, so they fit an existential's inline buffer.
final class ValueEncoder: Encoder {
    struct Options {
        let keys: Value.KeyStrategy
        let date: Value.DateStrategy
    }

    let options: Options
    /// The only members this value keeps if it is an object, each with what it keeps of its own; nil: all of them.
    let members: [String: VariableUsage]?
    private var scalar: Value?
    /// Whether a keyed container was asked for: then this is an object of `pairs`, else an array of `items`.
    private var isObject = false
    private var pairs: [(key: String, value: Value)] = []
    private var items: [Value] = []
    /// Members still being written by their own encoder: their slot in `pairs` or `items` holds a placeholder
    /// until `finish`, so finishing fills the arrays in place instead of building new ones.
    private var nested: [(index: Int, encoder: ValueEncoder)] = []

    init(options: Options, members: [String: VariableUsage]? = nil) {
        self.options = options
        self.members = members
    }

    /// Not tracked: building a path for every nested value costs an allocation each, and only error messages read it.
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// How many elements the array has so far.
    var count: Int { items.count }

    /// The value written: the scalar if one was set, else the object if a keyed container was asked for, else the array.
    func finish() -> Value {
        if let scalar { return scalar }
        if isObject {
            for (index, encoder) in nested { pairs[index].value = encoder.finish() }
            nested = []
            return .object(pairs)
        }
        for (index, encoder) in nested { items[index] = encoder.finish() }
        nested = []
        return .array(items)
    }

    /// False for a member that `members` leaves out. An object read as a list (iterated, or indexed by a computed
    /// key: `VariableUsage.element`) keeps every member.
    func keeps(_ key: String) -> Bool {
        guard let members else { return true }
        return members[key] != nil || members[VariableUsage.element] != nil
    }

    /// What the member `key` keeps of its own members: nil for all of them (and for every member of an object read
    /// as a list).
    private func members(of key: String) -> [String: VariableUsage]? {
        guard members?[VariableUsage.element] == nil, case .members(let kept) = members?[key] else { return nil }
        return kept
    }

    /// Makes this an object, if it is not one yet.
    func beginObject() {
        guard !isObject else { return }
        isObject = true
        pairs.reserveCapacity(12)   // most objects are structs of a few fields: one allocation, no regrowth
    }

    /// Sets this value to a scalar.
    func set(_ value: Value) {
        scalar = value
    }

    /// Sets `key` to a value, replacing an earlier one with the same key.
    func set(_ key: String, _ value: Value) {
        _ = slot(forKey: key, value)
    }

    /// The index of `key` in `pairs`, set to `value` (an earlier member with the same key is replaced).
    private func slot(forKey key: String, _ value: Value) -> Int {
        beginObject()
        guard let index = pairs.firstIndex(where: { $0.key == key }) else {
            pairs.append((key: key, value: value))
            return pairs.count - 1
        }
        pairs[index].value = value
        if !nested.isEmpty { nested.removeAll { $0.index == index } }
        return index
    }

    /// Appends an element to the array.
    func append(_ value: Value) {
        items.append(value)
    }

    /// A new encoder for the value of `key`, replacing an earlier one with the same key.
    func child(forKey key: String) -> ValueEncoder {
        let child = ValueEncoder(options: options, members: members(of: key))
        nested.append((index: slot(forKey: key, .null), encoder: child))
        return child
    }

    /// A new encoder for the next element of the array: it keeps what `members` says an element keeps.
    func appendChild() -> ValueEncoder {
        var kept: [String: VariableUsage]?
        if case .members(let elementMembers) = members?[VariableUsage.element] { kept = elementMembers }
        let child = ValueEncoder(options: options, members: kept)
        nested.append((index: items.count, encoder: child))
        items.append(.null)
        return child
    }

    /// A new encoder attached to nothing: for a member the top-level object leaves out (written, then dropped).
    func detached() -> ValueEncoder {
        ValueEncoder(options: options)
    }

    /// Encodes a value into this encoder: dates, URLs, decimals and string-keyed dictionaries as templates read
    /// them, anything else through its `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T) throws {
        // Comparing metatypes costs nothing, where a failed dynamic cast costs a lookup: the common scalars first.
        if T.self == Double.self || T.self == Int.self || T.self == String.self || T.self == Bool.self,
           let scalar = Self.scalar(value) {
            self.scalar = scalar
            return
        }
        if T.self == Date.self, let date = value as? Date {
            switch options.date {
            case .iso8601: scalar = .string(Timestamp.instantString(date))
            case .secondsSince1970: scalar = .double(date.timeIntervalSince1970)
            }
            return
        }
        if T.self == URL.self, let url = value as? URL {
            scalar = .string(url.absoluteString)
            return
        }
        if T.self == Decimal.self, let decimal = value as? Decimal {
            scalar = .double(NSDecimalNumber(decimal: decimal).doubleValue)
            return
        }
        if let map = value as? any StringKeyedMap {
            try map.encodeEntries(to: self)
            return
        }
        try value.encode(to: self)
    }

    /// A `Double`, `Int`, `String` or `Bool` as a value.
    private static func scalar<T>(_ value: T) -> Value? {
        if let double = value as? Double { return .double(double) }
        if let int = value as? Int { return .int(int) }
        if let string = value as? String { return .string(string) }
        if let bool = value as? Bool { return .bool(bool) }
        return nil
    }

    /// The name of a field (a `CodingKey` of a struct or enum): converted as `options.keys` says. Keys of
    /// dictionaries never come here (`StringKeyedMap`): they are the data's own, kept as written.
    func key(_ key: some CodingKey) -> String {
        options.keys == .snakeCase ? SnakeCase.cached(key.stringValue) : key.stringValue
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        beginObject()
        return KeyedEncodingContainer(KeyedValueContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedValueContainer(encoder: self) }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(encoder: self) }
}
