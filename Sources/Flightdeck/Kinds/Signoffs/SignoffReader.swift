/// Reads `signoffs.yaml`.
enum SignoffReader {
    /// The sign-offs, or nil when the release has none. A role neither required nor in `configuredRoles`
    /// (flightdeck.yaml's `signoffs: roles:`) is a warning.
    static func read(_ release: ReleaseSource, configuredRoles: [String] = [], log: DiagnosticLog) -> Signoffs? {
        guard let file = release.file(named: "signoffs.yaml") else { return nil }
        do {
            // A sign-off at a time: a file of many is never held whole, as text or as one tree. Their problems are
            // reported after the file's own, as when the file was parsed whole first.
            let streamed = log.buffer()
            var entries = Entries(path: file.path, log: streamed)
            let root = try YAMLFile.read(file, recordsUnder: ["signoffs"]) { _, node in entries.add(node) }
            var signoffs = read(root, entries, streamed: streamed, configuredRoles: configuredRoles, log: log)
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
        return read(root, Entries(path: path, log: log), streamed: nil, configuredRoles: configuredRoles, log: log)
    }

    /// The sign-offs of a document whose `signoffs` list went to `entries` already when it was read a sign-off at a
    /// time (their problems in `streamed`), or is still in the document.
    private static func read(_ root: DataNode, _ entries: Entries, streamed: DiagnosticLog?, configuredRoles: [String],
                             log: DiagnosticLog) -> Signoffs? {
        var entries = entries
        guard let reader = ObjectReader(root, log: log, what: "signoffs.yaml") else { return nil }
        let required = reader.strings("required") ?? []
        // A list that was not read a sign-off at a time (one with an anchor) adds its problems to the same log.
        for node in reader.list("signoffs") ?? [] { entries.add(node) }
        if let streamed { log.report(buffered: streamed) }
        let result = Signoffs(path: entries.path, required: required, entries: entries.kept)
        let path = entries.path
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

    /// The entries of the `signoffs` list, checked one by one as they are read.
    private struct Entries {
        let path: String
        let log: DiagnosticLog
        private(set) var kept: [Signoffs.Entry] = []
        /// The line of each role's entry, for a role signed twice.
        private var seen: [String: Int] = [:]
        private static let decisions = Signoffs.Decision.allCases.map(\.rawValue)

        init(path: String, log: DiagnosticLog) {
            self.path = path
            self.log = log
        }

        /// Checks the entry at `node`, and keeps it when it is whole and its role is not signed already.
        mutating func add(_ node: DataNode) {
            guard let entry = ObjectReader(node, log: log, what: "each sign-off") else { return }
            let role = entry.string("role", required: true)
            let approver = entry.string("approver", required: true)
            let decision = entry.choice("decision", required: true, of: Self.decisions).flatMap(Signoffs.Decision.init(rawValue:))
            let date = entry.date("date")
            let comment = entry.string("comment")
            let digest = entry.string("digest")
            let version = entry.string("flightdeck")
            if let digest, let node = entry.value("digest"), !SignoffEvidenceFile.isDigest(digest) {
                log.error("'digest' must be sha256: and 64 hex digits, as flightdeck signoff writes it, found \"\(digest)\"", at: node.location)
            }
            entry.warnUnknownKeys()
            guard let role, let approver, let decision else { return }
            if let first = seen[role] {
                log.error("role '\(role)' signed twice (first at line \(first)); keep one entry per role", at: node.location)
                return
            }
            seen[role] = node.location.line
            if decision == .rejected, comment == nil {
                log.warning("a rejection should say why in 'comment'", at: node.location)
            }
            kept.append(.init(role: role, approver: approver, decision: decision, date: date,
                              comment: comment, line: node.location.line, digest: digest, flightdeck: version))
        }
    }
}
