/// The rules that turn figures into verdict reasons (see docs/verdict.md): the required-evidence rule here,
/// the one that spans kinds, then each kind's own reason (`EvidenceKind.reason`).
///
/// Each reason says what was found, what would lift it (`needs`), and where its evidence is on the page.
enum VerdictRules {
    /// The verdict of a release: its required inputs first, then every kind it has figures for, in registry order.
    static func verdict(for figures: ReleaseFigures, present: Set<DataKind>, required: [DataKind]) -> Verdict {
        var reasons: [Verdict.Reason] = []
        let missing = required.filter { !present.contains($0) }
        var inputs = Verdict.Inputs()
        inputs.required = required.map(\.id)
        inputs.used = required.filter { present.contains($0) }.map(\.id)
        inputs.missing = missing.map(\.id)
        if !missing.isEmpty { reasons.append(evidence(missing: missing, required: required)) }
        for kind in Registry.kinds {
            if let reason = reason(kind, in: figures) { reasons.append(reason) }
        }
        return Verdict(reasons: reasons, inputs: inputs)
    }

    /// A required data kind that is missing holds the release at pending.
    static func evidence(missing: [DataKind], required: [DataKind]) -> Verdict.Reason {
        let used = required.count - missing.count
        return .init(level: .pending, area: "inputs",
                     message: "missing evidence: \(missing.map(\.id).joined(separator: ", ")) (used \(used) of \(required.count) required inputs)",
                     needs: missing.map { "\($0.id) data (\($0.type.hint))" }, evidence: "#missing")
    }

    private static func reason<Kind: EvidenceKind>(_ kind: Kind.Type, in figures: ReleaseFigures) -> Verdict.Reason? {
        figures[kind].flatMap(Kind.reason)
    }
}
