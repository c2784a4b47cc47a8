import Foundation

/// The Render stage: every page of the site as HTML, plus the theme's assets.
struct SiteRenderer {
    let model: SiteModel
    let templates: TemplateRenderer
    let shared: PageContext
    let cache: BuildCache?

    init(model: SiteModel, baseURL: String?, buildTime: String?, cache: BuildCache? = nil) {
        self.model = model
        self.cache = cache
        let config = model.source.config
        templates = TemplateRenderer(siteTemplates: model.source.templates)
        shared = PageContext(
            site: .init(title: config.title, description: config.description, baseUrl: baseURL ?? config.baseURL,
                        language: config.language, theme: Dictionary(config.theme, uniquingKeysWith: { $1 }),
                        buildTime: buildTime ?? ""),
            nav: .init(pages: model.pages.map { .init(title: $0.title, url: SitePaths.page($0.slug)) },
                       releases: model.releases.map { .init(title: $0.data.release.title, url: SitePaths.release($0.data.release.id)) })
        )
    }

    /// One page to render: template, URL and its own context entries.
    private struct Job: @unchecked Sendable {
        let template: String
        let url: String
        let title: String
        let kind: String
        let context: [String: any Encodable & Sendable]
    }

    /// Renders every page (in parallel) and collects the assets; the first template error stops it.
    func render() throws(DiagnosticError) -> [OutputFile] {
        let renderer = templates
        let shared = shared
        let cache = cache
        let templateStamps = cache == nil ? "" : "\(BuildCache.stamps(under: model.source.templates))"
        let outcomes = ConcurrentMap.map(jobs()) { job -> Result<OutputFile, DiagnosticError> in
            var context = shared.values(title: job.title, kind: job.kind, url: job.url)
            context.merge(job.context) { $1 }
            do throws(DiagnosticError) {
                let json = try TemplateRenderer.encode(context, for: job.template)
                let render = { () throws(DiagnosticError) -> Data in Data(try renderer.render(job.template, json: json).utf8) }
                let html: Data
                if let cache {
                    var key = Data((templateStamps + "\u{0}" + job.template).utf8)
                    for entry in json { key += Data(entry.key.utf8) + entry.json }
                    html = try cache.page(job.url, key: key, render)
                } else {
                    html = try render()
                }
                return .success(OutputFile(path: SitePaths.file(job.url), contents: html))
            } catch {
                return .failure(error)
            }
        }
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let file): files.append(file)
            case .failure(let error):
                for diagnostic in error.diagnostics where !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return files + (try assets())
    }

    private func jobs() -> [Job] {
        var jobs: [Job] = [
            Job(template: "index.html", url: "index.html", title: model.source.config.title, kind: "home", context: [
                "intro": nullable(model.index),
                "releases": model.releases.map(ReleaseRow.init),
                "trends": TrendCharts.charts(for: model.trends),
            ]),
            Job(template: "404.html", url: "404.html", title: "Page not found", kind: "not_found", context: [:]),
        ]
        for page in model.pages {
            jobs.append(Job(template: "page.html", url: SitePaths.page(page.slug), title: page.title, kind: "page",
                            context: ["content": page]))
        }
        for entry in model.releases {
            let release = entry.data.release
            let (present, missing) = ReleaseSections.split(entry.figures)
            let common: [String: any Encodable & Sendable] = [
                "release": release, "figures": entry.figures, "release_folder": entry.source.folder,
            ]
            var main = common
            main["notes"] = nullable(entry.data.notes)
            main["data"] = entry.data
            main["postmortems"] = entry.data.postmortems
            main["sections"] = present
            main["missing"] = missing
            main["charts"] = ReleaseCharts.charts(for: entry)
            jobs.append(Job(template: "release.html", url: SitePaths.release(release.id), title: release.title, kind: "release", context: main))
            var checklist = common
            checklist["checklist"] = nullable(entry.figures.checklist)
            jobs.append(Job(template: "checklist.html", url: SitePaths.checklist(release.id), title: "Checklist · \(release.title)",
                            kind: "checklist", context: checklist))
            var signoffs = common
            signoffs["signoffs"] = nullable(entry.figures.signoffs)
            jobs.append(Job(template: "signoffs.html", url: SitePaths.signoffs(release.id), title: "Sign-offs · \(release.title)",
                            kind: "signoffs", context: signoffs))
        }
        return jobs
    }

    /// Keeps an absent value as `none` in the context instead of dropping the key.
    private func nullable<T: Encodable & Sendable>(_ value: T?) -> any Encodable & Sendable { value }

    /// The theme's static files; a site's own templates/assets/ file replaces the built-in one.
    private func assets() throws(DiagnosticError) -> [OutputFile] {
        var files: [String: Data] = EmbeddedTheme.assets.mapValues { Data($0.utf8) }
        if let siteTemplates = model.source.templates {
            let folder = siteTemplates.appendingPathComponent("assets")
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                      !ContentLoader.isIgnored(url.lastPathComponent) else { continue }
                let relative = "assets/" + url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)
                files[relative] = try ContentFile(path: "templates/" + relative, url: url).readData()
            }
        }
        return files.keys.sorted().compactMap { path in files[path].map { OutputFile(path: path, contents: $0) } }
    }
}
