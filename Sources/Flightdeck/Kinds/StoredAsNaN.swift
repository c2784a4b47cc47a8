/// An optional `Double` kept in 8 bytes, NaN standing for nil: `Double?` takes 16 in an array, and a model of
/// millions of records (operation comparisons, rollout samples) holds several per record. A figure read from data
/// is never NaN (readers refuse it), so nothing is lost.
///
/// Encoded as the optional it stands for; in a synthesised `encode(to:)` an absent one is left out, as
/// `encodeIfPresent` leaves out a nil (through the `KeyedEncodingContainer` overload below).
@propertyWrapper
package struct StoredAsNaN: Sendable, Encodable {
    private var stored: Double

    package init(wrappedValue: Double?) {
        stored = wrappedValue ?? .nan
    }

    package var wrappedValue: Double? {
        get { stored.isNaN ? nil : stored }
        set { stored = newValue ?? .nan }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = wrappedValue { try container.encode(value) } else { try container.encodeNil() }
    }
}

extension KeyedEncodingContainer {
    /// A `StoredAsNaN` figure, left out when absent.
    package mutating func encode(_ value: StoredAsNaN, forKey key: Key) throws {
        try encodeIfPresent(value.wrappedValue, forKey: key)
    }
}
