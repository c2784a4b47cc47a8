/// The go/no-go decision for a release, the reasons behind it, and what would change it.
package struct Verdict: Sendable, Encodable {
    /// The decision.
    package enum Decision: String, Sendable, Encodable {
        /// Every gate passes and every required input is there: ship it.
        case go
        /// Something blocks the release.
        case noGo = "no_go"
        /// Nothing blocks, but something is missing or not finished yet.
        case pending
        /// The release's own data has errors, so nothing can be said (`build --keep-going`, `gate`).
        case cannotJudge = "cannot_judge"

        /// CI exit code for `flightdeck gate`: 0 go, 1 no-go, 2 pending, 3 cannot judge.
        package var exitCode: Int32 {
            switch self {
            case .go: 0
            case .noGo: 1
            case .pending: 2
            case .cannotJudge: 3
            }
        }

        /// As the pages and `gate` print it: GO, NO-GO, PENDING, CANNOT JUDGE.
        package var label: String {
            switch self {
            case .go: "GO"
            case .noGo: "NO-GO"
            case .pending: "PENDING"
            case .cannotJudge: "CANNOT JUDGE"
            }
        }
    }

    /// One reason, from one area of the data.
    package struct Reason: Sendable, Encodable {
        /// How it weighs.
        package enum Level: String, Sendable, Encodable { case blocker, pending, pass }
        /// blocker, pending or pass.
        package var level: Level
        /// The data kind it comes from: inputs (required evidence), tests, rollout, incidents, checklist, signoffs...
        package var area: String
        /// What was found, with the figures, e.g. "success rate 97.5% ≥ 95% (ready)".
        package var message: String
        /// What would lift it, one item each (empty for passes), e.g. "qa sign-off".
        package var needs: [String] = []
        /// Where the evidence is, as a link relative to the release page: `#tests`, `checklist.html#item-3`.
        package var evidence: String
    }

    /// Which inputs the verdict had, against the ones the site requires.
    package struct Inputs: Sendable, Encodable {
        /// Required data kinds the release has.
        package var used: [String] = []
        /// Data kinds the site requires of this release (`require:`).
        package var required: [String] = []
        /// Required data kinds it lacks.
        package var missing: [String] = []
    }

    /// The decision: no-go if any blocker, else pending if anything is pending, else go.
    package var decision: Decision
    /// Blockers first, then pending, then passes; each group in area order.
    package var reasons: [Reason]
    /// What would change the decision: the needs of every blocker, then of every pending reason.
    package var needs: [String]
    /// Required inputs used and missing.
    package var inputs: Inputs

    /// Derives the decision from reasons.
    package init(reasons: [Reason], inputs: Inputs = .init()) {
        let order: [Reason.Level: Int] = [.blocker: 0, .pending: 1, .pass: 2]
        self.reasons = reasons.enumerated().sorted {
            (order[$0.element.level] ?? 3, $0.offset) < (order[$1.element.level] ?? 3, $1.offset)
        }.map(\.element)
        self.inputs = inputs
        needs = self.reasons.flatMap(\.needs)
        if reasons.contains(where: { $0.level == .blocker }) {
            decision = .noGo
        } else if reasons.contains(where: { $0.level == .pending }) || reasons.isEmpty {
            decision = .pending
        } else {
            decision = .go
        }
    }

    /// The verdict of a release whose data has errors: no reasons from data that cannot be trusted.
    package static func cannotJudge(errors: Int) -> Verdict {
        var verdict = Verdict(reasons: [])
        verdict.decision = .cannotJudge
        verdict.reasons = [Reason(level: .blocker, area: "data",
                                  message: "\(errors) error\(errors == 1 ? "" : "s") in this release's data; fix \(errors == 1 ? "it" : "them") to get a verdict",
                                  needs: ["the errors in this release's data fixed"], evidence: "#diagnostics")]
        verdict.needs = verdict.reasons.flatMap(\.needs)
        return verdict
    }
}

extension Verdict.Reason {
    /// How many items of one list a reason names, in its message and in its needs; the rest are counted, so that
    /// a checklist of 70,000 open items gives a verdict a board can read (and a page of bounded size).
    static let namedItems = 5

    /// Up to `namedItems` of `items`, joined with commas, then "and N more".
    static func listed(_ items: some Collection<String>) -> String {
        let shown = items.prefix(namedItems).joined(separator: ", ")
        return items.count > namedItems ? "\(shown) and \(items.count - namedItems) more" : shown
    }

    /// One need for each of the first `namedItems` of `items`, then one for the rest, `rest(count)`.
    static func needs<Items: Collection>(_ items: Items, each: (Items.Element) -> String, rest: (Int) -> String) -> [String] {
        var needs = items.prefix(namedItems).map(each)
        if items.count > namedItems { needs.append(rest(items.count - namedItems)) }
        return needs
    }
}
