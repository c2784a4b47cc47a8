public import Foundation

/// Where an `Environment` finds templates; sources are searched in order, so earlier ones override later ones file by file.
public enum TemplateSource: Sendable {
    /// A folder of template files, named by their path relative to it (`partials/table.html`).
    case directory(URL)
    /// Templates compiled into the binary, by name.
    case memory([String: String])

    /// The source text of `name`, or nil if this source does not have it.
    func load(_ name: String) throws(TemplateError) -> String? {
        switch self {
        case .memory(let templates):
            return templates[name]
        case .directory(let folder):
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw TemplateError("cannot read template '\(name)' at \(url.path)", at: Position(line: 1, column: 1), in: name)
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw TemplateError("template '\(name)' is not valid UTF-8", at: Position(line: 1, column: 1), in: name)
            }
            return text
        }
    }
}
