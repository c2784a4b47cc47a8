import Foundation

/// The site after Ingest and Analyse: what the Render stage turns into pages.
struct SiteModel: Sendable {
    /// One release with its data and figures.
    struct Entry: Sendable {
        /// Where it came from.
        let source: ReleaseSource
        /// Its ingested data.
        let data: ReleaseData
        /// Its computed figures and verdict.
        var figures: ReleaseFigures
        /// The diagnostics of its own files (ingest and analysis), errors and warnings.
        var diagnostics: [Diagnostic] = []
        /// The key its pages are kept under in the build cache (none without a cache).
        var renderKey: String?

        /// Whether its own data has errors, so it cannot be judged.
        var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// A release as navigation, the home page and trends show it: every release of the site, whether
    /// analysed in this build or, unchanged, taken from the build cache.
    struct Listed: Sendable {
        let id: String
        let title: String
        /// Whether it cannot be judged (errors in its own data).
        let hasErrors: Bool
        /// Its product (release.yaml `product`), which gives it a product feed.
        let product: String?
        /// Its home-page row and trend point; nil only when the home page itself comes from the cache.
        let summary: ReleaseSummary?
        /// When its pages come from the build cache: their key (see `ReleasePages`).
        let reusedKey: String?
        /// When its pages come from the build cache: which pages it has.
        let reusedPages: [ReleasePage]
    }

    /// Config and file lists.
    let source: SiteSource
    /// content/index.md, rendered.
    let index: Page?
    /// content/pages/*.md, rendered, in navigation order.
    let pages: [Page]
    /// The releases analysed in this build, newest first (by date, then id): every release without a
    /// build cache; with one, those whose inputs, previous release or pages' inputs changed.
    let releases: [Entry]
    /// Every release, newest first.
    let listing: [Listed]
    /// The home page's key in the build cache, when there is a cache.
    var homeKey: String? = nil

    /// Trends across releases, oldest first; releases that cannot be judged are left out, not drawn as zeros.
    var trends: Trends {
        Trends(points: listing.reversed().filter { !$0.hasErrors }.compactMap(\.summary?.point))
    }
}

/// What the home page and trends show of one release, kept by the build cache for unchanged releases.
struct ReleaseSummary: Sendable, Codable, Equatable {
    /// Its row in the release table.
    var row: ReleaseRow
    /// Its headline numbers for the trend charts.
    var point: Trends.Point
    /// The URLs of its HTML pages (`ReleasePages`), for the sitemap.
    var pages: [String]

    init(_ entry: SiteModel.Entry) {
        row = ReleaseRow(entry)
        point = TrendAnalysis.point(entry.data, entry.figures)
        pages = ReleasePages.pages(entry.data, hasErrors: entry.hasErrors).filter { $0.kind != "summary" && $0.kind != "report" }.map(\.url)
    }
}

/// One page of a release: its overview, a page per kind of evidence it has, one per item of a kind that has
/// item pages (an incident), its notes, and the pages of the kinds placed on their own (checklist, sign-offs).
struct ReleasePage: Sendable, Codable, Equatable {
    /// The template that renders it.
    var template: String
    /// Its path from the site root, percent-encoded (`releases/2.4/tests/index.html`).
    var url: String
    /// Its `page.title`.
    var title: String
    /// Its `page.kind`: release, evidence, item, notes, or the id of a kind with its own page.
    var kind: String
    /// Its name in the release's local navigation and breadcrumbs ("Test suites").
    var label: String
    /// The kind of evidence it shows (`tests`), for evidence and item pages.
    var section: String?
    /// For an item page: the item's position in its kind's list (0-based).
    var item: Int?
}

extension ReleasePage {
    /// The bytes that split a packed page's fields, and its pages (ASCII unit and record separators).
    private static let fieldSeparator: UInt8 = 0x1F
    private static let pageSeparator: UInt8 = 0x1E

    /// A release's pages as the build cache keeps them: fields split by U+001F and pages by U+001E, which a
    /// large site reads back far faster than JSON. Pages whose text holds either character are kept as JSON.
    static func packed(_ pages: [ReleasePage]) throws -> String {
        let fields = pages.map { [$0.template, $0.url, $0.title, $0.kind, $0.label, $0.section ?? "", $0.item.map(String.init) ?? ""] }
        let unsafe = fields.contains { $0.contains { $0.utf8.contains { $0 == fieldSeparator || $0 == pageSeparator } } }
        // A packed empty section reads back as none, so a page with one is kept as JSON too.
        if unsafe || pages.contains(where: { $0.section == "" }) {
            return String(decoding: try JSONEncoder().encode(pages), as: UTF8.self)
        }
        let field = String(UnicodeScalar(fieldSeparator)), page = String(UnicodeScalar(pageSeparator))
        return page + fields.map { $0.joined(separator: field) }.joined(separator: page)
    }

    /// Pages from `packed` (or from JSON); an error when the text is neither.
    static func unpacked(_ text: String) throws -> [ReleasePage] {
        guard text.utf8.first == pageSeparator else { return try JSONDecoder().decode([ReleasePage].self, from: Data(text.utf8)) }
        // Split on the UTF-8 bytes of the separators (split on `Character`s would find grapheme breaks first).
        let bytes = text.utf8.dropFirst()
        if bytes.isEmpty { return [] }
        return try bytes.split(separator: pageSeparator, omittingEmptySubsequences: false).map { page throws -> ReleasePage in
            let fields = page.split(separator: fieldSeparator, omittingEmptySubsequences: false).map { String(Substring($0)) }
            guard fields.count == 7 else { throw CocoaError(.coderReadCorrupt) }
            let item: Int?
            if fields[6].isEmpty { item = nil } else if let number = Int(fields[6]) { item = number } else { throw CocoaError(.coderReadCorrupt) }
            return ReleasePage(template: fields[0], url: fields[1], title: fields[2], kind: fields[3], label: fields[4],
                               section: fields[5].isEmpty ? nil : fields[5], item: item)
        }
    }
}

/// The pages each release has, with their templates: the one list Render and the build cache share.
enum ReleasePages {
    /// The template name of a release's `summary.json`, which is encoded, not rendered from a template.
    static let summaryJSON = "summary.json"

    /// Every page of a release, in local-navigation order: overview, notes, a page per kind of evidence
    /// placed as a release section (registry order) followed by its item pages, then the kinds with pages of
    /// their own, then its single-file report (`report.html`, kind `report`, made of the pages before it) and its
    /// `summary.json` (kind `summary`); neither is a page of the local navigation. A release that cannot
    /// be judged has only its overview, the own pages and its summary.json.
    static func pages(_ data: ReleaseData, hasErrors: Bool) -> [ReleasePage] {
        let release = data.release
        let base = "releases/" + SitePaths.segment(release.id) + "/"
        var pages = [ReleasePage(template: "release.html", url: SitePaths.release(release.id), title: release.title, kind: "release", label: "Overview")]
        if !hasErrors, data.notes != nil {
            pages.append(.init(template: "notes.html", url: base + "notes/index.html", title: "Notes · \(release.title)", kind: "notes", label: "Notes"))
        }
        for kind in Registry.kinds {
            switch kind.placement {
            case .releaseSection:
                guard !hasErrors, data.has(kind) else { continue }
                let folder = base + kind.id + "/"
                pages.append(.init(template: "evidence.html", url: folder + "index.html", title: "\(kind.title) · \(release.title)",
                                   kind: "evidence", label: kind.title, section: kind.id))
                for (index, item) in itemPages(kind, data).enumerated() {
                    pages.append(.init(template: item.template, url: folder + item.slug + "/index.html", title: "\(item.title) · \(release.title)",
                                       kind: "item", label: item.title, section: kind.id, item: index))
                }
            case .ownPage:
                pages.append(.init(template: kind.id + ".html", url: ownPageURL(kind, release: release.id), title: "\(kind.title) · \(release.title)",
                                   kind: kind.id, label: kind.title))
            }
        }
        pages.append(.init(template: SingleFileReport.template, url: base + SingleFileReport.fileName, title: release.title, kind: "report",
                           label: "Single-file report"))
        pages.append(.init(template: summaryJSON, url: SitePaths.summary(release.id), title: release.title, kind: "summary", label: "Data (JSON)"))
        return pages
    }

    /// The URL of the page of a kind placed on its own page (`releases/2.4/checklist.html`).
    static func ownPageURL(_ kind: any EvidenceKind.Type, release id: String) -> String {
        "releases/" + SitePaths.segment(id) + "/" + kind.id + ".html"
    }

    /// The item pages of a kind the release has.
    private static func itemPages<Kind: EvidenceKind>(_ kind: Kind.Type, _ data: ReleaseData) -> [ItemPage] {
        data[kind].map(Kind.itemPages) ?? []
    }

    /// The key one page of a release is kept under, from the release's render key.
    static func key(_ renderKey: String, url: String) -> String {
        SHA256.hex(renderKey + "\u{0}" + url)
    }

    /// The verdict with each reason's evidence link pointing at the kind's own page (see `evidenceLink`).
    static func linkingPages(_ verdict: Verdict, pages: [ReleasePage]) -> Verdict {
        var verdict = verdict
        for index in verdict.reasons.indices {
            let reason = verdict.reasons[index]
            verdict.reasons[index].evidence = evidenceLink(reason.evidence, area: reason.area, pages: pages)
        }
        return verdict
    }

    /// Where an evidence link of the verdict (relative to the overview, `#tests`, `#incident-2`) points once the
    /// kind has a page of its own: `tests/index.html`, `incidents/index.html#incident-2`. Others are kept.
    static func evidenceLink(_ evidence: String, area: String, pages: [ReleasePage]) -> String {
        guard evidence.hasPrefix("#"), pages.contains(where: { $0.kind == "evidence" && $0.section == area }) else { return evidence }
        let page = SitePaths.segment(area) + "/index.html"
        return evidence == "#" + area ? page : page + evidence
    }
}

/// A page of one item of a kind (an incident), declared by the kind (`EvidenceKind.itemPages`).
struct ItemPage: Sendable, Equatable {
    /// Its folder name below the kind's page: ASCII letters, digits, `-` and `_` only, unique in the kind even
    /// where case is ignored.
    var slug: String
    /// Its name in breadcrumbs and its title.
    var title: String
    /// The template that renders it.
    var template: String

    /// The longest slug, in bytes: a folder name must stay well under the file system's 255.
    static let maxSlugLength = 100

    /// A folder name made of `text`: ASCII letters, digits and `_` kept, anything else a `-`; `fallback` when
    /// nothing is kept (so never empty, `.` or `..`). A longer one is cut to `maxSlugLength`, ending in `-` and the
    /// first 10 hex digits of the text's SHA-256, so that long ids differing only at their ends stay apart.
    static func slug(_ text: String, fallback: String) -> String {
        let mapped = String(text.unicodeScalars.map { scalar -> Character in
            let ascii = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "_")
            return ascii ? Character(scalar) : "-"
        })
        if mapped.allSatisfy({ $0 == "-" }) { return fallback }
        guard mapped.utf8.count > maxSlugLength else { return mapped }
        return String(mapped.prefix(maxSlugLength - 11)) + "-" + SHA256.hex(text).prefix(10)
    }
}

/// The site-wide files rendered with the home page (feeds, product pages, archive pages and sitemap): the one
/// list Render and the build cache share. They are kept in the build cache under the home page's key and reused with it.
enum SiteFiles {
    /// One of them: its template and path, and the product or archive page it is for.
    struct File: Sendable, Equatable {
        var template: String
        var path: String
        var product: String? = nil
        /// For an archive page: its number (1-based).
        var archivePage: Int? = nil
    }

    /// The site's feed; per product its feed and page; the archive's pages when there are more than
    /// `Portfolio.pageSize` releases; and the sitemap when there is a base URL.
    static func files(products: [String], releases: Int, sitemap: Bool) -> [File] {
        var files = [File(template: "feed.xml", path: SitePaths.feed)]
        for product in Set(products).sorted() {
            files.append(File(template: "feed.xml", path: SitePaths.productFeed(product), product: product))
            files.append(File(template: "product.html", path: SitePaths.productPage(product), product: product))
        }
        for number in stride(from: 1, through: Portfolio.archivePageCount(releases: releases), by: 1) {
            files.append(File(template: "archive.html", path: SitePaths.archive(number), archivePage: number))
        }
        if sitemap { files.append(File(template: "sitemap.xml", path: SitePaths.sitemap)) }
        return files
    }

    /// The key one of them is kept under, from the home page's key.
    static func key(_ homeKey: String, path: String) -> String {
        SHA256.hex(homeKey + "\u{0}" + path)
    }
}
