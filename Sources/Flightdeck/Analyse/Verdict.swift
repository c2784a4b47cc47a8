/// The go/no-go decision for a release and the reasons behind it.
package struct Verdict: Sendable, Encodable {
    /// The decision.
    package enum Decision: String, Sendable, Encodable {
        /// Every gate passes: ship it.
        case go
        /// Something blocks the release.
        case noGo = "no_go"
        /// Nothing blocks, but something is not finished yet.
        case pending

        /// CI exit code for `flightdeck gate`: 0 go, 1 no-go, 2 pending.
        package var exitCode: Int32 {
            switch self {
            case .go: 0
            case .noGo: 1
            case .pending: 2
            }
        }
    }

    /// One reason, from one area of the data.
    package struct Reason: Sendable, Encodable {
        /// How it weighs.
        package enum Level: String, Sendable, Encodable { case blocker, pending, pass }
        /// blocker, pending or pass.
        package var level: Level
        /// The data kind it comes from: tests, rollout, incidents, checklist, signoffs...
        package var area: String
        /// What was found, with the figures, e.g. "success rate 97.5% ≥ 95% (ready)".
        package var message: String
    }

    /// The decision: no-go if any blocker, else pending if anything is pending, else go.
    package var decision: Decision
    /// Blockers first, then pending, then passes; each group in area order.
    package var reasons: [Reason]

    /// Derives the decision from reasons.
    package init(reasons: [Reason]) {
        let order: [Reason.Level: Int] = [.blocker: 0, .pending: 1, .pass: 2]
        self.reasons = reasons.enumerated().sorted {
            (order[$0.element.level] ?? 3, $0.offset) < (order[$1.element.level] ?? 3, $1.offset)
        }.map(\.element)
        if reasons.contains(where: { $0.level == .blocker }) {
            decision = .noGo
        } else if reasons.contains(where: { $0.level == .pending }) || reasons.isEmpty {
            decision = .pending
        } else {
            decision = .go
        }
    }
}
