import Foundation

/// Whether each sign-off still stands on the evidence it approved (docs/verdict.md, "Stale sign-offs").
///
/// A sign-off recorded by `flightdeck signoff` carries the digest of the release's inputs. It is
/// **verified** while the inputs hash to that digest and the figures it kept are unchanged, **stale**
/// once either changed, and **unverified** when it has no digest (written by hand).
enum SignoffVerification {
    /// The figures the verdict's reasons read, by their exported names: each kind's `keptFigures`, in registry order.
    static let verdictFigures = Registry.kinds.flatMap { kind in kind.keptFigures.map { "\(kind.id).\($0)" } }

    /// What a sign-off keeps: the verdict's figures and every checklist check's figure, except the
    /// sign-offs' own (they change as people sign, which must not make the others stale) and the
    /// checklist's own (checklist.md is an input already, and its figures derive from the others).
    static func snapshot(of figures: ReleaseFigures, checklist: Checklist?) throws(DiagnosticError) -> [SignoffEvidence.Figure] {
        let tree: DataNode
        do {
            tree = try FiguresJSON.tree(of: figures, paths: keptNames(checklist: checklist))
        } catch {
            throw DiagnosticError(.error("cannot encode the figures a sign-off keeps: \(error)", at: nil))
        }
        return snapshot(of: tree, checklist: checklist)
    }

    /// The names of the figures a sign-off keeps (see `snapshot(of:checklist:)`), which checklist checks also read.
    static func keptNames(checklist: Checklist?) -> [String] {
        var names = verdictFigures
        for check in checklist?.tasks.checks ?? [] {
            guard case .success(let parsed) = MetricCheck.parse(check) else { continue }
            let name = parsed.path.joined(separator: ".")
            let own: Set<String> = [SignoffsKind.id, ChecklistKind.id]
            if let kind = parsed.path.first, !own.contains(kind), !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The same, from the figures' tree.
    static func snapshot(of tree: DataNode, checklist: Checklist?) -> [SignoffEvidence.Figure] {
        let names = keptNames(checklist: checklist)
        return names.compactMap { name in
            var node: DataNode? = tree
            for key in name.split(separator: ".") { node = node?.entries?.first { $0.key == key }?.value }
            guard let text = node?.scalarText else { return nil }
            return .init(name: name, value: text)
        }
    }

    /// Where one sign-off stands.
    struct Status: Sendable {
        /// verified, stale or unverified.
        var state: SignoffFigures.Verification
        /// Input files changed, added or removed since the signing (relative to the release folder);
        /// nil when the evidence file no longer lists what was signed.
        var changedFiles: [String]?
        /// Figures whose value changed since the signing.
        var changedFigures: [SignoffFigures.FigureChange]
        /// Why an unverified sign-off is: "no digest", "edited by hand after flightdeck signoff recorded it".
        var why: String?
    }

    /// Checks one entry against the release's current inputs and figures (`nil`: figures not compared yet).
    static func verify(_ entry: Signoffs.Entry, evidence: [String: SignoffEvidence], inputs: [SignoffEvidence.File]?,
                       figures: [SignoffEvidence.Figure]?) -> Status {
        guard let digest = entry.digest, let inputs else { return Status(state: .unverified, changedFiles: [], changedFigures: [], why: "no digest") }
        let signed = evidence[digest]
        let changedFigures = figures.flatMap { now in signed.map { changes(from: $0.figures, to: now) } } ?? []
        let filesChanged = SignoffEvidence.digest(of: inputs) != digest
        let changedFiles: [String]? = filesChanged ? signed.map { changes(from: $0.files, to: inputs) } : []
        if filesChanged || !changedFigures.isEmpty {
            return Status(state: .stale, changedFiles: changedFiles, changedFigures: changedFigures, why: nil)
        }
        // The files are as signed; the record of the signing must say this very decision was made on them.
        guard let signed else {
            return Status(state: .unverified, changedFiles: [], changedFigures: [],
                          why: "its record is missing from \(SignoffEvidence.fileName)")
        }
        guard signed.signatures.contains(SignoffEvidence.Signature(entry)) else {
            return Status(state: .unverified, changedFiles: [], changedFigures: [],
                          why: "edited by hand after flightdeck signoff recorded it")
        }
        return Status(state: .verified, changedFiles: [], changedFigures: [], why: nil)
    }

    /// Paths whose hash differs, that were added, or that were removed, sorted.
    private static func changes(from old: [SignoffEvidence.File], to new: [SignoffEvidence.File]) -> [String] {
        let before = Dictionary(old.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    /// Each kept figure whose value is now different or gone, in the kept order.
    private static func changes(from old: [SignoffEvidence.Figure], to new: [SignoffEvidence.Figure]) -> [SignoffFigures.FigureChange] {
        let now = Dictionary(new.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        return old.compactMap { figure in
            let current = now[figure.name]
            return current == figure.value ? nil : .init(name: figure.name, before: figure.value, after: current ?? "–")
        }
    }
}
