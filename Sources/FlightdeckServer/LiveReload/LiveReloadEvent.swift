/// One message on the live-reload event stream, as the injected script understands it.
enum LiveReloadEvent: Equatable, Sendable {
    /// Sent first on every connection: the site's version, so a page that missed a rebuild reloads.
    case hello(version: String)
    /// A rebuild succeeded: reload the page; `version` is the site's new version.
    case reload(version: String)
    /// Only stylesheets changed: swap them without reloading.
    case css(version: String)
    /// A rebuild failed: show these diagnostics over the page.
    case error(diagnostics: String)
    /// Keeps the connection alive and finds closed tabs.
    case ping

    /// The event in `text/event-stream` format; multi-line data becomes one `data:` line per line.
    var encoded: String {
        switch self {
        case .hello(let version): "retry: 1000\nevent: hello\n" + Self.data(version)
        case .reload(let version): "event: reload\n" + Self.data(version)
        case .css(let version): "event: css\n" + Self.data(version)
        case .error(let diagnostics): "event: error\n" + Self.data(diagnostics)
        case .ping: ": ping\n\n"
        }
    }

    private static func data(_ text: String) -> String {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        return lines.map { "data: \($0)\n" }.joined() + "\n"
    }
}
