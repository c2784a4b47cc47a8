/// Sign-offs: signoffs.yaml (required roles and decisions) and the evidence `flightdeck signoff` keeps.
enum SignoffsKind: EvidenceKind {
    static let id = "signoffs"
    static let title = "Sign-offs"
    static let hint = "signoffs.yaml"
    static let fileNames = ["signoffs.yaml", SignoffEvidence.fileName]
    static let placement = KindPlacement.ownPage
    static let requiredByDefault = true

    static func read(_ release: ReleaseSource, in context: ReadContext) -> Signoffs? {
        SignoffReader.read(release, configuredRoles: context.config.signoffRoles, log: context.log)
    }

    static func needsInputDigest(_ signoffs: Signoffs) -> Bool {
        hasDigests(signoffs)
    }

    /// Each role against the release's inputs; the figures a sign-off kept are compared in `reanalyse`.
    static func analyse(_ signoffs: Signoffs, in context: AnalysisContext) -> SignoffFigures? {
        SignoffAnalysis.analyse(signoffs, inputs: context.data.inputs)
    }

    static func readsFigureTree(_ signoffs: Signoffs) -> Bool {
        hasDigests(signoffs)
    }

    /// Sign-offs made with a digest also kept figures: compare those now that every other figure is known.
    static func reanalyse(_ signoffs: Signoffs, figures: SignoffFigures?, tree: DataNode?, in context: AnalysisContext) -> SignoffFigures? {
        guard hasDigests(signoffs), let tree else { return nil }
        let snapshot = SignoffVerification.snapshot(of: tree, checklist: context.data[ChecklistKind.self])
        return SignoffAnalysis.analyse(signoffs, inputs: context.data.inputs, figures: snapshot)
    }

    private static func hasDigests(_ signoffs: Signoffs) -> Bool {
        signoffs.entries.contains { $0.digest != nil }
    }

    /// A rejection blocks. A required role without an approval, or whose approval is stale (its evidence
    /// changed since) or unverified (no digest), waits. All approved on their current evidence passes.
    static func reason(_ s: SignoffFigures) -> Verdict.Reason? {
        if s.required == 0, s.rejected.isEmpty {
            return .init(level: .pending, area: id, message: "signoffs.yaml names no required roles",
                         needs: ["the roles that must approve listed under required: in signoffs.yaml"], evidence: "signoffs.html")
        }
        var parts: [String] = [], needs: [String] = []
        // Roles made stale by the same change are said once: "stale: qa signed … by …, ops signed … by …; changed since: notes.md".
        let stale = s.roles.filter { s.stale.contains($0.role) }
        var changes: [String] = []
        for role in stale where !changes.contains(role.changedSince ?? "") { changes.append(role.changedSince ?? "") }
        for change in changes {
            let group = stale.filter { ($0.changedSince ?? "") == change }
            let who = group.count == 1 ? "\(group[0].role) stale: \(group[0].signedText ?? "")"
                : "stale: " + group.map { "\($0.role) \($0.signedText ?? "")" }.joined(separator: ", ")
            parts.append("\(who); changed since: \(change)")
        }
        needs += stale.map { "\($0.role) sign-off again on the current evidence" }
        if !s.unverified.isEmpty {
            // Grouped by why: "unverified (no digest): qa; unverified (edited by hand after …): ops".
            let rows = s.roles.filter { s.unverified.contains($0.role) }
            var whys: [String] = []
            for row in rows where !whys.contains(row.unverifiedWhy ?? "no digest") { whys.append(row.unverifiedWhy ?? "no digest") }
            for why in whys {
                let roles = rows.filter { ($0.unverifiedWhy ?? "no digest") == why }.map(\.role)
                parts.append("unverified (\(why == "no digest" ? "no digest, written by hand" : why)): \(roles.joined(separator: ", "))")
            }
            needs += s.unverified.map { "\($0) sign-off recorded with flightdeck signoff" }
        }
        if !s.outstanding.isEmpty {
            parts.append("waiting for \(s.outstanding.joined(separator: ", "))")
            needs += s.outstanding.map { "\($0) sign-off" }
        }
        if !s.rejected.isEmpty {
            return .init(level: .blocker, area: id, message: (["rejected by \(s.rejected.joined(separator: ", "))"] + parts).joined(separator: "; "),
                         needs: s.rejected.map { "\($0) approval (now rejected)" } + needs, evidence: "signoffs.html")
        }
        if !parts.isEmpty {
            return .init(level: .pending, area: id, message: "\(s.approved) of \(s.required) approved; " + parts.joined(separator: "; "),
                         needs: needs, evidence: "signoffs.html")
        }
        return .init(level: .pass, area: id, message: "all \(s.required) required sign-offs approved on the current evidence",
                     evidence: "signoffs.html")
    }
}
