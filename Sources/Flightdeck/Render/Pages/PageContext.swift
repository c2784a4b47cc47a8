import Foundation

/// What every page's template gets besides its own data: `site`, `root`, `page` and `nav`.
struct PageContext: Sendable {
    /// `site`: settings from flightdeck.yaml.
    struct SiteInfo: Sendable, Encodable {
        var title: String
        var description: String
        var baseUrl: String
        var language: String
        var theme: [String: String]
        /// "" unless the config or SOURCE_DATE_EPOCH asks for it.
        var buildTime: String
    }

    /// `page`: this page.
    struct PageInfo: Sendable, Encodable {
        /// The page title.
        var title: String
        /// home, release, checklist, signoffs, page or not_found.
        var kind: String
        /// Path from the site root, e.g. `releases/2.4/index.html`.
        var url: String
        /// Absolute URL when base_url is set, else "".
        var canonical: String
        /// What a link to the page previews as (Open Graph `og:title`): the title, or for a release its verdict
        /// line, "2.4.0 — NO-GO: 2 new test failures".
        var shareTitle: String
        /// The page's absolute URL (`og:url`) when base_url is an absolute http(s) URL, else "".
        var shareUrl: String
        /// The preview's text (`og:description`): a release's summary, else the site's description.
        var shareDescription: String
        /// Other forms of the page (`<link rel="alternate">`): a release's summary.json and its product's feed.
        var alternates: [Alternate]
    }

    /// Another form of a page: its MIME type, URL from the site root and title.
    struct Alternate: Sendable, Encodable {
        var type: String
        var url: String
        var title: String
    }

    /// How a page previews when linked, and its other forms (defaults: its title, the site's description, none).
    struct Share: Sendable {
        var title: String
        var description: String
        var alternates: [Alternate] = []
    }

    /// `nav`: links shown on every page.
    struct Nav: Sendable, Encodable {
        /// One link.
        struct Link: Sendable, Encodable {
            var title: String
            var url: String
        }
        var pages: [Link]
        var releases: [Link]
    }

    let site: SiteInfo
    let nav: Nav

    /// `site` and `nav`, the same on every page (encode them once).
    var sharedValues: [String: any Encodable & Sendable] { ["site": site, "nav": nav] }

    /// The per-page part of the shared context: `page`, and `root` to climb back to the site root.
    func pageValues(title: String, kind: String, url: String, share: Share? = nil) -> [String: any Encodable & Sendable] {
        let depth = url.split(separator: "/").count - 1
        let canonical = site.baseUrl.isEmpty ? "" : (site.baseUrl.hasSuffix("/") ? site.baseUrl : site.baseUrl + "/") + url
        return [
            "root": String(repeating: "../", count: depth),
            "page": PageInfo(title: title, kind: kind, url: url, canonical: canonical,
                             shareTitle: share?.title ?? title, shareUrl: SiteFeeds.absoluteBase(site.baseUrl).map { $0 + url } ?? "",
                             shareDescription: share?.description ?? site.description, alternates: share?.alternates ?? []),
        ]
    }
}

/// URL paths of the pages, percent-encoded per segment so any release id links correctly.
enum SitePaths {
    static func release(_ id: String) -> String { "releases/\(segment(id))/index.html" }
    static func page(_ slug: String) -> String { "pages/\(segment(slug)).html" }
    /// A release's `summary.json`: `flightdeck export` with a `schema_version`.
    static func summary(_ id: String) -> String { "releases/\(segment(id))/summary.json" }
    /// The Atom feed of every release.
    static let feed = "feed.xml"
    /// The Atom feed of one product's releases.
    static func productFeed(_ product: String) -> String { "products/\(productFolder(product))/feed.xml" }
    /// One product's page: its releases, verdict counts and trends (the home page's filter without script).
    static func productPage(_ product: String) -> String { "products/\(productFolder(product))/index.html" }
    /// A product's folder under `products/`: its name as one path segment, or, when the name could not be one
    /// folder (empty, `.`, `..`, or holding `/` or `\\`), a slug of it with a digest of the name, so that it never
    /// leaves `products/` nor meets another product's folder.
    static func productFolder(_ product: String) -> String {
        let unusable = product.isEmpty || product == "." || product == ".." || product.contains("/") || product.contains("\\")
        guard unusable else { return segment(product) }
        return ItemPage.slug(product, fallback: "product") + "-" + SHA256.hex(product).prefix(8)
    }
    /// Page `number` (1-based) of the archive of every release: `archive/index.html`, `archive/2/index.html`, …
    static func archive(_ number: Int) -> String { number <= 1 ? "archive/index.html" : "archive/\(number)/index.html" }
    /// The sitemap (only with a base URL).
    static let sitemap = "sitemap.xml"

    /// The file path on disk for a URL path (percent-decoding undone).
    /// Most URLs have no `%` and are their own path (Foundation's decoding is slow, and a site has tens of
    /// thousands of pages).
    static func file(_ url: String) -> String {
        guard url.utf8.contains(UInt8(ascii: "%")) else { return url }
        return url.removingPercentEncoding ?? url
    }

    /// Characters a path segment keeps as they are (RFC 3986 unreserved).
    private static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    /// One path segment, percent-encoded unless it is plain.
    static func segment(_ text: String) -> String {
        // Most ids are plain ASCII letters, digits and -._~: nothing to encode (Foundation's encoder is slow).
        let plain = text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
        }
        if plain { return text }
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
