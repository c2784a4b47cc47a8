package import Foundation

/// What `flightdeck gate` prints about one release: as text, as JSON for machines, or as Markdown for a
/// CI job summary or a pull-request comment (docs/commands.md).
package struct GateReport: Sendable {
    /// The release id.
    package let release: String
    /// Its verdict.
    package let verdict: Verdict
    /// The diagnostics of that release's own files, errors first.
    package let diagnostics: [Diagnostic]

    /// 0 go, 1 no-go, 2 pending, 3 cannot judge.
    package var exitCode: Int32 { verdict.decision.exitCode }

    /// `2026.2-warehouse-cutover: NO-GO`, then one line a reason and the needs.
    package var text: String {
        var lines = ["\(release): \(verdict.decision.label)"]
        lines += verdict.reasons.map { "  \($0.level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \($0.area): \($0.message)" }
        if !verdict.needs.isEmpty { lines += ["  needs:"] + verdict.needs.map { "    - \($0)" } }
        return lines.joined(separator: "\n")
    }

    /// The JSON document of `gate --format json`, keys sorted, pretty-printed.
    package func json() throws(DiagnosticError) -> String {
        let page = SitePaths.release(release)
        let document = JSONShape(
            release: release, decision: verdict.decision.rawValue,
            reasons: verdict.reasons.map {
                .init(area: $0.area, status: $0.level.rawValue, text: $0.message, needs: $0.needs,
                      evidence: $0.evidence.hasPrefix("#") ? page + $0.evidence : Self.sibling(of: page, $0.evidence))
            },
            needs: verdict.needs,
            inputs: .init(used: verdict.inputs.used, required: verdict.inputs.required, missing: verdict.inputs.missing),
            diagnostics: diagnostics.map {
                .init(severity: $0.severity.rawValue, file: $0.location?.file, line: $0.location?.line,
                      column: $0.location?.column, message: $0.message)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self)
        } catch {
            throw DiagnosticError(.error("cannot encode the verdict: \(error)", at: nil))
        }
    }

    /// A short Markdown summary: the decision, a table of reasons, what is needed and what is missing.
    package var markdown: String {
        let icon: [Verdict.Decision: String] = [.go: "✅", .noGo: "⛔", .pending: "⏳", .cannotJudge: "⚠️"]
        var lines = ["### \(icon[verdict.decision] ?? "") \(Self.cell(release)): \(verdict.decision.label)", ""]
        if !verdict.reasons.isEmpty {
            lines += ["| Status | Area | Reason |", "|---|---|---|"]
            lines += verdict.reasons.map { "| \($0.level.rawValue) | \($0.area) | \(Self.cell($0.message)) |" }
            lines.append("")
        }
        if !verdict.needs.isEmpty {
            lines.append("**Needs:**")
            lines += verdict.needs.map { "- \(Self.cell($0))" }
            lines.append("")
        }
        let inputs = verdict.inputs
        if !inputs.required.isEmpty {
            let missing = inputs.missing.isEmpty ? "." : "; missing " + inputs.missing.joined(separator: ", ") + "."
            lines.append("Inputs: used \(inputs.used.count) of \(inputs.required.count) required" + missing)
        }
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            lines.append("")
            lines.append("**Errors:**")
            lines += errors.map { "- `\($0.description.replacingOccurrences(of: "`", with: "'"))`" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text for a Markdown table cell or list item: pipes, backslashes, HTML and line breaks neutralised.
    private static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// `checklist.html#item-2` next to `releases/x/index.html`.
    private static func sibling(of page: String, _ link: String) -> String {
        guard let slash = page.lastIndex(of: "/") else { return link }
        return page[...slash] + link
    }

    private struct JSONShape: Encodable {
        struct Reason: Encodable {
            let area: String, status: String, text: String, needs: [String], evidence: String
        }
        struct Inputs: Encodable {
            let used: [String], required: [String], missing: [String]
        }
        struct Problem: Encodable {
            let severity: String, file: String?, line: Int?, column: Int?, message: String
        }
        let release: String
        let decision: String
        let reasons: [Reason]
        let needs: [String]
        let inputs: Inputs
        let diagnostics: [Problem]
    }
}
