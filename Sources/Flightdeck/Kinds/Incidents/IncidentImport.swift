import Foundation

/// Reads an incidents/*.json file: PagerDuty's incidents API JSON or Opsgenie's alert JSON, told apart by their
/// top-level key (`incidents`/`incident` or `data`).
enum IncidentImport {
    /// The incidents of the file; every problem goes to the log with its place.
    static func read(_ file: ContentFile, log: DiagnosticLog) -> [Incident] {
        guard let source = file.readText(log: log) else { return [] }
        let root: DataNode
        do {
            root = try JSONReader.read(source.text, path: file.path)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return []
        }
        guard let r = ObjectReader(root, log: log, what: "an incidents JSON file") else { return [] }
        if r.node["incidents"] != nil || r.node["incident"] != nil { return PagerDutyReader.read(r, path: file.path) }
        if r.node["data"] != nil { return OpsgenieReader.read(r, path: file.path) }
        log.error("expected PagerDuty's incidents API JSON ({\"incidents\": [...]} or {\"incident\": {...}}) or Opsgenie's alert JSON "
                  + "({\"data\": [...]}), found keys \(r.keys.map { "'\($0)'" }.joined(separator: ", "))", at: root.location)
        return []
    }
}
