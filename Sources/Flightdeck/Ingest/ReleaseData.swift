/// Everything ingested for one release: its metadata, notes, and the typed model of each data kind it has.
struct ReleaseData: Sendable, Encodable {
    /// Metadata from release.yaml.
    var release: Release
    /// notes.md, rendered.
    var notes: Page?
    /// Each present kind's model, by kind id.
    private var models = KindValues()
    /// The release's inputs by path and SHA-256, hashed only when a sign-off has a digest to check them against.
    var inputs: [SignoffEvidence.File]?

    init(release: Release) {
        self.release = release
    }

    /// The release's model of a kind: `data[TestsKind.self]` is its `TestResults`, nil when it has none.
    subscript<Kind: EvidenceKind>(kind: Kind.Type) -> Kind.Model? {
        get { models[Kind.id, as: Kind.Model.self] }
        set { models[Kind.id, as: Kind.Model.self] = newValue }
    }

    /// Whether the release has this kind of evidence.
    func has(_ kind: any EvidenceKind.Type) -> Bool {
        models.contains(kind.id)
    }

    /// A member per present kind, under its id, in registry order; then `release` and `notes`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: KindValues.Key.self)
        try models.encode(into: &container)
        try container.encode(release, forKey: .init("release"))
        try container.encodeIfPresent(notes, forKey: .init("notes"))
    }
}
