import FlightdeckCore

/// Reads `release.yaml`.
enum ReleaseReader {
    /// The release metadata; a release folder without release.yaml gets a title from its id and a warning.
    static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Release {
        var result = Release(id: release.id, title: release.id)
        guard let file = release.file(named: "release.yaml") else {
            log.warning("\(release.folder) has no release.yaml; using the folder name as its title", at: nil)
            return result
        }
        let root: DataNode
        do {
            root = try YAMLReader.read(try file.readText().text, path: file.path)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return result
        }
        guard let reader = ObjectReader(root, log: log, what: "release.yaml") else { return result }
        if let id = reader.string("id"), id != release.id, let node = reader.value("id") {
            log.error("id \"\(id)\" does not match the folder name \"\(release.id)\"; rename one of them", at: node.location)
        }
        result.version = reader.string("version")
        result.title = reader.string("title") ?? result.version.map { "Release \($0)" } ?? release.id
        result.date = reader.date("date")
        result.owner = reader.string("owner")
        result.product = reader.string("product")
        result.environment = reader.string("environment")
        result.summary = reader.string("summary")
        result.draft = reader.bool("draft") ?? false
        for node in reader.list("links") ?? [] {
            guard let link = ObjectReader(node, log: log, what: "each link") else { continue }
            if let title = link.string("title", required: true), let url = link.string("url", required: true) {
                let checked = Release.Link(title: title, url: url)
                if !checked.safe, let node = link.value("url") {
                    log.warning("url \(SafeURL.quoted(url)) of link '\(title)' is not an http, https, mailto or relative URL; "
                                + "the link is shown as text", at: node.location)
                }
                result.links.append(checked)
            }
            link.warnUnknownKeys()
        }
        for node in reader.list("phases") ?? [] {
            guard let phase = ObjectReader(node, log: log, what: "each phase") else { continue }
            let name = phase.string("name", required: true)
            let start = phase.date("start", required: true)
            let end = phase.date("end", required: true)
            if let name, let start, let end {
                if end < start, let node = phase.value("end") {
                    log.error("phase '\(name)' ends before it starts", at: node.location)
                } else {
                    result.phases.append(.init(name: name, start: start, end: end))
                }
            }
            phase.warnUnknownKeys()
        }
        reader.warnUnknownKeys()
        return result
    }
}
