import FlightdeckCore
import Foundation

/// The contexts of the site-wide files rendered with the home page: the Atom feeds (`feed.xml` of every release,
/// `products/<product>/feed.xml` of one product's) and `sitemap.xml`. Links are absolute only when the base URL
/// is an absolute http(s) URL; otherwise they are relative to the file, so the feeds work from disk and under
/// any sub-path. Every date comes from the data (release dates), never from the clock.
struct SiteFeeds {
    /// The site's title, for feed titles and ids.
    let siteTitle: String
    /// The releases, newest first, each with its row (every row is there when the home page is rendered).
    let rows: [ReleaseRow]
    /// The Markdown pages' URLs, for the sitemap.
    let pageURLs: [String]
    /// The URLs of each release's pages, by release id, for the sitemap.
    let releasePages: [String: [String]]
    /// The base URL with a final `/`, when it is an absolute http(s) URL.
    let base: String?

    /// The instant used when no release has a date.
    static let epoch = "1970-01-01T00:00:00Z"

    init(siteTitle: String, rows: [ReleaseRow], pageURLs: [String], releasePages: [String: [String]] = [:], baseURL: String) {
        self.siteTitle = siteTitle
        self.rows = rows
        self.pageURLs = pageURLs
        self.releasePages = releasePages
        base = Self.absoluteBase(baseURL)
    }

    /// `baseURL` with a final `/`, when it is an absolute http or https URL (a sitemap and Atom ids need one).
    static func absoluteBase(_ baseURL: String) -> String? {
        let lower = baseURL.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        return baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    /// `feed` and `entries` for the feed at `path` (the site's, or the product's when `product` is set).
    func feed(at path: String, product: String?) -> [String: any Encodable & Sendable] {
        let root = String(repeating: "../", count: path.split(separator: "/").count - 1)
        let prefix = base ?? root
        let shown = rows.filter { product == nil || $0.product == product }
        let entries = shown.map { row in
            Entry(id: base.map { $0 + row.url } ?? urn("release", row.id), title: XMLText.clean(row.shareTitle),
                  updated: row.updated ?? Self.epoch, url: prefix + row.url,
                  summary: XMLText.clean(row.summary ?? row.headline), decision: row.decision, decisionLabel: row.decisionLabel,
                  product: row.product.map(XMLText.clean), version: row.version.map(XMLText.clean))
        }
        let title = product.map { "\(siteTitle): \($0)" } ?? siteTitle
        let feed = Feed(id: base.map { $0 + path } ?? urn("feed", path), title: XMLText.clean(title),
                        updated: entries.map(\.updated).max() ?? Self.epoch, selfUrl: base.map { $0 + path } ?? "",
                        homeUrl: prefix + "index.html", author: XMLText.clean(siteTitle), product: product.map(XMLText.clean))
        return ["feed": feed, "entries": entries]
    }

    /// `urls` for the sitemap: the home page, the Markdown pages and every page of every release, absolute.
    func sitemap() -> [String: any Encodable & Sendable] {
        guard let base else { return ["urls": [SitemapURL]()] }
        let newest = rows.compactMap(\.updated).max().map { String($0.prefix(10)) }
        var urls = [SitemapURL(loc: base + "index.html", lastmod: newest)]
        urls += pageURLs.map { SitemapURL(loc: base + $0, lastmod: nil) }
        for row in rows {
            let day = row.updated.map { String($0.prefix(10)) }
            urls += (releasePages[row.id] ?? [row.url]).map { SitemapURL(loc: base + $0, lastmod: day) }
        }
        return ["urls": urls]
    }

    /// A stable Atom id when there is no base URL: a name-based UUID (version 5 layout, from SHA-256) of the
    /// site's title and the thing named.
    func urn(_ kind: String, _ name: String) -> String {
        let hex = Array(SHA256.hex("flightdeck\u{0}\(siteTitle)\u{0}\(kind)\u{0}\(name)").prefix(32))
        let text = { (range: Range<Int>) in String(hex[range]) }
        return "urn:uuid:\(text(0..<8))-\(text(8..<12))-5\(text(13..<16))-8\(text(17..<20))-\(text(20..<32))"
    }

    struct Feed: Sendable, Encodable {
        var id: String
        var title: String
        var updated: String
        /// The feed's own absolute URL, or "" without a base URL.
        var selfUrl: String
        var homeUrl: String
        var author: String
        var product: String?
    }

    struct Entry: Sendable, Encodable {
        var id: String
        var title: String
        var updated: String
        var url: String
        var summary: String
        var decision: String
        var decisionLabel: String
        var product: String?
        var version: String?
    }

    struct SitemapURL: Sendable, Encodable {
        var loc: String
        var lastmod: String?
    }
}

/// Text for XML 1.0: the characters it cannot hold (C0 controls but tab, line feed and carriage return;
/// U+FFFE and U+FFFF) are dropped. Escaping is the template engine's, as on every page.
enum XMLText {
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isIllegal) else { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.filter { !isIllegal($0) })
        return String(out)
    }

    private static func isIllegal(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D)
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
