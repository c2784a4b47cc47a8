import Foundation

/// The Render stage: every page of the site as HTML, plus the theme's assets.
struct SiteRenderer {
    let model: SiteModel
    let templates: TemplateRenderer
    let shared: PageContext
    let cache: BuildCache?
    /// `site` and `nav`, encoded once for every page.
    private let sharedContext: TemplateRenderer.Context
    /// What the templates read of `data` (the raw data is large; members no template reads are not encoded).
    private let dataUsage: TemplateRenderer.Usage

    /// The feeds and sitemap, rendered with the home page.
    private let siteFiles: [SiteFiles.File]
    /// The base URL pages are served from ("" when not set).
    private let baseURL: String

    init(model: SiteModel, baseURL: String?, buildTime: String?, cache: BuildCache? = nil) {
        self.model = model
        self.baseURL = baseURL ?? model.source.config.baseURL
        siteFiles = SiteFiles.files(products: model.listing.compactMap(\.product), releases: model.listing.count,
                                    sitemap: SiteFeeds.absoluteBase(baseURL ?? model.source.config.baseURL) != nil)
        self.cache = cache
        let config = model.source.config
        templates = TemplateRenderer(siteTemplates: model.source.templates, names: model.source.templateNames)
        dataUsage = templates.usage(of: "data")
        shared = PageContext(
            site: .init(title: config.title, description: config.description, baseUrl: baseURL ?? config.baseURL,
                        language: config.language, theme: Dictionary(config.theme, uniquingKeysWith: { $1 }),
                        buildTime: buildTime ?? ""),
            nav: .init(pages: model.pages.map { .init(title: $0.title, url: SitePaths.page($0.slug)) },
                       releases: model.listing.map { .init(title: $0.title, url: SitePaths.release($0.id)) })
        )
        var context = TemplateRenderer.Context()
        try? context.add(shared.sharedValues)
        sharedContext = context
    }

    /// One page to render: template, URL, its whole context, and the key the build cache keeps it under.
    private struct Job: Sendable {
        let template: String
        let url: String
        let context: TemplateRenderer.Context
        var key: String?
        /// The release whose summary.json this is: encoded as it is written, in pieces, never rendered.
        var export: SiteModel.Entry? = nil
    }

    /// Renders every page (in parallel) and collects the assets; template errors stop it. With a build
    /// cache, pages whose key it holds are taken from it, and the pages rendered are kept in it.
    func render() throws(DiagnosticError) -> [OutputFile] {
        let renderer = templates
        let cache = cache
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var homeFromCache = false
        if let cache {
            if let key = model.homeKey, cache.hasPage(key),
               siteFiles.allSatisfy({ cache.hasPage(SiteFiles.key(key, path: $0.path)) }) {
                files.append(cache.reusePage(key, at: "index.html"))
                for file in siteFiles { files.append(cache.reusePage(SiteFiles.key(key, path: file.path), at: SitePaths.file(file.path))) }
                homeFromCache = true
            }
            for listed in model.listing {
                guard let key = listed.reusedKey else { continue }
                for page in listed.reusedPages {
                    files.append(cache.reusePage(ReleasePages.key(key, url: page.url), at: SitePaths.file(page.url)))
                }
            }
        }
        let jobs = try jobs(home: !homeFromCache)
        cache?.countRendered(jobs.filter { $0.key == nil }.count)
        let frame = SingleFileReport.Frame(siteTitle: model.source.config.title, releaseTitle: "", language: model.source.config.language,
                                           baseURL: baseURL, css: try singleFileCSS())
        let produce = { @Sendable (job: Job) throws(DiagnosticError) -> RenderedPage in
            try renderer.renderPage(job.template, context: job.context)
        }
        /// A file made in pieces: into the cache's file as they are made, else when the output is written.
        let streamed = { @Sendable (job: Job, write: @escaping @Sendable (_ piece: ([UInt8]) throws -> Void) throws -> Void) throws(DiagnosticError) -> OutputFile in
            if let cache, let key = job.key { return try cache.store(key: key, at: SitePaths.file(job.url), writing: write) }
            return OutputFile(path: SitePaths.file(job.url), body: .stream(write))
        }
        /// A page: its bytes, or, when it keeps long markup aside, its parts written in order.
        let output = { @Sendable (job: Job, page: RenderedPage) throws(DiagnosticError) -> OutputFile in
            guard page.splices.isEmpty else { return try streamed(job) { try page.write(to: $0) } }
            if let cache, let key = job.key { return cache.store(page.text, key: key, at: SitePaths.file(job.url)) }
            return OutputFile(path: SitePaths.file(job.url), contents: page.text)
        }
        /// A release's summary.json, encoded as it is written.
        let export = { @Sendable (job: Job, entry: SiteModel.Entry) throws(DiagnosticError) -> OutputFile in
            try streamed(job) { try ReleaseExport.summary(entry, to: $0) }
        }
        let render = { @Sendable (job: Job) -> Result<OutputFile, DiagnosticError> in
            do throws(DiagnosticError) {
                if let entry = job.export { return .success(try export(job, entry)) }
                return .success(try output(job, try produce(job)))
            } catch {
                return .failure(error)
            }
        }
        // A release's contexts are built and rendered by one worker and then dropped, so that a large site
        // never holds every page's context at once. Its single-file report is made of its rendered pages.
        let work = jobs.map(Work.page) + model.releases.map(Work.release)
        let outcomes = TemplateRenderer.concurrentMap(work) { item -> [Result<OutputFile, DiagnosticError>] in
            switch item {
            case .page(let job):
                return [render(job)]
            case .release(let entry):
                do throws(DiagnosticError) {
                    var rendered: [(page: ReleasePage, job: Job, html: RenderedPage)] = []
                    var files: [OutputFile] = []
                    let pages = ReleasePages.pages(entry.data, hasErrors: entry.hasErrors)
                    for (page, job) in zip(pages, try releaseJobs(entry)) where page.kind != "report" {
                        if let entry = job.export {
                            files.append(try export(job, entry))
                        } else {
                            rendered.append((page, job, try produce(job)))
                        }
                    }
                    for page in rendered { files.append(try output(page.job, page.html)) }
                    if let report = pages.first(where: { $0.kind == "report" }) {
                        var releaseFrame = frame
                        releaseFrame.releaseTitle = entry.data.release.title
                        let reportFrame = releaseFrame
                        // Composed as it is written, from the pages above: never a second copy of them in memory.
                        let shown = rendered.map { SingleFileReport.Page(page: $0.page, html: $0.html) }
                        let base = "releases/" + SitePaths.segment(entry.data.release.id) + "/"
                        let job = Job(template: report.template, url: report.url, context: TemplateRenderer.Context(),
                                      key: entry.renderKey.map { ReleasePages.key($0, url: report.url) })
                        files.append(try streamed(job) { try SingleFileReport.write(shown, releaseBase: base, frame: reportFrame, to: $0) })
                    }
                    return files.map { .success($0) }
                } catch {
                    return [.failure(error)]
                }
            }
        }.joined()
        for outcome in outcomes {
            switch outcome {
            case .success(let file): files.append(file)
            case .failure(let error):
                // The same broken template fails every page that uses it: report each place once.
                for diagnostic in error.diagnostics where !diagnostics.contains(where: { $0.location == diagnostic.location && $0.message.prefix(while: { $0 != "\n" }) == diagnostic.message.prefix(while: { $0 != "\n" }) }) {
                    diagnostics.append(diagnostic)
                }
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return files + (try assets())
    }

    /// Builds one page's context from the shared one, its `page` and `root`, and its own variables.
    private func job(_ template: String, _ url: String, _ title: String, _ kind: String,
                     _ own: TemplateRenderer.Context, share: PageContext.Share? = nil) throws(DiagnosticError) -> Job {
        var context = sharedContext
        try context.add(shared.pageValues(title: title, kind: kind, url: url, share: share))
        context.merge(own)
        return Job(template: template, url: url, context: context)
    }

    /// What one render worker does: one page, or every page of one release.
    private enum Work: Sendable {
        case page(Job)
        case release(SiteModel.Entry)
    }

    /// The pages to render besides releases': the home page unless it comes from the cache, 404, and the pages.
    private func jobs(home withHome: Bool) throws(DiagnosticError) -> [Job] {
        var jobs = [try job("404.html", "404.html", "Page not found", "not_found", TemplateRenderer.Context())]
        if withHome {
            let rows = model.listing.compactMap(\.summary?.row)
            let archivePages = Portfolio.archivePageCount(releases: rows.count)
            var home = TemplateRenderer.Context()
            try home.add(["intro": nullable(model.index), "releases": rows, "groups": Portfolio.groups(rows),
                          "archive_url": nullable(archivePages > 0 ? SitePaths.archive(1) : nil),
                          "trends": TrendCharts.byProduct(model.trends)])
            var job = try job("index.html", "index.html", model.source.config.title, "home", home)
            job.key = model.homeKey
            jobs.append(job)
            let feeds = SiteFeeds(siteTitle: model.source.config.title, rows: rows,
                                  pageURLs: model.pages.map { SitePaths.page($0.slug) } + siteFiles.map(\.path).filter { $0.hasSuffix(".html") },
                                  releasePages: Dictionary(model.listing.compactMap { listed in listed.summary.map { (listed.id, $0.pages) } },
                                                           uniquingKeysWith: { first, _ in first }),
                                  baseURL: baseURL)
            for file in siteFiles {
                var own = TemplateRenderer.Context()
                let title: String
                switch file.template {
                case "sitemap.xml":
                    title = model.source.config.title
                    try own.add(feeds.sitemap())
                case "product.html":
                    let product = file.product ?? Portfolio.otherName
                    title = product
                    let group = Portfolio.group(product: product, rows: rows.filter { $0.product == product })
                    let trends = Trends(points: model.trends.points.filter { $0.product == product })
                    try own.add(["product": group, "trends": TrendCharts.byProduct(trends), "archive_url": nullable(archivePages > 0 ? SitePaths.archive(1) : nil)])
                case "archive.html":
                    let number = file.archivePage ?? 1
                    title = number > 1 ? "All releases, page \(number)" : "All releases"
                    try own.add(["archive": Portfolio.archive(number: number, count: archivePages, total: rows.count),
                                 "releases": Portfolio.archiveRows(rows, number: number)])
                default:
                    title = model.source.config.title
                    try own.add(feeds.feed(at: file.path, product: file.product))
                }
                let kind = file.template == "product.html" ? "product" : file.template == "archive.html" ? "archive" : "feed"
                var fileJob = try self.job(file.template, file.path, title, kind, own)
                fileJob.key = model.homeKey.map { SiteFiles.key($0, path: file.path) }
                jobs.append(fileJob)
            }
        }
        for page in model.pages {
            var own = TemplateRenderer.Context()
            try own.add(["content": page])
            jobs.append(try job("page.html", SitePaths.page(page.slug), page.title, "page", own))
        }
        return jobs
    }

    private func releaseJobs(_ entry: SiteModel.Entry) throws(DiagnosticError) -> [Job] {
        let release = entry.data.release
        // A release that cannot be judged shows its diagnostics instead of figures it does not have.
        let (present, missing) = entry.hasErrors ? ([], []) : ReleaseSections.split(entry.data, required: entry.figures.verdict.inputs.required)
        let pages = ReleasePages.pages(entry.data, hasErrors: entry.hasErrors)
        let charts = entry.hasErrors ? [:] : ReleaseCharts.charts(for: entry)
        // The verdict's evidence links point at the kinds' own pages; long lists are cut (summary.json has them all).
        var figures = entry.figures.forPages()
        figures.verdict = ReleasePages.linkingPages(figures.verdict, pages: pages)
        var common = TemplateRenderer.Context()
        try common.add(["release": release, "figures": figures, "release_folder": entry.source.folder,
                        "release_pages": pages.filter { $0.kind != "summary" && $0.kind != "report" }.map(ReleasePageLink.init),
                        "release_report": pages.first { $0.kind == "report" }?.url ?? "",
                        "summary_url": SitePaths.summary(release.id),
                        "notes": nullable(entry.data.notes), "charts": charts,
                        "postmortems": entry.data[IncidentsKind.self]?.postmortems ?? [:]])
        try common.add("data", entry.data, usage: dataUsage)
        var overview = common
        try overview.add(["sections": present, "missing": missing, "diagnostics": entry.diagnostics.map(DiagnosticRow.init),
                          "cards": present.map { OverviewCard($0, figures: figures, charts: charts) }])
        var checklist = common
        try checklist.add(["checklist": nullable(figures[ChecklistKind.self])])
        var signoffs = common
        try signoffs.add(["signoffs": nullable(figures[SignoffsKind.self])])
        var alternates = [PageContext.Alternate(type: "application/json", url: SitePaths.summary(release.id), title: "\(release.title): data and figures (JSON)")]
        if let product = release.product {
            alternates.append(.init(type: "application/atom+xml", url: SitePaths.productFeed(product), title: "\(product): releases"))
        }
        let share = PageContext.Share(title: ReleaseRow.shareTitle(entry), description: release.summary ?? shared.site.description,
                                      alternates: alternates)
        return try pages.map { page throws(DiagnosticError) in
            if page.kind == "report" {
                // Composed from the other pages by the caller.
                return Job(template: page.template, url: page.url, context: TemplateRenderer.Context())
            }
            if page.template == ReleasePages.summaryJSON {
                return Job(template: page.template, url: page.url, context: TemplateRenderer.Context(),
                           key: entry.renderKey.map { ReleasePages.key($0, url: page.url) }, export: entry)
            }
            var own: TemplateRenderer.Context
            switch page.template {
            case "release.html": own = overview
            case "checklist.html": own = checklist
            case "signoffs.html": own = signoffs
            default:
                own = common
                if let id = page.section, let kind = Registry.kind(id: id) {
                    try own.add(["section": ReleaseSections.Section(id: kind.id, title: kind.title)])
                }
                if let item = page.item { try own.add(["item": item, "item_title": page.label]) }
            }
            var job = try job(page.template, page.url, page.title, page.kind, own, share: page.kind == "release" ? share : nil)
            job.key = entry.renderKey.map { ReleasePages.key($0, url: page.url) }
            return job
        }
    }

    /// Keeps an absent value as `none` in the context instead of dropping the key.
    private func nullable<T: Encodable & Sendable>(_ value: T?) -> any Encodable & Sendable { value }

    /// The theme's static files; a site's own templates/assets/ file replaces the built-in one.
    private func assets() throws(DiagnosticError) -> [OutputFile] {
        let files = try assetData()
        return files.keys.sorted().compactMap { path in files[path].map { OutputFile(path: path, contents: $0) } }
    }

    /// The theme's static files by path (`assets/style.css`).
    private func assetData() throws(DiagnosticError) -> [String: Data] {
        var files: [String: Data] = EmbeddedTheme.assets.mapValues { Data($0.utf8) }
        for file in model.source.templateFiles where file.path.hasPrefix("templates/assets/") {
            files[String(file.path.dropFirst("templates/".count))] = try file.readData()
        }
        return files
    }

    /// The stylesheets the pages link, in order, as the single-file reports inline them.
    private func singleFileCSS() throws(DiagnosticError) -> String {
        let files = try assetData()
        return ["assets/style.css", "assets/charts.css", "assets/tests.css"].compactMap { path in
            files[path].map { String(decoding: $0, as: UTF8.self) }
        }.joined(separator: "\n")
    }
}
