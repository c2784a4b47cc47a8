import ServiceLifecycle

/// Runs beside the HTTP server: watches the sources, feeds the rebuild loop, publishes outcomes to the
/// hub and keeps event streams alive; on shutdown it closes every stream.
struct LiveReloadService: Service {
    /// How often open streams get a comment line, so closed tabs are noticed.
    static let heartbeat = Duration.seconds(15)

    let configuration: PreviewServer.Configuration
    let rebuilder: any SiteRebuilder
    let hub: LiveReloadHub
    let cache: FileCache

    func run() async throws {
        let watcher = ChangeWatchers.make(
            root: configuration.watchRoot.path, entries: configuration.watchedEntries,
            forcePolling: configuration.forcePolling, pollInterval: configuration.pollInterval)
        let hub = self.hub, cache = self.cache
        // A burst can straddle two scans when polling, so the quiet period then covers a scan interval too.
        let quiet = watcher is PollingWatcher ? configuration.quietPeriod + configuration.pollInterval : configuration.quietPeriod
        let loop = RebuildLoop(rebuilder: rebuilder, quietPeriod: quiet) { _, outcome in
            if case .built = outcome { cache.removeAll() }
            await hub.publish(outcome)
        }
        await withDiscardingTaskGroup { group in
            group.addTask { for await paths in watcher.changes() { await loop.record(paths) } }
            group.addTask { await loop.run() }
            group.addTask {
                while (try? await Task.sleep(for: Self.heartbeat)) != nil { await hub.broadcast(.ping) }
            }
            try? await gracefulShutdown()
            group.cancelAll()
        }
        await hub.closeAll()
    }
}
