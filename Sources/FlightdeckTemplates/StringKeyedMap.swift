/// A map keyed by strings: its keys come from data (incident ids, metric names, roles, theme options), so
/// `ValueEncoder` and `JSONStreamEncoder` keep them exactly as written and never convert them like field names.
/// Every `[String: V]` is one; a compact model type that a template reads as a map of data keys adopts it too.
///
/// Why a conformance and not a check in `container(keyedBy:)`: `Dictionary.encode(to:)` writes its keys
/// through a keyed container like any struct, with a private key type of the standard library, so the
/// encoder could only tell them apart by that type's name. Catching the map itself, before it
/// encodes, is checked by the compiler and covers every `[String: V]` at any depth.
package protocol StringKeyedMap {
    /// Calls `body` with each entry whose key `keeps` accepts, keys in the order of their UTF-8 bytes (a map has
    /// no order of its own; output must be stable). A value is made only for a kept key.
    func forEachSortedEntry(keeping keeps: (String) -> Bool, _ body: (String, any Encodable) throws -> Void) rethrows
}

extension Dictionary: StringKeyedMap where Key == String, Value: Encodable {
    package func forEachSortedEntry(keeping keeps: (String) -> Bool, _ body: (String, any Encodable) throws -> Void) rethrows {
        // The keys alone are sorted: an array of `String`s sorts in specialised code, where the (key, value)
        // pairs of this generic extension would be moved through value witnesses at every step.
        for key in sortedByUTF8(Array(keys)) where keeps(key) {
            guard let value = self[key] else { continue }
            try body(key, value)
        }
    }
}

extension StringKeyedMap {
    /// Writes the entries as an object, keys sorted.
    func encodeEntries(to encoder: ValueEncoder) throws {
        encoder.beginObject()
        try forEachSortedEntry(keeping: encoder.keeps) { key, value in
            try encoder.child(forKey: key).encodeValue(value)
        }
    }
}

/// Strings in the order of their UTF-8 bytes (the same for every run and platform). Not generic, so it is
/// compiled for `String` whatever dictionary the keys come from.
private func sortedByUTF8(_ keys: [String]) -> [String] {
    keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
}
