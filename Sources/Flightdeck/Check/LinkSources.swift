import Foundation

/// Where the links of each rendered page come from, for the link checker's reports: the Markdown documents
/// shown on the page (with each link's place) and the template the page is rendered from.
struct LinkSources: Sendable {
    /// The Markdown links shown on each page, by page path (relative to the output folder).
    let markdown: [String: [MarkdownLink]]
    /// The site's templates, then the built-in theme's, as sources to search for a link written literally.
    let templates: [SourceFile]
    /// The template of each release page, by page path (the others follow from their path: `template(of:)`).
    let pageTemplates: [String: String]

    /// Sources given as they are.
    init(markdown: [String: [MarkdownLink]], templates: [SourceFile], pageTemplates: [String: String] = [:]) {
        self.markdown = markdown
        self.templates = templates
        self.pageTemplates = pageTemplates
    }

    /// The sources of a site: every page's Markdown, and every template the site's pages may use.
    init(model: SiteModel) {
        var markdown: [String: [MarkdownLink]] = [:]
        if let index = model.index { markdown["index.html"] = index.html.links }
        for page in model.pages { markdown[SitePaths.file(SitePaths.page(page.slug))] = page.html.links }
        var pageTemplates: [String: String] = [:]
        for entry in model.releases {
            // Notes on the notes page, every postmortem on the incidents page and each on its incident's page, the
            // checklist on its page.
            let incidents = entry.data[IncidentsKind.self]
            let postmortems = incidents?.postmortems ?? [:]
            for page in ReleasePages.pages(entry.data, hasErrors: entry.hasErrors) {
                let path = SitePaths.file(page.url)
                pageTemplates[path] = page.template
                switch (page.kind, page.section) {
                case ("notes", _):
                    markdown[path] = entry.data.notes?.html.links ?? []
                case ("evidence", let section?) where section == IncidentsKind.id:
                    markdown[path] = postmortems.sorted(by: { $0.key < $1.key }).flatMap(\.value.links)
                case ("item", let section?) where section == IncidentsKind.id:
                    let id = page.item.flatMap { incidents?.incidents.indices.contains($0) == true ? incidents?.incidents[$0].id : nil }
                    markdown[path] = id.flatMap { postmortems[$0]?.links } ?? []
                case (ChecklistKind.id, _):
                    markdown[path] = entry.data[ChecklistKind.self]?.html.links ?? []
                default:
                    continue
                }
            }
        }
        self.markdown = markdown
        self.pageTemplates = pageTemplates
        var templates: [SourceFile] = []
        var seen = Set<String>()
        for file in model.source.templateFiles where !file.path.hasPrefix("templates/assets/") {
            // Render has read every template a page uses; one that cannot be read now is only not searched.
            do { templates.append(try file.readText()) } catch { continue }
            seen.insert(file.path)
        }
        for (name, text) in EmbeddedTheme.templates.sorted(by: { $0.key < $1.key }) where !seen.contains("templates/" + name) {
            templates.append(SourceFile(path: "templates/" + name, text: text))
        }
        self.templates = templates
    }

    /// The template a page of the site is rendered from.
    static func template(of page: String) -> String {
        if page == "index.html" { return "index.html" }
        if page == "404.html" { return "404.html" }
        if page.hasPrefix("pages/") { return "page.html" }
        if page.hasPrefix("releases/") {
            if page.hasSuffix("/checklist.html") { return "checklist.html" }
            if page.hasSuffix("/signoffs.html") { return "signoffs.html" }
            return "release.html"
        }
        return "base.html"
    }

    /// Traces the links of one page to their sources.
    func tracer(for page: String) -> Tracer {
        Tracer(links: markdown[page] ?? [], templates: templates, template: pageTemplates[page] ?? Self.template(of: page))
    }

    /// Finds the source of each link of one page in turn: the n-th link with a URL on the page is matched with the
    /// n-th Markdown link with that URL, else with a template that writes the attribute literally.
    struct Tracer {
        /// The page's template.
        let template: String
        private var markdown: [String: [SourceLocation]] = [:]
        private let templates: [SourceFile]
        private var used: [String: Int] = [:]

        init(links: [MarkdownLink], templates: [SourceFile], template: String) {
            self.templates = templates
            self.template = template
            for link in links { markdown[Self.key(link.url), default: []].append(link.location) }
        }

        /// Where `link` was written, when that can be found. Every link of the page passes here in order
        /// (`broken` or not), so that repeated URLs are matched one to one.
        mutating func source(of link: HTMLLinkScanner.Link, broken: Bool) -> SourceLocation? {
            let key = Self.key(link.url)
            if let places = markdown[key] {
                let index = used[key, default: 0]
                used[key] = index + 1
                if index < places.count { return places[index] }
            }
            guard broken else { return nil }
            return literal(link)
        }

        /// The first place a template writes `attribute="value"` as it appears on the page.
        private func literal(_ link: HTMLLinkScanner.Link) -> SourceLocation? {
            for quote in ["\"", "'"] {
                let needle = link.attribute + "=" + quote + link.raw + quote
                for file in templates {
                    if let range = file.text.range(of: needle) {
                        return file.location(of: file.text.index(range.lowerBound, offsetBy: link.attribute.count + 2))
                    }
                }
            }
            return nil
        }

        /// URLs compare after percent-decoding, as cmark percent-encodes what it writes.
        private static func key(_ url: String) -> String { url.removingPercentEncoding ?? url }
    }
}
