/// Reads incidents/*.md: YAML front matter (id, severity, times, action items) and the Markdown postmortem.
package enum IncidentReader {
    /// The release's incidents, or nil when it has no incidents/ files. Bad files are reported and left out.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Incidents? {
        let files = release.files(in: "incidents", extensions: ["md", "markdown"])
        guard !files.isEmpty else { return nil }
        var incidents: [Incident] = []
        var seen: [String: String] = [:]
        for file in files {
            guard let source = file.readText(log: log, limit: 4 << 20) else { continue }
            let frontMatter: FrontMatter
            do {
                frontMatter = try FrontMatter(parsing: source)
            } catch {
                log.report(contentsOf: error.diagnostics)
                continue
            }
            guard source.text.hasPrefix("---") else {
                log.error("an incident file must start with YAML front matter between '---' lines (id, title, severity, status, started)",
                          at: .file(file.path))
                continue
            }
            guard let incident = IncidentFields.read(frontMatter, path: file.path, log: log) else { continue }
            if let first = seen[incident.id] {
                log.error("duplicate incident id '\(incident.id)' (also in \(first))", at: frontMatter.fields["id"]?.location)
                continue
            }
            seen[incident.id] = file.path
            incidents.append(incident)
        }
        return Incidents(incidents: incidents)
    }
}
