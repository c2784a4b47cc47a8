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

    /// `rows` grouped by `key`, the groups in the order of their first row, each in its rows' order.
    private static func grouped<Row>(_ rows: [Row], by key: (Row) -> String) -> [(key: String, group: [Row])] {
        var order: [String] = []
        var groups: [String: [Row]] = [:]
        for row in rows {
            let k = key(row)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(row)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    /// The roles a page lists: at most `PageRows.limit`, rejected ones first, then those that still wait (no
    /// decision, stale, unverified), then verified approvals, shown in file order; the lists of role names
    /// (`rejected`, `outstanding`, `stale`, `unverified`) cut to as many, each with its count of the rest.
    static func pageFigures(_ s: SignoffFigures) -> SignoffFigures {
        var paged = s
        let (positions, omitted) = PageRows.listed(s.roles) { role in
            role.status == "rejected" ? 0 : role.status == "approved" && role.verification == .verified ? 2 : 1
        }
        paged.roles = positions.map { s.roles[$0] }
        paged.rolesOmitted = omitted
        func cut(_ names: inout [String]) -> Int? {
            guard names.count > PageRows.limit else { return nil }
            defer { names.removeSubrange(PageRows.limit...) }
            return names.count - PageRows.limit
        }
        paged.rejectedOmitted = cut(&paged.rejected)
        paged.outstandingOmitted = cut(&paged.outstanding)
        paged.staleOmitted = cut(&paged.stale)
        paged.unverifiedOmitted = cut(&paged.unverified)
        return paged
    }

    /// A rejection blocks. A required role without an approval, or whose approval is stale (its evidence
    /// changed since) or unverified (no digest), waits. All approved on their current evidence passes.
    static func reason(_ s: SignoffFigures) -> Verdict.Reason? {
        if s.required == 0, s.rejected.isEmpty {
            return .init(level: .pending, area: id, message: "signoffs.yaml names no required roles",
                         needs: ["the roles that must approve listed under required: in signoffs.yaml"], evidence: "signoffs.html")
        }
        typealias Reason = Verdict.Reason
        var parts: [String] = [], needs: [String] = []
        // Roles made stale by the same change are said once: "stale: qa signed … by …, ops signed … by …; changed since: notes.md".
        let staleRoles = Set(s.stale)
        let stale = s.roles.filter { staleRoles.contains($0.role) }
        let changes = grouped(stale) { $0.changedSince ?? "" }
        let said = changes.prefix(Reason.namedItems).map { change, group in
            let who = group.count == 1 ? "\(group[0].role) stale: \(group[0].signedText ?? "")"
                : "stale: " + Reason.listed(group.lazy.map { "\($0.role) \($0.signedText ?? "")" })
            return "\(who); changed since: \(change)"
        }
        parts += said
        if changes.count > said.count {
            parts.append("\(changes.dropFirst(said.count).reduce(0) { $0 + $1.group.count }) more stale after other changes")
        }
        needs += Reason.needs(stale, each: { "\($0.role) sign-off again on the current evidence" },
                              rest: { "\($0) more sign-offs again on the current evidence" })
        if !s.unverified.isEmpty {
            // Grouped by why: "unverified (no digest): qa; unverified (edited by hand after …): ops".
            let unverifiedRoles = Set(s.unverified)
            for (why, rows) in grouped(s.roles.filter { unverifiedRoles.contains($0.role) }, by: { $0.unverifiedWhy ?? "no digest" }) {
                parts.append("unverified (\(why == "no digest" ? "no digest, written by hand" : why)): \(Reason.listed(rows.lazy.map(\.role)))")
            }
            needs += Reason.needs(s.unverified, each: { "\($0) sign-off recorded with flightdeck signoff" },
                                  rest: { "\($0) more sign-offs recorded with flightdeck signoff" })
        }
        if !s.outstanding.isEmpty {
            parts.append("waiting for \(Reason.listed(s.outstanding))")
            needs += Reason.needs(s.outstanding, each: { "\($0) sign-off" }, rest: { "\($0) more sign-offs" })
        }
        if !s.rejected.isEmpty {
            return .init(level: .blocker, area: id, message: (["rejected by \(Reason.listed(s.rejected))"] + parts).joined(separator: "; "),
                         needs: Reason.needs(s.rejected, each: { "\($0) approval (now rejected)" }, rest: { "\($0) more approvals (now rejected)" }) + needs,
                         evidence: "signoffs.html")
        }
        if !parts.isEmpty {
            return .init(level: .pending, area: id, message: "\(s.approved) of \(s.required) approved; " + parts.joined(separator: "; "),
                         needs: needs, evidence: "signoffs.html")
        }
        return .init(level: .pass, area: id, message: "all \(s.required) required sign-offs approved on the current evidence",
                     evidence: "signoffs.html")
    }
}
