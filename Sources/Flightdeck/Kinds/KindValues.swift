/// One value per data kind (a model, figures), stored under the kind's id and read back as the kind's type.
///
/// `ReleaseData` and `ReleaseFigures` keep their evidence here, so they need no field per kind, and encode it
/// as a member per present kind, named by its id, in registry order.
struct KindValues: Sendable {
    private var values: [String: any Encodable & Sendable] = [:]

    /// The value stored for the kind `id`, if it is a `Value`.
    subscript<Value: Encodable & Sendable>(id: String, as type: Value.Type) -> Value? {
        get { values[id] as? Value }
        set { values[id] = newValue }
    }

    /// Whether a value is stored for the kind `id`.
    func contains(_ id: String) -> Bool {
        values[id] != nil
    }

    /// A member name: a kind's id, or a field of the type that holds the values.
    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Encodes each stored value under its kind's id, in registry order.
    func encode(into container: inout KeyedEncodingContainer<Key>) throws {
        for kind in Registry.kinds {
            if let value = values[kind.id] { try container.encode(value, forKey: Key(kind.id)) }
        }
    }
}
