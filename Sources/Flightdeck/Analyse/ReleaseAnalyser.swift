/// The Analyse stage for a release: every kind's analysis in registry order, then the verdict.
enum ReleaseAnalyser {
    /// Computes all figures. `history` holds the earlier releases of the same product, latest first (at most
    /// `AnalysisContext.historyDepth`), for comparisons and the test history. `required` lists the data kinds the
    /// release must have before it can be GO.
    static func analyse(_ data: ReleaseData, history: [ReleaseData], thresholds: Thresholds, required: [DataKind],
                        log: DiagnosticLog) -> ReleaseFigures {
        var figures = ReleaseFigures()
        for kind in Registry.kinds {
            let context = AnalysisContext(data: data, history: history, thresholds: thresholds, figures: figures, log: log)
            analyse(kind, in: context, into: &figures)
        }
        // Checklist checks and sign-offs' kept figures read figures by their exported names: the tree is
        // encoded once, only when some kind reads it (an item with a check, a sign-off with a digest), and only
        // the figures they name.
        var tree: DataNode?
        if Registry.kinds.contains(where: { readsFigureTree($0, data) }) {
            do {
                tree = try FiguresJSON.tree(of: figures, paths: SignoffVerification.keptNames(checklist: data[ChecklistKind.self]))
            } catch {
                log.error("cannot encode the figures checks and sign-offs read: \(error)", at: nil)
            }
        }
        let context = AnalysisContext(data: data, history: history, thresholds: thresholds, figures: figures, log: log)
        for kind in Registry.kinds {
            reanalyse(kind, tree: tree, in: context, into: &figures)
        }
        let present = Set(DataKind.all.filter { data.has($0.type) })
        figures.verdict = VerdictRules.verdict(for: figures, present: present, required: required)
        return figures
    }

    private static func analyse<Kind: EvidenceKind>(_ kind: Kind.Type, in context: AnalysisContext, into figures: inout ReleaseFigures) {
        guard let model = context.data[kind] else { return }
        figures[kind] = Kind.analyse(model, in: context)
    }

    private static func readsFigureTree<Kind: EvidenceKind>(_ kind: Kind.Type, _ data: ReleaseData) -> Bool {
        data[kind].map(Kind.readsFigureTree) ?? false
    }

    private static func reanalyse<Kind: EvidenceKind>(_ kind: Kind.Type, tree: DataNode?, in context: AnalysisContext,
                                                      into figures: inout ReleaseFigures) {
        guard let model = context.data[kind],
              let revised = Kind.reanalyse(model, figures: figures[kind], tree: tree, in: context) else { return }
        figures[kind] = revised
    }
}
