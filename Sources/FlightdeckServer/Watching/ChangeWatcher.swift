/// Watches the site root and reports batches of changed paths, relative to the root.
protocol ChangeWatcher: Sendable {
    /// Batches of changed paths, already filtered; the stream ends when the watcher stops.
    func changes() -> AsyncStream<[String]>
}

/// Chooses how to watch: inotify on Linux, polling elsewhere or when inotify cannot start.
enum ChangeWatchers {
    /// A watcher of `entries` under `root`; `forcePolling` skips inotify (tests, network file systems).
    static func make(root: String, entries: [String], forcePolling: Bool, pollInterval: Duration) -> any ChangeWatcher {
        let filter = WatchFilter(entries: entries)
        #if os(Linux)
        if !forcePolling, let inotify = InotifyWatcher(root: root, filter: filter) {
            return inotify
        }
        #endif
        return PollingWatcher(root: root, filter: filter, interval: pollInterval)
    }
}
