/// A value read from YAML, JSON or CSV, with the place each part came from.
///
/// Readers produce this tree; model decoders walk it with `ObjectReader` so every
/// problem names its file, line, column and field.
package struct DataNode: Sendable {
    /// The shape of a value.
    package enum Kind: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        /// A string; YAML scalars that are neither null, bool nor number, and YAML timestamps, stay strings.
        case string(String)
        case array([DataNode])
        /// Keys in source order, each with the location of the key itself.
        case object([(key: String, keyLocation: SourceLocation, value: DataNode)])
    }

    /// The value.
    package let kind: Kind
    /// Where the value starts.
    package let location: SourceLocation
    /// The scalar as written in the source (YAML `2.10` stays "2.10"), when the reader knows it.
    package let text: String?

    /// Creates a node.
    package init(_ kind: Kind, at location: SourceLocation, text: String? = nil) {
        self.kind = kind
        self.location = location
        self.text = text
    }

    /// The scalar as text: strings as they are, numbers and booleans as written; nil for containers and null.
    package var scalarText: String? {
        switch kind {
        case .string(let s): s
        case .int(let i): text ?? String(i)
        case .double(let d): text ?? String(d)
        case .bool(let b): text ?? (b ? "true" : "false")
        case .null, .array, .object: nil
        }
    }

    /// A short name of the value's type, for messages ("a string", "a list").
    package var typeDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "a mapping"
        }
    }

    /// The value as written, for messages: strings quoted, containers described.
    package var quoted: String {
        switch kind {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): "\"\(s.count > 60 ? String(s.prefix(57)) + "..." : s)\""
        case .array: "a list"
        case .object: "a mapping"
        }
    }

    /// The entries of an object node, or nil.
    package var entries: [(key: String, keyLocation: SourceLocation, value: DataNode)]? {
        if case .object(let entries) = kind { return entries }
        return nil
    }

    /// The elements of an array node, or nil.
    package var elements: [DataNode]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    /// The value of `key` in an object node, or nil.
    package subscript(key: String) -> DataNode? {
        // By index: `first(where:)` hands back a copy of the whole entry.
        guard case .object(let entries) = kind, let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
        return entries[index].value
    }
}
