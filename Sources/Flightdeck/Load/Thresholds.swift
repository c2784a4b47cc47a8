/// The limits the analysis judges against, from `thresholds:` in flightdeck.yaml: a section per data kind
/// that has thresholds (`thresholds: tests:`), every limit with a default.
package struct Thresholds: Sendable {
    /// Each section read or set, by kind id; the others are their kind's defaults.
    private var sections: [String: any ThresholdSection] = [:]

    /// The defaults.
    package init() {}

    /// Reads the `thresholds:` mapping, a section per kind in registry order; absent sections keep their defaults.
    package init(reading reader: ObjectReader) {
        for kind in Registry.kinds { read(kind, from: reader) }
    }

    /// A kind's thresholds: `thresholds[TestsKind.self]` is its `TestThresholds`.
    subscript<Kind: EvidenceKind>(kind: Kind.Type) -> Kind.Settings {
        get { sections[Kind.id] as? Kind.Settings ?? Kind.Settings() }
        set { sections[Kind.id] = newValue }
    }

    private mutating func read<Kind: EvidenceKind>(_ kind: Kind.Type, from reader: ObjectReader) {
        // A kind without thresholds does not ask for its key, so `thresholds: <id>:` is warned about as unknown.
        guard Kind.Settings.self != NoThresholds.self, let section = reader.object(Kind.id) else { return }
        var settings = self[kind]
        settings.read(section)
        section.warnUnknownKeys()
        self[kind] = settings
    }
}
