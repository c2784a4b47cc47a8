import FlightdeckCore
package import Foundation

/// Records a sign-off in a release's signoffs.yaml (`flightdeck signoff`).
///
/// The whole read–modify–write holds an exclusive lock on `.signoffs.yaml.lock` beside the file, so
/// concurrent runs take turns and none is lost. The edit changes only the lines of the entry (see
/// `SignoffEditor`), is checked by reading it back, and replaces the file atomically (`AtomicFile`).
package enum SignoffRecorder {
    /// What to record.
    package struct Request: Sendable {
        /// The role signing; must be in the release's `required:` or the site's `signoffs: roles:` unless `extraRole`.
        package var role: String
        package var approver: String
        /// approved, rejected or pending.
        package var decision: String
        package var date: Date
        package var comment: String?
        /// Change the role's existing entry instead of refusing.
        package var replace = false
        /// Accept a role that is neither required nor configured.
        package var extraRole = false
        /// What the release's evidence is now; its digest goes into the entry, the rest into signoffs.evidence.json.
        package var evidence: SignoffEvidence?

        /// A request; `replace` and `extraRole` default to false.
        package init(role: String, approver: String, decision: String, date: Date, comment: String?,
                     replace: Bool = false, extraRole: Bool = false) {
            (self.role, self.approver, self.decision, self.date, self.comment) = (role, approver, decision, date, comment)
            (self.replace, self.extraRole) = (replace, extraRole)
        }
    }

    /// The name of the lock file beside signoffs.yaml; a dot-file, so the loader and `serve` ignore it.
    package static let lockName = ".signoffs.yaml.lock"

    /// Adds (or with `replace`, changes) one role's decision. Returns the file's path relative to the site.
    package static func record(_ request: Request, release id: ReleaseID, site root: URL) throws(DiagnosticError) -> String {
        try id.requireFolder(in: root)
        guard let decision = Signoffs.Decision(rawValue: request.decision) else {
            let allowed = Signoffs.Decision.allCases.map(\.rawValue)
            throw DiagnosticError(.error("decision must be one of \(allowed.joined(separator: ", ")), found \"\(request.decision)\"" + Suggestion.phrase(for: request.decision, in: allowed), at: nil))
        }
        let siteRoles = try configuredRoles(root)
        let path = "\(id.folder)/signoffs.yaml"
        let url = root.appendingPathComponent(path)
        let fields = fields(of: request, decision: decision)
        return try AtomicFile.withLock(root.appendingPathComponent("\(id.folder)/\(lockName)").path) { () throws(DiagnosticError) -> String in
            let (bom, old) = try current(url, path: path)
            let log = DiagnosticLog()
            guard let signoffs = SignoffReader.read(old, path: path, log: log), !log.hasErrors else { throw DiagnosticError(log.diagnostics) }
            let known = signoffs.required + siteRoles.filter { !signoffs.required.contains($0) }
            if !request.extraRole, !known.contains(request.role) {
                let roles = known.isEmpty ? "no roles are required in \(path) or configured in flightdeck.yaml" : "known roles: \(known.joined(separator: ", "))"
                throw DiagnosticError(.error("role '\(request.role)' is not required for release '\(id)'\(Suggestion.phrase(for: request.role, in: known)) (\(roles)); pass --extra-role to record it anyway", at: nil))
            }
            let editor = try SignoffEditor(old, path: path)
            let text: String
            if let index = editor.index(ofRole: request.role), let existing = signoffs.entries.first(where: { $0.role == request.role }) {
                guard request.replace else {
                    throw DiagnosticError(.error("role '\(request.role)' already signed (\(existing.decision.rawValue) by \(existing.approver)); pass --replace to change it",
                                                 at: SourceLocation(file: path, line: existing.line, column: 1)))
                }
                text = try editor.replacing(entryAt: index, with: fields)
            } else {
                text = try editor.adding(fields)
            }
            let check = DiagnosticLog()
            let written = SignoffReader.read(text, path: path, log: check)
            if check.hasErrors { throw DiagnosticError(check.diagnostics) }
            if var evidence = request.evidence {
                // The evidence first: a digest in signoffs.yaml must always find its files, figures and signature.
                let sidecar = root.appendingPathComponent("\(id.folder)/\(SignoffEvidence.fileName)")
                let old = try currentEvidence(sidecar, path: "\(id.folder)/\(SignoffEvidence.fileName)")
                if let entry = written?.entries.first(where: { $0.role == request.role }) { evidence.signatures = [.init(entry)] }
                let json = try SignoffEvidenceFile.text(for: written?.entries ?? [], from: old, adding: evidence)
                try AtomicFile.replace(sidecar.path, with: Data(json.utf8))
            }
            try AtomicFile.replace(url.path, with: Data((bom + text).utf8))
            return path
        }
    }

    /// The entry's fields in the order they are written.
    static func fields(of request: Request, decision: Signoffs.Decision) -> [SignoffEditor.Field] {
        var fields: [SignoffEditor.Field] = [("role", request.role), ("approver", request.approver), ("decision", decision.rawValue),
                                             ("date", Timestamp.dayString(request.date))]
        if let comment = request.comment { fields.append(("comment", comment)) }
        if let evidence = request.evidence { fields += [("digest", evidence.digest), ("flightdeck", evidence.flightdeck)] }
        return fields
    }

    /// The evidence already recorded beside signoffs.yaml; a file with errors stops the edit.
    private static func currentEvidence(_ url: URL, path: String) throws(DiagnosticError) -> [String: SignoffEvidence] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        let log = DiagnosticLog()
        let evidence = SignoffEvidenceFile.read(try ContentFile(path: path, url: url).readText(), log: log)
        if log.hasErrors { throw DiagnosticError(log.diagnostics) }
        return evidence
    }

    /// The file's text without, and its byte-order mark if it has one; a new file's text when there is none.
    private static func current(_ url: URL, path: String) throws(DiagnosticError) -> (bom: String, text: String) {
        guard FileManager.default.fileExists(atPath: url.path) else { return ("", newFile) }
        let data = try ContentFile(path: path, url: url).readData()
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? "\u{FEFF}" : ""
        return (bom, try ContentFile.decode(data, path: path).text)
    }

    /// A signoffs.yaml made by `flightdeck signoff` where there was none: no roles required yet.
    static let newFile = """
        # Roles that must approve, and their decisions (approved, rejected or pending).
        required: []
        signoffs: []

        """

    /// The site-wide `signoffs: roles:` of flightdeck.yaml (none without the file).
    private static func configuredRoles(_ root: URL) throws(DiagnosticError) -> [String] {
        let url = root.appendingPathComponent("flightdeck.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let log = DiagnosticLog()
        let config = SiteConfig(parsing: try ContentFile(path: "flightdeck.yaml", url: url).readText(), log: log)
        if log.hasErrors { throw DiagnosticError(log.diagnostics) }
        return config.signoffRoles
    }
}
