/// A dictionary keyed by strings: its keys come from data (incident ids, metric names, roles, theme options),
/// so `ValueEncoder` keeps them exactly as written and never converts them like field names.
///
/// Why a conformance and not a check in `container(keyedBy:)`: `Dictionary.encode(to:)` writes its keys
/// through a keyed container like any struct, with a private key type of the standard library, so the
/// encoder could only tell them apart by that type's name. Catching the dictionary itself, before it
/// encodes, is checked by the compiler and covers every `[String: V]` at any depth.
protocol StringKeyedMap {
    /// Writes the entries as an object, keys sorted (a dictionary has no order of its own; output must be stable).
    func encodeEntries(to encoder: ValueEncoder) throws
}

extension Dictionary: StringKeyedMap where Key == String, Value: Encodable {
    func encodeEntries(to encoder: ValueEncoder) throws {
        encoder.beginObject()
        for (key, value) in sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) where encoder.keeps(key) {
            try encoder.child(forKey: key).encodeValue(value)
        }
    }
}
