/// A data kind as a value, as `require:` lists it: one of `Registry.kinds`, equal by id and ordered as the
/// registry lists them.
package struct DataKind: Hashable, Comparable, Sendable {
    /// The kind's declaration.
    let type: any EvidenceKind.Type

    /// Its id, as `require:` names it.
    package var id: String { type.id }

    init(_ type: any EvidenceKind.Type) {
        self.type = type
    }

    /// The kind with this id, or nil when no kind has it.
    init?(id: String) {
        guard let type = Registry.kind(id: id) else { return nil }
        self.type = type
    }

    /// Every kind, in registry order.
    static var all: [DataKind] { Registry.kinds.map(DataKind.init) }

    /// The kinds a release must have before it can be GO when `flightdeck.yaml` sets no `require:`
    /// (the seeds' final validation: test suites, performance tests, a rollout, and sign-offs).
    static var defaultRequired: [DataKind] { all.filter { $0.type.requiredByDefault } }

    package static func == (a: DataKind, b: DataKind) -> Bool { a.id == b.id }

    package func hash(into hasher: inout Hasher) { hasher.combine(id) }

    package static func < (a: DataKind, b: DataKind) -> Bool {
        Registry.position(of: a.id) < Registry.position(of: b.id)
    }
}
