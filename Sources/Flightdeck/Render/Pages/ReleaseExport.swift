import Foundation

/// The JSON document of one release: what `flightdeck export` prints and, with a `schema_version`, each
/// release's `summary.json` (see docs/export.md). One encoder for both, so they cannot drift apart.
enum ReleaseExport {
    /// The `schema_version` of `summary.json`.
    static let schemaVersion = 1

    /// The export of `entry`: `format_version`, `id`, `data` and `figures`, plus `schema_version` when given.
    static func data(_ entry: SiteModel.Entry, schemaVersion: Int? = nil) throws(DiagnosticError) -> Data {
        struct Export: Encodable {
            let formatVersion = 1
            let schemaVersion: Int?
            let id: String
            let data: ReleaseData
            let figures: ReleaseFigures
        }
        return try encode(Export(schemaVersion: schemaVersion, id: entry.data.release.id, data: entry.data, figures: entry.figures))
    }

    /// The `summary.json` of a release: its export with `schema_version`, or, for a release whose data has
    /// errors (which has no figures to export), its id, the decision `cannot_judge` and the diagnostics.
    static func summary(_ entry: SiteModel.Entry) throws(DiagnosticError) -> Data {
        guard entry.hasErrors else { return try data(entry, schemaVersion: schemaVersion) }
        struct CannotJudge: Encodable {
            let schemaVersion: Int
            let id: String
            let decision = Verdict.Decision.cannotJudge.rawValue
            let diagnostics: [DiagnosticRow]
        }
        return try encode(CannotJudge(schemaVersion: schemaVersion, id: entry.data.release.id,
                                      diagnostics: entry.diagnostics.map(DiagnosticRow.init)))
    }

    private static func encode(_ value: some Encodable) throws(DiagnosticError) -> Data {
        do {
            return try FiguresJSON.data(of: value)
        } catch {
            throw DiagnosticError(.error("cannot encode the export of a release: \(error)", at: nil))
        }
    }
}
