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
        /// The external links the link checker listed (with `checkLinks`).
        var externalLinks: [ExternalLink] = []
    }

    let root: URL
    let options: BuildOptions
    /// The build cache: what earlier builds left for this one to reuse (nil: do everything).
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
        MemoryRelease.now()
        let files = try SiteRenderer(model: model, baseURL: options.baseURL, buildTime: buildTime(model.source.config), cache: cache).render()
        var external: [ExternalLink] = []
        if options.checkLinks {
            // Check reads the rendered files before anything is written: a build with broken links writes nothing.
            let links = try LinkChecker(files: files, sources: LinkSources(model: model),
                                        baseURL: options.baseURL ?? model.source.config.baseURL).check()
            log.report(contentsOf: links.diagnostics)
            external = links.external
            if last >= .write { try stopOnErrors(log) }
        }
        guard last >= .write else {
            finish()
            return Run(model: model, files: files, output: nil, externalLinks: external)
        }
        begin(.write)
        let output = options.output ?? root.appendingPathComponent("public")
        try SiteWriter.write(files, to: output, siteRoot: root)
        if let cache {
            try cache.save()
            if let report = options.progress {
                let r = cache.reused
                report("Build cache \(cache.folder.path): releases \(r.releasesReused) reused, \(r.releasesAnalysed) analysed (\(r.releasesRead) read); "
                       + "pages \(r.pagesReused) reused, \(r.pagesRendered) rendered; files \(r.filesKnown) known, \(r.filesHashed) hashed"
                       + (cache.otherBuild ? " (the cache was written by another build of Flightdeck \(flightdeckVersion): nothing reused)" : ""))
            }
        }
        finish()
        return Run(model: model, files: files, output: output, externalLinks: external)
    }

    /// Runs Load, Ingest and Analyse; errors of any of them stop it with every diagnostic found so far.
    func model(log: DiagnosticLog) throws(DiagnosticError) -> SiteModel {
        begin(.load)
        let source = try ContentLoader.load(root: root, log: log)
        try stopOnErrors(log)
        if let ignored = cache?.ignored { log.warning("build cache: \(ignored)", at: nil) }

        begin(.ingest)
        let unsafe = source.config.markdownUnsafeHTML
        // Markdown keeps where each link is written only for the link checker.
        let index = source.index.flatMap { PageReader.read($0, unsafeHTML: unsafe, keepLinks: options.checkLinks, log: log) }
        // Pages are read and their Markdown rendered on every core, each into its own log, merged in order.
        let read = ConcurrentMap.map(source.pages) { file -> (Page?, [Diagnostic]) in
            let pageLog = DiagnosticLog()
            return (PageReader.read(file, unsafeHTML: unsafe, keepLinks: options.checkLinks, log: pageLog), pageLog.diagnostics)
        }
        read.forEach { log.report(contentsOf: $0.1) }
        let pages = read.compactMap(\.0)
            .filter { options.includeDrafts || !$0.draft }
            .sorted { ($0.weight, $0.title, $0.slug) < ($1.weight, $1.title, $1.slug) }
        let releases = try releases(source, pages: pages, log: log)
        return SiteModel(source: source, index: index, pages: pages, releases: releases.entries, listing: releases.listing,
                         homeKey: releases.homeKey)
    }

    /// Starts a step: its progress line, and its clock.
    func begin(_ step: Step) {
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
    func buildTime(_ config: SiteConfig) -> String? {
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
