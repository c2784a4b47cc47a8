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
    /// Makes `encoder` an object of the entries, keys sorted, their values not yet encoded.
    func gatherEntries(into encoder: JSONStreamEncoder)
}

extension Dictionary: StringKeyedMap where Key == String, Value: Encodable {
    func encodeEntries(to encoder: ValueEncoder) throws {
        encoder.beginObject()
        // The keys alone are sorted: an array of `String`s sorts in specialised code, where the (key, value)
        // pairs of this generic extension would be moved through value witnesses at every step.
        for key in sortedByUTF8(Array(keys)) where encoder.keeps(key) {
            guard let value = self[key] else { continue }
            try encoder.child(forKey: key).encodeValue(value)
        }
    }

    func gatherEntries(into encoder: JSONStreamEncoder) {
        encoder.beginObject()
        for key in sortedByUTF8(Array(keys)) {
            guard let value = self[key] else { continue }
            encoder.set(key, .encodable(value))
        }
    }
}

/// Strings in the order of their UTF-8 bytes (the same for every run and platform). Not generic, so it is
/// compiled for `String` whatever dictionary the keys come from.
private func sortedByUTF8(_ keys: [String]) -> [String] {
    keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
}
