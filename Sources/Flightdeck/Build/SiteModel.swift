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

    init(_ entry: SiteModel.Entry) {
        row = ReleaseRow(entry)
        point = TrendAnalysis.point(entry.data, entry.figures)
    }
}

/// The pages each release has, with their templates: the one list Render and the build cache share.
enum ReleasePages {
    /// The template name of a release's `summary.json`, which is encoded, not rendered from a template.
    static let summaryJSON = "summary.json"

    /// Template, URL, title and page kind of each page of release `id` titled `title`, and its summary.json.
    static func pages(id: String, title: String) -> [(template: String, url: String, title: String, kind: String)] {
        [("release.html", SitePaths.release(id), title, "release"),
         ("checklist.html", SitePaths.checklist(id), "Checklist · \(title)", "checklist"),
         ("signoffs.html", SitePaths.signoffs(id), "Sign-offs · \(title)", "signoffs"),
         (summaryJSON, SitePaths.summary(id), title, "summary")]
    }

    /// The key one page of a release is kept under, from the release's render key.
    static func key(_ renderKey: String, template: String) -> String {
        SHA256.hex(renderKey + "\u{0}" + template)
    }
}

/// The site-wide files rendered with the home page (feeds and sitemap): the one list Render and the build cache
/// share. They are kept in the build cache under the home page's key and reused with it.
enum SiteFiles {
    /// Template and path of each: the site's feed, one feed per product, and the sitemap when there is a base URL.
    static func files(products: [String], sitemap: Bool) -> [(template: String, path: String, product: String?)] {
        var files: [(template: String, path: String, product: String?)] = [("feed.xml", SitePaths.feed, nil)]
        for product in Set(products).sorted() { files.append(("feed.xml", SitePaths.productFeed(product), product)) }
        if sitemap { files.append(("sitemap.xml", SitePaths.sitemap, nil)) }
        return files
    }

    /// The key one of them is kept under, from the home page's key.
    static func key(_ homeKey: String, path: String) -> String {
        SHA256.hex(homeKey + "\u{0}" + path)
    }
}
