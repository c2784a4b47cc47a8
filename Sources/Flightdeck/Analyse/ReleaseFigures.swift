/// Everything computed for one release: the figures of each data kind it has and the verdict.
struct ReleaseFigures: Sendable, Encodable {
    /// Each analysed kind's figures, by kind id.
    private var figures = KindValues()
    /// The go/no-go decision and its reasons.
    var verdict = Verdict(reasons: [])

    /// A kind's figures: `figures[TestsKind.self]` is its `TestFigures`, nil when the release has none.
    subscript<Kind: EvidenceKind>(kind: Kind.Type) -> Kind.Figures? {
        get { figures[Kind.id, as: Kind.Figures.self] }
        set { figures[Kind.id, as: Kind.Figures.self] = newValue }
    }

    /// A member per analysed kind, under its id, in registry order; then `verdict`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: KindValues.Key.self)
        try figures.encode(into: &container)
        try container.encode(verdict, forKey: .init("verdict"))
    }
}
