import Foundation

/// The JSON document of one release: what `flightdeck export` prints and, with a `schema_version`, each
/// release's `summary.json` (see docs/export.md). One encoder for both, so they cannot drift apart.
enum ReleaseExport {
    /// The `schema_version` of `summary.json`.
    static let schemaVersion = 1

    /// The export of `entry`: `format_version`, `id`, `data` and `figures`, plus `schema_version` when given.
    static func data(_ entry: SiteModel.Entry, schemaVersion: Int? = nil) throws(DiagnosticError) -> Data {
        try encode(Export(schemaVersion: schemaVersion, entry))
    }

    /// The `summary.json` of a release: its export with `schema_version`, or, for a release whose data has
    /// errors (which has no figures to export), its id, the decision `cannot_judge` and the diagnostics.
    /// Written in pieces of about a mebibyte to `piece`, with a final line break: a release's export holds every
    /// record it read, so it is encoded straight into its file (`OutputFile.Body.stream`), never whole in memory.
    static func summary(_ entry: SiteModel.Entry, to piece: ([UInt8]) throws -> Void) throws {
        if entry.hasErrors {
            struct CannotJudge: Encodable {
                let schemaVersion: Int
                let id: String
                let decision = Verdict.Decision.cannotJudge.rawValue
                let diagnostics: [DiagnosticRow]
            }
            try FiguresJSON.write(CannotJudge(schemaVersion: schemaVersion, id: entry.data.release.id,
                                              diagnostics: entry.diagnostics.map(DiagnosticRow.init)), to: piece)
        } else {
            try FiguresJSON.write(Export(schemaVersion: schemaVersion, entry), to: piece)
        }
        try piece([UInt8(ascii: "\n")])
    }

    /// The document: `format_version`, `id`, `data` and `figures`, and `schema_version` when given.
    private struct Export: Encodable {
        let formatVersion = 1
        let schemaVersion: Int?
        let id: String
        let data: ReleaseData
        let figures: ReleaseFigures

        init(schemaVersion: Int?, _ entry: SiteModel.Entry) {
            self.schemaVersion = schemaVersion
            id = entry.data.release.id
            data = entry.data
            figures = entry.figures
        }
    }

    private static func encode(_ value: some Encodable) throws(DiagnosticError) -> Data {
        do {
            return try FiguresJSON.data(of: value)
        } catch {
            throw DiagnosticError(.error("cannot encode the export of a release: \(error)", at: nil))
        }
    }
}
