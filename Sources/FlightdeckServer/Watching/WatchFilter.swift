/// Which changed paths under the site root matter: those under the watched entries
/// (`content`, `templates`, `flightdeck.yaml`), minus editor droppings such as `.file.swp` or `file~`.
struct WatchFilter: Sendable {
    /// Top-level names watched under the root.
    let entries: Set<String>

    /// A filter for the given top-level names (a trailing `/` is ignored).
    init(entries: [String]) {
        self.entries = Set(entries.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 })
    }

    /// Whether a change to `relative` (e.g. `content/releases/2.4/notes.md`) should trigger a rebuild.
    func accepts(_ relative: String) -> Bool {
        let components = relative.split(separator: "/")
        guard let first = components.first, entries.contains(String(first)), let name = components.last else { return false }
        return !Self.isEditorTemporary(name)
    }

    /// Whether a top-level name is one of the watched entries.
    func isEntry(_ name: String) -> Bool {
        entries.contains(name)
    }

    /// Swap, backup and lock files that editors write beside the file being saved.
    static func isEditorTemporary(_ name: Substring) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913" || (name.hasPrefix("#") && name.hasSuffix("#"))
    }
}
