/// The keyed, unkeyed and single-value containers of `ValueEncoder`.
struct KeyedValueContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    func encodeNil(forKey key: Key) throws {
        let name = encoder.key(key)
        guard encoder.keeps(name) else { return }
        encoder.node.child(forKey: name).scalar = .null
    }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let name = encoder.key(key)
        guard encoder.keeps(name) else { return }
        try encoder.nested(encoder.node.child(forKey: name), key: key).encodeValue(value)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.nested(child(key), key: key).container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedValueContainer(encoder: encoder.nested(child(key), key: key))
    }

    func superEncoder() -> any Encoder { encoder.nested(encoder.node.child(forKey: "super"), key: nil) }

    func superEncoder(forKey key: Key) -> any Encoder { encoder.nested(child(key), key: key) }

    /// The node for `key`; a detached one (encoded, then dropped) for a member the encoder leaves out.
    private func child(_ key: Key) -> EncodingNode {
        let name = encoder.key(key)
        return encoder.keeps(name) ? encoder.node.child(forKey: name) : EncodingNode()
    }
}

struct UnkeyedValueContainer: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.node.members.count }

    func encodeNil() throws { encoder.node.appendChild().scalar = .null }

    func encode<T: Encodable>(_ value: T) throws { try encoder.nested(encoder.node.appendChild(), key: nil).encodeValue(value) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.nested(encoder.node.appendChild(), key: nil).container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedValueContainer(encoder: encoder.nested(encoder.node.appendChild(), key: nil))
    }

    func superEncoder() -> any Encoder { encoder.nested(encoder.node.appendChild(), key: nil) }
}

struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    func encodeNil() throws { encoder.node.scalar = .null }
    func encode(_ value: Bool) throws { encoder.node.scalar = .bool(value) }
    func encode(_ value: String) throws { encoder.node.scalar = .string(value) }
    func encode(_ value: Double) throws { encoder.node.scalar = .double(value) }
    func encode(_ value: Float) throws { encoder.node.scalar = .double(Double(value)) }
    func encode(_ value: Int) throws { encoder.node.scalar = .int(value) }
    func encode(_ value: Int8) throws { encoder.node.scalar = .int(Int(value)) }
    func encode(_ value: Int16) throws { encoder.node.scalar = .int(Int(value)) }
    func encode(_ value: Int32) throws { encoder.node.scalar = .int(Int(value)) }
    func encode(_ value: Int64) throws { encoder.node.scalar = .int(Int(value)) }
    func encode(_ value: UInt) throws { try encodeUnsigned(UInt64(value)) }
    func encode(_ value: UInt8) throws { encoder.node.scalar = .int(Int(value)) }
    func encode(_ value: UInt16) throws { encoder.node.scalar = .int(Int(value)) }
    func encode(_ value: UInt32) throws { encoder.node.scalar = .int(Int(value)) }
    func encode(_ value: UInt64) throws { try encodeUnsigned(value) }

    func encodeUnsigned(_ value: UInt64) throws {
        guard let i = Int(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) does not fit a 64-bit signed integer"))
        }
        encoder.node.scalar = .int(i)
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
