/// Reads `signoffs.yaml`.
enum SignoffReader {
    /// The sign-offs, or nil when the release has none. A role neither required nor in `configuredRoles`
    /// (flightdeck.yaml's `signoffs: roles:`) is a warning.
    static func read(_ release: ReleaseSource, configuredRoles: [String] = [], log: DiagnosticLog) -> Signoffs? {
        guard let file = release.file(named: "signoffs.yaml") else { return nil }
        do {
            var signoffs = read(try file.readText().text, path: file.path, configuredRoles: configuredRoles, log: log)
            if let evidence = release.file(named: SignoffEvidence.fileName) {
                signoffs?.evidence = SignoffEvidenceFile.read(try evidence.readText(), log: log)
            }
            return signoffs
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// The sign-offs in `text`, the contents of the file at `path`; nil when it is not YAML.
    static func read(_ text: String, path: String, configuredRoles: [String] = [], log: DiagnosticLog) -> Signoffs? {
        let root: DataNode
        do {
            root = try YAMLReader.read(text, path: path)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
        guard let reader = ObjectReader(root, log: log, what: "signoffs.yaml") else { return nil }
        var result = Signoffs(path: path, required: reader.strings("required") ?? [], entries: [])
        let decisions = Signoffs.Decision.allCases.map(\.rawValue)
        var seen: [String: Int] = [:]
        for node in reader.list("signoffs") ?? [] {
            guard let entry = ObjectReader(node, log: log, what: "each sign-off") else { continue }
            let role = entry.string("role", required: true)
            let approver = entry.string("approver", required: true)
            let decision = entry.choice("decision", required: true, of: decisions).flatMap(Signoffs.Decision.init(rawValue:))
            let date = entry.date("date")
            let comment = entry.string("comment")
            let digest = entry.string("digest")
            let version = entry.string("flightdeck")
            if let digest, let node = entry.value("digest"), !SignoffEvidenceFile.isDigest(digest) {
                log.error("'digest' must be sha256: and 64 hex digits, as flightdeck signoff writes it, found \"\(digest)\"", at: node.location)
            }
            entry.warnUnknownKeys()
            guard let role, let approver, let decision else { continue }
            if let first = seen[role] {
                log.error("role '\(role)' signed twice (first at line \(first)); keep one entry per role", at: node.location)
                continue
            }
            seen[role] = node.location.line
            if decision == .rejected, comment == nil {
                log.warning("a rejection should say why in 'comment'", at: node.location)
            }
            result.entries.append(.init(role: role, approver: approver, decision: decision, date: date,
                                        comment: comment, line: node.location.line, digest: digest, flightdeck: version))
        }
        let known = Set(result.required).union(configuredRoles)
        for entry in result.entries where !known.contains(entry.role) {
            // A suggestion compares the role with every required one: only for the warnings the log keeps.
            guard log.accepts(.warning, from: path) else { break }
            log.warning("role '\(entry.role)' is not in 'required'" + Suggestion.phrase(for: entry.role, in: result.required),
                        at: SourceLocation(file: path, line: entry.line, column: 1))
        }
        reader.warnUnknownKeys()
        return result
    }
}
