import FlightdeckCore
import Foundation

/// The pipeline: Load → Ingest → Analyse → Render → Write, run as named steps.
///
/// `build` runs every step, `check` all but Write, `gate`, `export` and `signoff` up to Analyse, and
/// `serve` builds through it with a cache. Progress (`[2/5] Ingest`) and the stage times `--verbose`
/// prints come from the steps themselves, counted against the last step the run goes to.
struct BuildPipeline {
    /// The steps, in order.
    enum Step: Int, CaseIterable, Comparable {
        case load = 1, ingest, analyse, render, write

        /// As progress prints it: Load, Ingest, Analyse, Render, Write.
        var name: String {
            switch self {
            case .load: "Load"
            case .ingest: "Ingest"
            case .analyse: "Analyse"
            case .render: "Render"
            case .write: "Write"
            }
        }

        static func < (a: Step, b: Step) -> Bool { a.rawValue < b.rawValue }
    }

    /// What a run produced: the model, and the files and output folder when it went that far.
    struct Run {
        let model: SiteModel
        let files: [OutputFile]
        let output: URL?
    }

    let root: URL
    let options: BuildOptions
    /// Kept between builds by `flightdeck serve`; nil for one-off builds.
    var cache: BuildCache? = nil
    /// The last step this run goes through.
    var last: Step = .write
    /// When each stage started, for the stage times progress prints at the end.
    private let clock = StageClock()

    /// A pipeline over the site at `root` that runs up to `last`.
    init(root: URL, options: BuildOptions, cache: BuildCache? = nil, through last: Step = .write) {
        self.root = root
        self.options = options
        self.cache = cache
        self.last = last
    }

    /// Runs every step up to `last`; errors of any step stop it with every diagnostic found so far.
    func run(log: DiagnosticLog) throws(DiagnosticError) -> Run {
        let model = try model(log: log)
        guard last >= .render else {
            finish()
            return Run(model: model, files: [], output: nil)
        }
        begin(.render)
        let files = try SiteRenderer(model: model, baseURL: options.baseURL, buildTime: buildTime(model.source.config), cache: cache).render()
        guard last >= .write else {
            finish()
            return Run(model: model, files: files, output: nil)
        }
        begin(.write)
        let output = options.output ?? root.appendingPathComponent("public")
        try SiteWriter.write(files, to: output, siteRoot: root)
        finish()
        return Run(model: model, files: files, output: output)
    }

    /// Runs Load, Ingest and Analyse; errors of any of them stop it with every diagnostic found so far.
    func model(log: DiagnosticLog) throws(DiagnosticError) -> SiteModel {
        begin(.load)
        let source = try ContentLoader.load(root: root, log: log)
        try stopOnErrors(log)

        begin(.ingest)
        let unsafe = source.config.markdownUnsafeHTML
        let index = source.index.flatMap { PageReader.read($0, unsafeHTML: unsafe, log: log) }
        // Pages are read and their Markdown rendered on every core, each into its own log, merged in order.
        let read = ConcurrentMap.map(source.pages) { file -> (Page?, [Diagnostic]) in
            let pageLog = DiagnosticLog()
            return (PageReader.read(file, unsafeHTML: unsafe, log: pageLog), pageLog.diagnostics)
        }
        read.forEach { log.report(contentsOf: $0.1) }
        let pages = read.compactMap(\.0)
            .filter { options.includeDrafts || !$0.draft }
            .sorted { ($0.weight, $0.title, $0.slug) < ($1.weight, $1.title, $1.slug) }
        let releases = ingestReleases(source, log: log)
        let ingested = releases.filter { options.includeDrafts || !$0.data.release.draft }
        // With keep-going, a release whose own data has errors is judged "cannot judge"; any other error stops.
        let releaseErrors = releases.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == .error }.count }
        let siteErrors = log.diagnostics.filter { $0.severity == .error }.count - releaseErrors
        if options.keepGoing ? siteErrors > 0 : log.hasErrors { throw DiagnosticError(Self.sorted(log.diagnostics)) }

        begin(.analyse)
        let oldestFirst = ingested.sorted { Self.order($0.data.release) < Self.order($1.data.release) }
        // The previous release of each: the latest earlier one of the same product (releases without a
        // product are one group of their own).
        // A release with errors is nobody's previous release: its data cannot be trusted.
        var latest: [String?: ReleaseData] = [:]
        let previous = oldestFirst.map { item in
            defer { if !item.hasErrors { latest[item.data.release.product] = item.data } }
            return latest[item.data.release.product]
        }
        // Releases are analysed in parallel, each reporting into its own log, merged in order.
        let config = source.config
        let analysed = ConcurrentMap.map(Array(oldestFirst.indices)) { position -> (SiteModel.Entry, [Diagnostic]) in
            let item = oldestFirst[position]
            guard !item.hasErrors else {
                var figures = ReleaseFigures()
                figures.verdict = .cannotJudge(errors: item.diagnostics.filter { $0.severity == .error }.count)
                return (.init(source: item.source, data: item.data, figures: figures, diagnostics: item.diagnostics), [])
            }
            let releaseLog = DiagnosticLog()
            let figures = ReleaseAnalyser.analyse(item.data, previous: previous[position], thresholds: config.thresholds,
                                                  required: config.required(forProduct: item.data.release.product), log: releaseLog)
            return (.init(source: item.source, data: item.data, figures: figures,
                          diagnostics: item.diagnostics + releaseLog.diagnostics), releaseLog.diagnostics)
        }
        var entries: [SiteModel.Entry] = []
        for (var entry, diagnostics) in analysed {
            log.report(contentsOf: diagnostics)
            // An error found by analysis (a misspelt checklist check) also leaves the release unjudged.
            if entry.hasErrors, entry.figures.verdict.decision != .cannotJudge {
                entry.figures = ReleaseFigures()
                entry.figures.verdict = .cannotJudge(errors: entry.diagnostics.filter { $0.severity == .error }.count)
            }
            entries.append(entry)
        }
        if !options.keepGoing { try stopOnErrors(log) }
        return SiteModel(source: source, index: index, pages: pages, releases: entries.reversed(),
                         // A release that cannot be judged has no figures to plot; it is left out, not drawn as zeros.
                         trends: TrendAnalysis.analyse(entries.filter { !$0.hasErrors }.map { ($0.data, $0.figures) }))
    }

    /// Ingests releases in parallel; each release reports into its own log, merged in id order.
    private func ingestReleases(_ source: SiteSource, log: DiagnosticLog) -> [Ingested] {
        let releases = source.releases
        let cache = cache
        let results = ConcurrentMap.map(releases) { release -> (ReleaseData, [Diagnostic]) in
            let releaseLog = DiagnosticLog()
            let data = ReleaseIngester.ingest(release, config: source.config, log: releaseLog, cache: cache)
            return (data, releaseLog.diagnostics)
        }
        var output: [Ingested] = []
        for (release, (data, diagnostics)) in zip(releases, results) {
            log.report(contentsOf: diagnostics)
            output.append(.init(source: release, data: data, diagnostics: diagnostics))
        }
        return output
    }

    /// One release after Ingest, with the diagnostics its files produced.
    private struct Ingested {
        let source: ReleaseSource
        let data: ReleaseData
        let diagnostics: [Diagnostic]
        var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Releases sort by date (undated last), then id.
    private static func order(_ release: Release) -> (Double, String) {
        (release.date?.timeIntervalSince1970 ?? .greatestFiniteMagnitude, release.id)
    }

    /// Starts a step: its progress line, and its clock.
    private func begin(_ step: Step) {
        guard let report = options.progress else { return }
        clock.start(step.name)
        report("[\(step.rawValue)/\(last.rawValue)] \(step.name)")
    }

    /// Ends the last step and reports how long each step took.
    private func finish() {
        guard let report = options.progress else { return }
        report("Stage times: " + clock.stop().map { "\($0.name) \($0.milliseconds) ms" }.joined(separator: " · "))
    }

    /// The build time to print: from SOURCE_DATE_EPOCH when set, else now if the config asks for it, else none.
    private func buildTime(_ config: SiteConfig) -> String? {
        guard last >= .write else { return nil }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(epoch) {
            return Timestamp.instantString(Date(timeIntervalSince1970: seconds))
        }
        return config.showBuildTime ? Timestamp.instantString(Date()) : nil
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
