public import Foundation

extension PreviewServer {
    /// Where the server listens, what it serves and what it watches.
    public struct Configuration: Sendable {
        /// The address to listen on; loopback unless the user asks otherwise.
        public var host: String
        /// The port; 0 picks a free one (tests).
        public var port: Int
        /// The folder served (the last good site).
        public var servedFolder: URL
        /// The folder whose entries are watched (the site root).
        public var watchRoot: URL
        /// Entries under `watchRoot` to watch, files or folders (recursively).
        public var watchedEntries: [String]
        /// How long changes must settle before a rebuild starts.
        public var quietPeriod: Duration
        /// Poll instead of using inotify (network file systems, other platforms do so anyway).
        public var forcePolling: Bool
        /// How often polling scans the watched entries.
        public var pollInterval: Duration
        /// How long a connection may stay idle, or take to send a request head, before it is closed.
        public var idleTimeout: Duration
        /// Add the live-reload script to HTML and watch for changes; false serves the folder as it is.
        public var liveReload: Bool

        /// Serves `servedFolder` and watches `content/`, `templates/` and `flightdeck.yaml` under `watchRoot`.
        public init(host: String = "127.0.0.1", port: Int = 8080, servedFolder: URL, watchRoot: URL,
                    watchedEntries: [String] = ["content", "templates", "flightdeck.yaml"],
                    quietPeriod: Duration = .milliseconds(30), forcePolling: Bool = false,
                    pollInterval: Duration = .milliseconds(250), idleTimeout: Duration = .seconds(30), liveReload: Bool = true) {
            self.host = host
            self.port = port
            self.servedFolder = servedFolder
            self.watchRoot = watchRoot
            self.watchedEntries = watchedEntries
            self.quietPeriod = quietPeriod
            self.forcePolling = forcePolling
            self.pollInterval = pollInterval
            self.idleTimeout = idleTimeout
            self.liveReload = liveReload
        }

        /// Whether `host` names the loopback interface, so nobody else on the network can connect.
        public var isLoopback: Bool {
            host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
        }
    }
}
