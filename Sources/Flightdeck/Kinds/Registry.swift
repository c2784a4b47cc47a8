/// The data kinds, in the one order every list of them follows: reading, analysis, the release page's
/// sections and "Not reported" list, `require:`, `thresholds:`, the verdict's reasons and the export.
///
/// A new kind is its folder `Kinds/<Kind>/` plus one line here (docs/architecture.md, "How to add a data kind").
/// Checklist and sign-offs come last: their figures read the others'.
enum Registry {
    /// Every data kind, in order.
    static let kinds: [any EvidenceKind.Type] = [
        TestsKind.self,
        BaselineKind.self,
        PerformanceKind.self,
        RolloutKind.self,
        ExperimentsKind.self,
        IncidentsKind.self,
        ChecklistKind.self,
        SignoffsKind.self,
    ]

    /// Files every release folder may hold besides evidence: its metadata and narrative.
    static let releaseFileNames = ["release.yaml", "notes.md"]

    /// Every file format of every kind, in kind order, with its kind's id.
    static var formats: [(kind: String, format: DataFormat)] {
        kinds.flatMap { kind in kind.formats.map { (kind.id, $0) } }
    }

    /// The kind with this id, if there is one.
    static func kind(id: String) -> (any EvidenceKind.Type)? {
        kinds.first { $0.id == id }
    }

    /// Its position in `kinds` (the end for an unknown id), for sorting.
    static func position(of id: String) -> Int {
        kinds.firstIndex { $0.id == id } ?? kinds.count
    }
}
