/// The keyed, unkeyed and single-value containers of `ValueEncoder`.
///
/// The keyed and unkeyed ones write the common scalars (Bool, String, Double, Int) as values straight into their
/// encoder (synthesized `Codable` calls these overloads); anything else, the rarer number types included, gets a
/// nested encoder, whose single-value container writes it.
struct KeyedValueContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    /// Sets a member, unless the encoder leaves it out.
    private func set(_ value: Value, forKey key: Key) {
        let name = encoder.key(key)
        guard encoder.keeps(name) else { return }
        encoder.set(name, value)
    }

    func encodeNil(forKey key: Key) throws { set(.null, forKey: key) }
    func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), forKey: key) }
    func encode(_ value: String, forKey key: Key) throws { set(.string(value), forKey: key) }
    func encode(_ value: Double, forKey key: Key) throws { set(.double(value), forKey: key) }
    func encode(_ value: Int, forKey key: Key) throws { set(.int(value), forKey: key) }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let name = encoder.key(key)
        guard encoder.keeps(name) else { return }
        try encoder.child(forKey: name).encodeValue(value)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        child(key).container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedValueContainer(encoder: child(key))
    }

    func superEncoder() -> any Encoder { encoder.child(forKey: "super") }

    func superEncoder(forKey key: Key) -> any Encoder { child(key) }

    /// The encoder for `key`; a detached one (encoded, then dropped) for a member the encoder leaves out.
    private func child(_ key: Key) -> ValueEncoder {
        let name = encoder.key(key)
        return encoder.keeps(name) ? encoder.child(forKey: name) : encoder.detached()
    }
}

struct UnkeyedValueContainer: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.count }

    func encodeNil() throws { encoder.append(.null) }
    func encode(_ value: Bool) throws { encoder.append(.bool(value)) }
    func encode(_ value: String) throws { encoder.append(.string(value)) }
    func encode(_ value: Double) throws { encoder.append(.double(value)) }
    func encode(_ value: Int) throws { encoder.append(.int(value)) }

    func encode<T: Encodable>(_ value: T) throws { try encoder.appendChild().encodeValue(value) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.appendChild().container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedValueContainer(encoder: encoder.appendChild())
    }

    func superEncoder() -> any Encoder { encoder.appendChild() }
}

struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    func encodeNil() throws { encoder.set(.null) }
    func encode(_ value: Bool) throws { encoder.set(.bool(value)) }
    func encode(_ value: String) throws { encoder.set(.string(value)) }
    func encode(_ value: Double) throws { encoder.set(.double(value)) }
    func encode(_ value: Float) throws { encoder.set(.double(Double(value))) }
    func encode(_ value: Int) throws { encoder.set(.int(value)) }
    func encode(_ value: Int8) throws { encoder.set(.int(Int(value))) }
    func encode(_ value: Int16) throws { encoder.set(.int(Int(value))) }
    func encode(_ value: Int32) throws { encoder.set(.int(Int(value))) }
    func encode(_ value: Int64) throws { encoder.set(.int(Int(value))) }
    func encode(_ value: UInt) throws { encoder.set(try Self.int(UInt64(value))) }
    func encode(_ value: UInt8) throws { encoder.set(.int(Int(value))) }
    func encode(_ value: UInt16) throws { encoder.set(.int(Int(value))) }
    func encode(_ value: UInt32) throws { encoder.set(.int(Int(value))) }
    func encode(_ value: UInt64) throws { encoder.set(try Self.int(value)) }

    /// An unsigned integer as a value; one past `Int.max` cannot be.
    static func int(_ value: UInt64) throws -> Value {
        guard let i = Int(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) does not fit a 64-bit signed integer"))
        }
        return .int(i)
    }

    func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
}

/// JSONEncoder's `convertToSnakeCase`: `myURLValue` → `my_url_value`, leading and trailing underscores kept.
enum SnakeCase {
    static func convert(_ key: String) -> String {
        let scalars = Array(key.unicodeScalars)
        guard let firstNonUnderscore = scalars.firstIndex(where: { $0 != "_" }) else { return key }
        var lastNonUnderscore = scalars.count - 1
        while lastNonUnderscore > firstNonUnderscore && scalars[lastNonUnderscore] == "_" { lastNonUnderscore -= 1 }
        let core = Array(scalars[firstNonUnderscore...lastNonUnderscore])
        func isUpper(_ c: Unicode.Scalar) -> Bool { c.properties.isUppercase }
        func isLower(_ c: Unicode.Scalar) -> Bool { c.properties.isLowercase }
        var words: [Range<Int>] = []
        var wordStart = 0
        var search = 1
        while let upper = (search < core.count ? core[search...].firstIndex(where: isUpper) : nil) {
            words.append(wordStart..<upper)
            guard let lower = core[upper...].firstIndex(where: isLower) else {
                wordStart = upper
                search = core.count
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            search = lower + 1
        }
        words.append(wordStart..<core.count)
        let converted = words.filter { !$0.isEmpty }.map { PythonText.lower(String(String.UnicodeScalarView(core[$0]))) }.joined(separator: "_")
        let prefix = String(String.UnicodeScalarView(scalars[..<firstNonUnderscore]))
        let suffix = String(String.UnicodeScalarView(scalars[(lastNonUnderscore + 1)...]))
        return prefix + converted + suffix
    }
}
