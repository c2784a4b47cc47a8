import Foundation

extension BuildPipeline {
    /// The releases after Ingest and Analyse, and what Render may take from the build cache.
    struct AnalysedReleases {
        /// The releases analysed in this build, newest first.
        var entries: [SiteModel.Entry]
        /// Every listed release (drafts only with `--drafts`), newest first.
        var listing: [SiteModel.Listed]
        /// The home page's key in the build cache.
        var homeKey: String?
    }

    /// What is known of a release before analysis: from its ingested data, or from the cache's record
    /// when its inputs are those the record was made from.
    private struct Known {
        let source: ReleaseSource
        var data: ReleaseData?
        /// What reading its files reported, when they were read in this build.
        var diagnostics: [Diagnostic]?
        /// From the build cache: its record, and the diagnostics (ingest and analysis) stored with it.
        var record: BuildCache.ReleaseRecord?
        var recordDiagnostics: [Diagnostic]?
        var title: String
        var product: String?
        var date: Double?
        var draft: Bool
        /// Errors in its own files (not analysis): such a release is nobody's previous release.
        var ingestErrors: Bool

        /// Releases sort by date (undated last), then id.
        var order: (Double, String) { (date ?? .greatestFiniteMagnitude, source.id) }
    }

    /// Ingests and analyses the releases. With a build cache, a release is read again only when its inputs
    /// changed, when it must be analysed again (its own inputs or those of a release in its history changed, or
    /// its pages' inputs did), or when it is in the history of one that is; the rest come from the cache.
    func releases(_ source: SiteSource, pages: [Page], log: DiagnosticLog) throws(DiagnosticError) -> AnalysedReleases {
        let keys = cache.map { CacheKeys(source: source, options: options, cache: $0) }
        var known = source.releases.map { release -> Known? in
            guard let cache, let keys, let inputs = keys.inputs[release.id], let record = cache.release(release.id),
                  record.inputs == inputs, let diagnostics = Self.decodeDiagnostics(record.diagnostics) else { return nil }
            return Known(source: release, data: nil, diagnostics: nil, record: record, recordDiagnostics: diagnostics, title: record.title,
                         product: record.product, date: record.date, draft: record.draft, ingestErrors: record.ingestErrors)
        }
        ingest(source, &known, indices: known.indices.filter { known[$0] == nil })

        // With keep-going, a release whose own data has errors is judged "cannot judge"; any other error stops.
        let releaseDiagnostics = known.compactMap { $0?.diagnostics ?? $0?.recordDiagnostics }.joined()
        let releaseErrors = releaseDiagnostics.filter { $0.severity == .error }.count
        let siteErrors = log.diagnostics.filter { $0.severity == .error }.count
        if options.keepGoing ? siteErrors > 0 : siteErrors + releaseErrors > 0 {
            log.report(contentsOf: Array(releaseDiagnostics))
            throw DiagnosticError(Self.sorted(log.diagnostics))
        }

        begin(.analyse)
        MemoryRelease.now()   // what the readers freed (parse trees, records' nodes) is not held through Analyse
        // Listed releases, oldest first, and the history of each: the earlier releases of the same product, latest
        // first, at most `AnalysisContext.historyDepth` (releases without a product are one group of their own).
        // A release with errors is in nobody's history: its data cannot be trusted.
        let listed = known.indices.filter { known[$0].map { options.includeDrafts || !$0.draft } ?? false }
            .sorted { (known[$0]?.order ?? (0, "")) < (known[$1]?.order ?? (0, "")) }
        var latest: [String?: [Int]] = [:]
        var history: [Int: [Int]] = [:]
        for index in listed {
            guard let item = known[index] else { continue }
            let earlier = latest[item.product] ?? []
            history[index] = earlier
            if !item.ingestErrors { latest[item.product] = Array(([index] + earlier).prefix(AnalysisContext.historyDepth)) }
        }

        // Keys: what each release's figures and pages depend on; a release whose record has the same keys and
        // whose pages are kept is reused as it is.
        var analysisKeys: [Int: String] = [:], renderKeys: [Int: String] = [:]
        var reused: Set<Int> = []
        var reusedPages: [Int: [ReleasePage]] = [:]
        var summaries: [Int: ReleaseSummary] = [:]
        var homeKey: String?
        if let cache, let keys {
            let nav = pages.map { "page\t\($0.title)\t\(SitePaths.page($0.slug))" }
                + listed.reversed().map { "release\t\(known[$0]?.title ?? "")\t\(SitePaths.release(source.releases[$0].id))" }
            let shared = keys.shared(nav: nav, baseURL: options.baseURL, buildTime: buildTime(source.config))
            for index in listed {
                let id = source.releases[index].id
                guard let inputs = keys.inputs[id] else { continue }
                // Its figures read every release of its history: their inputs, in order, are part of the key.
                let earlier = (history[index] ?? []).map { keys.inputs[source.releases[$0].id] }
                guard !earlier.contains(nil) else { continue }
                let before = earlier.compactMap { $0 }.joined(separator: "\u{0}")
                let analysis = SHA256.hex("analysis\u{0}\(inputs)\u{0}\(earlier.count)\u{0}\(before)")
                let render = SHA256.hex("render\u{0}\(analysis)\u{0}\(shared)")
                analysisKeys[index] = analysis
                renderKeys[index] = render
            }
            // Whether each release's record has the same keys and its pages are all kept: in parallel, as the
            // pages' list of each record is decoded.
            let candidates = listed.compactMap { index -> (Int, String, String)? in
                guard let record = known[index]?.record, let render = renderKeys[index], record.analysis == analysisKeys[index],
                      record.render == render else { return nil }
                return (index, render, record.pages)
            }
            let kept = ConcurrentMap.map(candidates) { index, render, json -> (Int, [ReleasePage])? in
                guard let pages = Self.decodePages(json), pages.allSatisfy({ cache.hasPage(ReleasePages.key(render, url: $0.url)) }) else { return nil }
                return (index, pages)
            }
            for case let (index, pages)? in kept {
                reused.insert(index)
                reusedPages[index] = pages
            }
            let home = listed.reversed().map { "\(source.releases[$0].id)\t\(renderKeys[$0] ?? "-")" }.joined(separator: "\n")
            let key = SHA256.hex("home\u{0}\(shared)\u{0}\(source.index.flatMap { keys.digests[$0.path] } ?? "-")\u{0}\(home)")
            homeKey = key
            // Rendering the home page again needs every reused release's summary: one that cannot be read is
            // analysed again.
            let siteFiles = SiteFiles.files(products: listed.compactMap { known[$0]?.record?.product }, releases: listed.count,
                                            sitemap: SiteFeeds.absoluteBase(options.baseURL ?? source.config.baseURL) != nil)
            if !cache.hasPage(key) || !siteFiles.allSatisfy({ cache.hasPage(SiteFiles.key(key, path: $0.path)) }) {
                for index in reused {
                    if let summary = known[index]?.record.flatMap({ Self.decodeSummary($0.summary, in: cache) }) {
                        summaries[index] = summary
                    } else {
                        reused.remove(index)
                    }
                }
            }
        }

        // Analysed now: every listed release not reused. The releases of their histories are read too.
        let work = listed.filter { !reused.contains($0) }
        let needed = Set(work + work.flatMap { history[$0] ?? [] })
        ingest(source, &known, indices: needed.filter { known[$0]?.data == nil }.sorted())
        let config = source.config
        let knownNow = known, historyOf = history, renderKeyOf = renderKeys
        let analysed = ConcurrentMap.map(work) { index -> SiteModel.Entry in
            let release = source.releases[index]
            guard let item = knownNow[index], let data = item.data, let diagnostics = item.diagnostics else {
                // Not reached: every release analysed now was read above.
                return SiteModel.Entry(source: release, data: ReleaseData(release: Release(id: release.id, title: release.id)),
                                       figures: ReleaseFigures(), diagnostics: [.error("\(release.folder) was not read before analysis", at: nil)])
            }
            var entry: SiteModel.Entry
            if item.ingestErrors {
                var figures = ReleaseFigures()
                figures.verdict = .cannotJudge(errors: diagnostics.filter { $0.severity == .error }.count)
                entry = .init(source: item.source, data: data, figures: figures, diagnostics: diagnostics)
            } else {
                let releaseLog = DiagnosticLog()
                let figures = ReleaseAnalyser.analyse(data, history: (historyOf[index] ?? []).compactMap { knownNow[$0]?.data }, thresholds: config.thresholds,
                                                      required: config.required(forProduct: data.release.product), log: releaseLog)
                entry = .init(source: item.source, data: data, figures: figures, diagnostics: diagnostics + releaseLog.diagnostics)
                // An error found by analysis (a misspelt checklist check) also leaves the release unjudged.
                if entry.hasErrors {
                    entry.figures = ReleaseFigures()
                    entry.figures.verdict = .cannotJudge(errors: entry.diagnostics.filter { $0.severity == .error }.count)
                }
            }
            entry.renderKey = renderKeyOf[index]
            return entry
        }
        var entryAt: [Int: SiteModel.Entry] = [:]
        for (index, entry) in zip(work, analysed) { entryAt[index] = entry }

        // Diagnostics in release-id order, each release's own (ingest, then analysis) together.
        for index in known.indices {
            log.report(contentsOf: entryAt[index]?.diagnostics ?? known[index]?.recordDiagnostics ?? known[index]?.diagnostics ?? [])
        }
        if !options.keepGoing { try stopOnErrors(log) }

        var listing: [SiteModel.Listed] = []
        for index in listed.reversed() {
            if let entry = entryAt[index] {
                listing.append(.init(id: entry.data.release.id, title: entry.data.release.title, hasErrors: entry.hasErrors,
                                     product: entry.data.release.product, summary: ReleaseSummary(entry), reusedKey: nil, reusedPages: []))
            } else if let item = known[index], let record = item.record {
                listing.append(.init(id: record.id, title: record.title, hasErrors: record.hasErrors,
                                     product: record.product, summary: summaries[index], reusedKey: record.render,
                                     reusedPages: reusedPages[index] ?? []))
            }
        }
        if let cache {
            cache.count(read: known.filter { $0?.data != nil }.count, analysed: work.count, reusedReleases: reused.count)
            keepRecords(known, entries: entryAt, analysisKeys: analysisKeys, keys: keys, in: cache)
        }
        return AnalysedReleases(entries: listed.reversed().compactMap { entryAt[$0] }, listing: listing, homeKey: homeKey)
    }

    /// Reads the releases at `indices` (in parallel), each reporting into its own log.
    private func ingest(_ source: SiteSource, _ known: inout [Known?], indices: [Int]) {
        let config = source.config
        let results = ConcurrentMap.map(indices) { index -> (ReleaseData, [Diagnostic]) in
            let releaseLog = DiagnosticLog()
            let data = ReleaseIngester.ingest(source.releases[index], config: config, keepLinks: options.checkLinks, log: releaseLog)
            return (data, releaseLog.diagnostics)
        }
        for (index, (data, diagnostics)) in zip(indices, results) {
            let release = data.release
            let errors = diagnostics.contains { $0.severity == .error }
            if var item = known[index] {
                // Known from its record (same inputs, so the same facts): read again for its data.
                item.data = data
                item.diagnostics = diagnostics
                known[index] = item
            } else {
                known[index] = Known(source: source.releases[index], data: data, diagnostics: diagnostics, record: nil, recordDiagnostics: nil,
                                     title: release.title, product: release.product, date: release.date?.timeIntervalSince1970,
                                     draft: release.draft, ingestErrors: errors)
            }
        }
    }

    /// Records every release for the next build: analysed ones anew, reused ones as they were, and the rest
    /// (drafts left out of this build) with what they are known by.
    private func keepRecords(_ known: [Known?], entries: [Int: SiteModel.Entry], analysisKeys: [Int: String], keys: CacheKeys?, in cache: BuildCache) {
        guard let keys else { return }
        for (index, item) in known.enumerated() {
            guard let item, let inputs = keys.inputs[item.source.id] else { continue }
            if let entry = entries[index] {
                guard let analysis = analysisKeys[index], let render = entry.renderKey,
                      let diagnostics = Self.encode(entry.diagnostics.map(StoredDiagnostic.init)),
                      let pages = Self.pack(ReleasePages.pages(entry.data, hasErrors: entry.hasErrors)) else { continue }
                // Written into its file as it is encoded: never whole in memory.
                let summary = BuildCache.summaryKey(render: render)
                guard cache.keepSummary(key: summary, writing: { fd in
                    try FiguresJSON.write(ReleaseSummary(entry), keys: .unchanged, date: .secondsSince1970) { try Folder.write($0, to: fd) }
                }) else { continue }
                cache.keep(.init(id: item.source.id, inputs: inputs, analysis: analysis, render: render, hasErrors: entry.hasErrors,
                                 ingestErrors: item.ingestErrors, draft: item.draft, product: item.product, date: item.date, title: item.title,
                                 summary: summary, diagnostics: diagnostics, pages: pages))
            } else if let record = item.record {
                cache.keep(record)
            } else if let diagnostics = Self.encode((item.diagnostics ?? []).map(StoredDiagnostic.init)) {
                // Read but not listed (a draft): known by its facts, never reused for pages.
                cache.keep(.init(id: item.source.id, inputs: inputs, analysis: "", render: "", hasErrors: item.ingestErrors,
                                 ingestErrors: item.ingestErrors, draft: item.draft, product: item.product, date: item.date, title: item.title,
                                 summary: "", diagnostics: diagnostics, pages: "[]"))
            }
        }
    }

    /// JSON for the cache's records; nil when a value cannot be encoded (the record is then not kept).
    private static func encode<T: Encodable>(_ value: T) -> String? {
        do {
            return String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        } catch {
            return nil  // the release is analysed again next time, which is always correct
        }
    }

    /// A record's summary, or nil when it cannot be read (the release is then analysed again).
    /// The summary kept under `key`, or nil when it cannot be read (the release is then analysed again).
    private static func decodeSummary(_ key: String, in cache: BuildCache) -> ReleaseSummary? {
        guard !key.isEmpty else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .secondsSince1970
            return try decoder.decode(ReleaseSummary.self, from: cache.summary(key))
        } catch {
            return nil  // an unreadable summary only costs an analysis
        }
    }

    /// A record's pages, or nil when they cannot be read (the release is then rendered again).
    private static func decodePages(_ text: String) -> [ReleasePage]? {
        do {
            return try ReleasePage.unpacked(text)
        } catch {
            return nil  // unreadable pages only cost a render
        }
    }

    /// A release's pages for its record; nil when they cannot be encoded (the record is then not kept).
    private static func pack(_ pages: [ReleasePage]) -> String? {
        do {
            return try ReleasePage.packed(pages)
        } catch {
            return nil  // the release is rendered again next time, which is always correct
        }
    }

    /// A record's diagnostics, or nil when they cannot be read (the release is then read again).
    private static func decodeDiagnostics(_ json: String) -> [Diagnostic]? {
        if json == "[]" { return [] }
        do {
            return try JSONDecoder().decode([StoredDiagnostic].self, from: Data(json.utf8)).map(\.diagnostic)
        } catch {
            return nil  // unreadable diagnostics only cost a read
        }
    }
}
