package import Foundation

/// What the CLI's per-release commands (gate, export, signoff) need; package-only, not public API.
extension Site {
    /// Loads and analyses the site (no rendering, no writing) and finds one release by id.
    func entry(_ release: ReleaseID, log: DiagnosticLog) throws(DiagnosticError) -> SiteModel.Entry {
        let options = BuildOptions(includeDrafts: true)
        let id = release.name
        let model = try BuildPipeline(root: root, options: options).model(log: log)
        if let entry = model.releases.first(where: { $0.data.release.id == id }) { return entry }
        let ids = model.releases.map(\.data.release.id)
        let known = ids.isEmpty ? "there are no releases in content/releases/" : "known releases: \(ids.sorted().joined(separator: ", "))"
        throw DiagnosticError(.error("no release '\(id)'\(Suggestion.phrase(for: id, in: ids)) (\(known))", at: nil))
    }

    /// The verdict of a release, its reasons as lines, the process exit code, and any warnings.
    package func gate(_ id: ReleaseID) throws(DiagnosticError) -> (decision: String, reasons: [String], exitCode: Int32, warnings: [Diagnostic]) {
        let log = DiagnosticLog()
        let entry = try entry(id, log: log)
        let verdict = entry.figures.verdict
        let lines = verdict.reasons.map { "  \($0.level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \($0.area): \($0.message)" }
        return (ReleaseRow.label(verdict.decision), lines, verdict.decision.exitCode, log.diagnostics)
    }

    /// The normalised data and computed figures of a release as JSON (the format of docs/export.md).
    package func export(_ id: ReleaseID) throws(DiagnosticError) -> Data {
        let entry = try entry(id, log: DiagnosticLog())
        struct Export: Encodable {
            let formatVersion = 1
            let id: String
            let data: ReleaseData
            let figures: ReleaseFigures
        }
        do {
            return try FiguresJSON.data(of: Export(id: id.name, data: entry.data, figures: entry.figures))
        } catch {
            throw DiagnosticError(.error("cannot encode the export: \(error)", at: nil))
        }
    }
}
