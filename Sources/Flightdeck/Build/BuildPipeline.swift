import Foundation

/// The pipeline as named steps: Load → Ingest → Analyse → Render → Write, with progress for free.
struct BuildPipeline {
    let root: URL
    let options: BuildOptions
    /// Kept between builds by `flightdeck serve`; nil for one-off builds.
    var cache: BuildCache? = nil
    /// When each stage started, for the stage times progress prints at the end.
    private let clock = StageClock()

    /// Runs the stages up to Analyse; errors of any stage stop it with every diagnostic found so far.
    func model(log: DiagnosticLog) throws(DiagnosticError) -> SiteModel {
        progress(1, "Load")
        let source = try ContentLoader.load(root: root, log: log)
        try stopOnErrors(log)

        progress(2, "Ingest")
        let unsafe = source.config.markdownUnsafeHTML
        let index = source.index.flatMap { PageReader.read($0, unsafeHTML: unsafe, log: log) }
        let pages = source.pages.compactMap { PageReader.read($0, unsafeHTML: unsafe, log: log) }
            .filter { options.includeDrafts || !$0.draft }
            .sorted { ($0.weight, $0.title, $0.slug) < ($1.weight, $1.title, $1.slug) }
        let ingested = ingestReleases(source, log: log)
            .filter { options.includeDrafts || !$0.data.release.draft }
        try stopOnErrors(log)

        progress(3, "Analyse")
        let oldestFirst = ingested.sorted { Self.order($0.data.release) < Self.order($1.data.release) }
        // The previous release of each: the latest earlier one of the same product (releases without a
        // product are one group of their own).
        var latest: [String?: ReleaseData] = [:]
        let previous = oldestFirst.map { item in
            defer { latest[item.data.release.product] = item.data }
            return latest[item.data.release.product]
        }
        // Releases are analysed in parallel, each reporting into its own log, merged in order.
        let thresholds = source.config.thresholds
        let analysed = ConcurrentMap.map(Array(oldestFirst.indices)) { position -> (SiteModel.Entry, [Diagnostic]) in
            let item = oldestFirst[position]
            let releaseLog = DiagnosticLog()
            let figures = ReleaseAnalyser.analyse(item.data, previous: previous[position], thresholds: thresholds, log: releaseLog)
            return (.init(source: item.source, data: item.data, figures: figures), releaseLog.diagnostics)
        }
        var entries: [SiteModel.Entry] = []
        for (entry, diagnostics) in analysed {
            log.report(contentsOf: diagnostics)
            entries.append(entry)
        }
        try stopOnErrors(log)
        return SiteModel(source: source, index: index, pages: pages, releases: entries.reversed(),
                         trends: TrendAnalysis.analyse(entries.map { ($0.data, $0.figures) }))
    }

    /// Ingests releases in parallel; each release reports into its own log, merged in id order.
    private func ingestReleases(_ source: SiteSource, log: DiagnosticLog) -> [(source: ReleaseSource, data: ReleaseData)] {
        let releases = source.releases
        let cache = cache
        let results = ConcurrentMap.map(releases) { release -> (ReleaseData, [Diagnostic]) in
            let releaseLog = DiagnosticLog()
            let data = ReleaseIngester.ingest(release, config: source.config, log: releaseLog, cache: cache)
            return (data, releaseLog.diagnostics)
        }
        var output: [(source: ReleaseSource, data: ReleaseData)] = []
        for (release, (data, diagnostics)) in zip(releases, results) {
            log.report(contentsOf: diagnostics)
            output.append((release, data))
        }
        return output
    }

    /// Releases sort by date (undated last), then id.
    private static func order(_ release: Release) -> (Double, String) {
        (release.date?.timeIntervalSince1970 ?? .greatestFiniteMagnitude, release.id)
    }

    func progress(_ step: Int, _ name: String) {
        guard let report = options.progress else { return }
        clock.start(name)
        report("[\(step)/5] \(name)")
    }

    /// Ends the last stage and reports how long each stage took.
    func finish() {
        guard let report = options.progress else { return }
        report("Stage times: " + clock.stop().map { "\($0.name) \($0.milliseconds) ms" }.joined(separator: " · "))
    }

    /// Throws the log's diagnostics, errors first, if it holds any error.
    func stopOnErrors(_ log: DiagnosticLog) throws(DiagnosticError) {
        guard log.hasErrors else { return }
        throw DiagnosticError(Self.sorted(log.diagnostics))
    }

    /// Errors before warnings, then by place.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            (a.element.severity, a.offset) < (b.element.severity, b.offset)
        }.map(\.element)
    }
}

/// Wall-clock time per stage of one build.
private final class StageClock: @unchecked Sendable {
    private var stages: [(name: String, start: UInt64)] = []
    private let lock = NSLock()

    func start(_ name: String) {
        lock.withLock { stages.append((name, DispatchTime.now().uptimeNanoseconds)) }
    }

    /// Each stage's name and duration, the last one ending now.
    func stop() -> [(name: String, milliseconds: Int)] {
        let now = DispatchTime.now().uptimeNanoseconds
        return lock.withLock {
            stages.indices.map { i in
                let end = i + 1 < stages.count ? stages[i + 1].start : now
                return (stages[i].name, Int((end - stages[i].start) / 1_000_000))
            }
        }
    }
}
