/// Reads incidents/: Markdown incidents (YAML front matter and a postmortem), PagerDuty incidents API JSON and
/// Opsgenie alert JSON. A Markdown file with `incident:` is the postmortem of an imported incident.
package enum IncidentReader {
    /// The release's incidents, or nil when it has no incidents/ files. Bad files are reported and left out.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Incidents? {
        let files = release.files(in: "incidents", extensions: ["md", "markdown", "json"])
        guard !files.isEmpty else { return nil }
        var incidents: [Incident] = []
        var seen: [String: String] = [:]
        var postmortems: [(MarkdownFile, ContentFile)] = []
        // Imported incidents first, so that postmortems can refer to any of them.
        for file in files where file.fileExtension == "json" {
            for incident in IncidentImport.read(file, log: log) {
                if let first = seen[incident.id] {
                    log.error("duplicate incident id '\(incident.id)' (also in \(first))", at: .file(file.path))
                    continue
                }
                seen[incident.id] = file.path
                incidents.append(incident)
            }
        }
        for file in files where file.fileExtension != "json" {
            // A long file is read in place, and its body kept where it is in the file.
            let markdown: MarkdownFile
            do {
                markdown = try MarkdownFile(file)
            } catch {
                log.report(contentsOf: error.diagnostics)
                continue
            }
            let frontMatter = markdown.frontMatter
            guard markdown.startsWithDashes else {
                log.error("an incident file must start with YAML front matter between '---' lines (id, title, severity, status, started)",
                          at: .file(file.path))
                continue
            }
            if frontMatter.fields["incident"] != nil {
                postmortems.append((markdown, file))
                continue
            }
            guard let incident = IncidentFields.read(frontMatter, body: markdown.body(), path: file.path, log: log) else { continue }
            if let first = seen[incident.id] {
                log.error("duplicate incident id '\(incident.id)' (also in \(first))", at: frontMatter.fields["id"]?.location)
                continue
            }
            seen[incident.id] = file.path
            incidents.append(incident)
        }
        for (markdown, file) in postmortems {
            IncidentPostmortem.attach(markdown.frontMatter, body: markdown.body(), path: file.path, to: &incidents, log: log)
        }
        return Incidents(incidents: incidents)
    }
}
