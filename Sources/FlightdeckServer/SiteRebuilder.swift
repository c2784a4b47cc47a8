/// Rebuilds the site the preview server shows; the CLI implements it with the Flightdeck library.
///
/// The server knows nothing of releases: it calls `rebuild(changedPaths:)` after a burst of file
/// changes has settled, never two at once, and tells open browsers what happened.
public protocol SiteRebuilder: Sendable {
    /// Rebuilds after `changedPaths` (relative to the watched root, e.g. `content/index.md`) changed.
    ///
    /// A failed rebuild must leave the served folder untouched, so the browser keeps the last good site.
    func rebuild(changedPaths: [String]) async -> RebuildOutcome
}

/// What one rebuild produced.
public enum RebuildOutcome: Sendable, Equatable {
    /// The served folder holds a new site; `changedOutputs` lists the files that changed (`nil`: unknown),
    /// and `stylesheetsOnly` says that only CSS changed, so pages can swap stylesheets without reloading.
    case built(changedOutputs: [String]?, stylesheetsOnly: Bool)
    /// The build failed; `diagnostics` is compiler-style text: per problem a `file:line:column: error: message` line,
    /// optionally followed by its source line (`12 | text`) and a caret line (`   |    ^`), as the terminal shows them.
    /// The browser's overlay shows each problem with its source line and caret.
    case failed(diagnostics: String)
}
