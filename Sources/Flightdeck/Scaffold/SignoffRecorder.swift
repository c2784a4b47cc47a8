package import Foundation

/// Records a sign-off in a release's signoffs.yaml (`flightdeck signoff`), keeping the file's comments
/// when it can append, and checking that the result still reads back.
package enum SignoffRecorder {
    /// Adds (or with `replace`, changes) one role's decision. Returns the file's path relative to the site.
    package static func record(site root: URL, release id: String, role: String, approver: String, decision: String,
                               date: Date, comment: String?, replace: Bool) throws(DiagnosticError) -> String {
        let folder = "content/releases/\(id)"
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(folder).path) else {
            throw DiagnosticError(.error("no release folder \(folder)", at: nil))
        }
        let path = "\(folder)/signoffs.yaml"
        let url = root.appendingPathComponent(path)
        guard let choice = Signoffs.Decision(rawValue: decision) else {
            let allowed = Signoffs.Decision.allCases.map(\.rawValue)
            throw DiagnosticError(.error("decision must be one of \(allowed.joined(separator: ", ")), found \"\(decision)\"" + Suggestion.phrase(for: decision, in: allowed), at: nil))
        }
        let entry = Signoffs.Entry(role: role, approver: approver, decision: choice, date: date, comment: comment, line: 0)
        let file = ContentFile(path: path, url: url)
        let text: String
        if FileManager.default.fileExists(atPath: url.path) {
            let old = try file.readText().text
            let log = DiagnosticLog()
            let source = ReleaseSource(id: id, folder: folder, files: [file])
            guard let current = SignoffReader.read(source, log: log), !log.hasErrors else { throw DiagnosticError(log.diagnostics) }
            if let existing = current.entries.first(where: { $0.role == role }) {
                guard replace else {
                    throw DiagnosticError(.error("role '\(role)' already signed (\(existing.decision.rawValue) by \(existing.approver)); pass --replace to change it",
                                                 at: SourceLocation(file: path, line: existing.line, column: 1)))
                }
                var updated = current
                updated.entries = current.entries.map { $0.role == role ? entry : $0 }
                text = render(updated)
            } else {
                text = append(entry, to: old, current: current)
            }
        } else {
            text = render(Signoffs(path: path, required: [role], entries: [entry]))
        }
        let log = DiagnosticLog()
        let check = ReleaseSource(id: id, folder: folder, files: [file])
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw DiagnosticError(.error("cannot write \(path): \(error.localizedDescription)", at: nil))
        }
        _ = SignoffReader.read(check, log: log)
        if log.hasErrors { throw DiagnosticError(log.diagnostics) }
        return path
    }

    /// Appends a flow-style entry when `signoffs:` is the file's last key; otherwise rewrites the file.
    private static func append(_ entry: Signoffs.Entry, to text: String, current: Signoffs) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        let topLevel = lines.indices.filter { !lines[$0].hasPrefix(" ") && !lines[$0].hasPrefix("#") && !lines[$0].hasPrefix("-") && lines[$0].contains(":") }
        guard let last = topLevel.last, lines[last].hasPrefix("signoffs:") else {
            var updated = current
            updated.entries.append(entry)
            return render(updated)
        }
        let value = lines[last].dropFirst("signoffs:".count).trimmingCharacters(in: .whitespaces)
        if value == "[]" || value.isEmpty || value.hasPrefix("#") {
            if value == "[]" { lines[last] = "signoffs:" }
            lines.append("  - " + flow(entry))
            return lines.joined(separator: "\n") + "\n"
        }
        var updated = current
        updated.entries.append(entry)
        return render(updated)
    }

    /// The whole file, regenerated.
    private static func render(_ signoffs: Signoffs) -> String {
        var text = "# Roles that must approve, and their decisions (approved, rejected or pending).\n"
        text += "required: [\(signoffs.required.map(quote).joined(separator: ", "))]\n"
        text += signoffs.entries.isEmpty ? "signoffs: []\n" : "signoffs:\n"
        for entry in signoffs.entries { text += "  - " + flow(entry) + "\n" }
        return text
    }

    private static func flow(_ entry: Signoffs.Entry) -> String {
        var parts = ["role: \(quote(entry.role))", "approver: \(quote(entry.approver))", "decision: \(entry.decision.rawValue)"]
        if let date = entry.date { parts.append("date: \(Timestamp.dayString(date))") }
        if let comment = entry.comment { parts.append("comment: \(quote(comment))") }
        return "{ " + parts.joined(separator: ", ") + " }"
    }

    /// A YAML double-quoted string.
    private static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
