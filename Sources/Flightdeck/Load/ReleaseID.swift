package import Foundation

/// A release id as a command takes it: a folder name under `content/releases/`, never a path.
///
/// Every command that takes a release id (`signoff`, `gate`, `export`, `new release`, and the ones to come)
/// checks it here, before it touches the file system.
package struct ReleaseID: Sendable, Hashable, CustomStringConvertible {
    /// The id, which is the release's folder name.
    package let name: String

    /// Checks `text`: not empty, no `/`, `\`, NUL or control character, no leading dot (so not `.` or `..`,
    /// and not a folder the loader hides). The error says what is wrong and names the id printably.
    package init(_ text: String) throws(DiagnosticError) {
        if let problem = Self.problem(with: text) {
            throw DiagnosticError(.error("release id \(Self.printable(text)) \(problem); a release id is its folder name under content/releases/", at: nil))
        }
        name = text
    }

    /// The release's folder, relative to the site root.
    package var folder: String { "content/releases/\(name)" }

    /// The name.
    package var description: String { name }

    /// Why `text` cannot be a release id, or nil if it can.
    static func problem(with text: String) -> String? {
        if text.isEmpty { return "is empty" }
        if text == "." || text == ".." { return "is a path, not a name" }
        if text.contains("/") || text.contains("\\") { return "contains a path separator" }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return text.unicodeScalars.contains("\0") ? "contains a NUL character" : "contains a control character"
        }
        if text.hasPrefix(".") { return "starts with a dot (hidden folders are not releases)" }
        return nil
    }

    /// The release's folder must exist (for every command that does not create one); the error suggests the
    /// closest existing id.
    package func requireFolder(in root: URL) throws(DiagnosticError) {
        guard !Folder.isFolder(root.appendingPathComponent(folder).path) else { return }
        var known: [String] = []
        do {
            known = try Folder.entries(of: root.appendingPathComponent("content/releases").path)
                .filter { $0.isFolder && !ContentLoader.isIgnored($0.name) }.map(\.name)
        } catch {
            // No releases folder (or none readable): the error below stands without a suggestion.
        }
        throw DiagnosticError(.error("no release '\(name)' (no folder \(folder))\(Suggestion.phrase(for: name, in: known))", at: nil))
    }

    /// `text` in double quotes with control and invisible characters written as `\u{…}`.
    static func printable(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" {
                out += "\\" + String(scalar)
            } else if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
