/// Coalesces bursts of file changes into one rebuild and never runs two rebuilds at once.
///
/// A rebuild starts once no change has arrived for `quietPeriod` (or `maximumDelay` after the first
/// change of a burst, so a file written continuously cannot postpone it forever). Changes that arrive
/// during a rebuild are kept for the next one.
actor RebuildLoop {
    private let rebuilder: any SiteRebuilder
    private let quietPeriod: Duration
    private let maximumDelay: Duration
    private let onOutcome: @Sendable ([String], RebuildOutcome) async -> Void
    private var pending: Set<String> = []
    private var lastChange = ContinuousClock.now
    private var firstChange: ContinuousClock.Instant?
    private let wakes: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    /// A loop that calls `rebuilder` and hands each outcome, with the paths that caused it, to `onOutcome`.
    init(rebuilder: any SiteRebuilder, quietPeriod: Duration, maximumDelay: Duration = .seconds(1),
         onOutcome: @escaping @Sendable ([String], RebuildOutcome) async -> Void) {
        self.rebuilder = rebuilder
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
        self.onOutcome = onOutcome
        (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Notes changed paths; the rebuild follows once they settle.
    func record(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        pending.formUnion(paths)
        lastChange = .now
        if firstChange == nil { firstChange = lastChange }
        wake.yield()
    }

    /// Runs rebuilds until the task is cancelled.
    func run() async {
        for await _ in wakes {
            while let deadline = settleDeadline() {
                try? await Task.sleep(until: deadline, clock: .continuous)
                if Task.isCancelled { return }
            }
            guard !pending.isEmpty else { continue }
            let batch = pending.sorted()
            pending.removeAll()
            firstChange = nil
            let outcome = await rebuilder.rebuild(changedPaths: batch)
            await onOutcome(batch, outcome)
        }
    }

    /// When to look again, or nil when the burst has settled (or waited long enough).
    private func settleDeadline() -> ContinuousClock.Instant? {
        let now = ContinuousClock.now
        let deadline = min(lastChange + quietPeriod, (firstChange ?? now) + maximumDelay)
        return now < deadline ? deadline : nil
    }
}
