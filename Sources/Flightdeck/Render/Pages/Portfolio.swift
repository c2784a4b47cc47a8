import Foundation

/// The home page as a portfolio: releases grouped by product with their verdict counts, a page per product
/// (the filter that needs no script), and an archive of every release, `Portfolio.pageSize` to a page.
enum Portfolio {
    /// Releases per archive page, and how many of the newest releases the home page lists.
    static let pageSize = 50
    /// The name of the group of releases that name no product.
    static let otherName = "Other"

    /// How many of one verdict a group of releases has.
    struct VerdictCount: Sendable, Encodable, Equatable {
        /// `go`, `no_go`, `pending` or `cannot_judge`.
        var decision: String
        /// `GO`, `NO-GO`, `PENDING` or `CANNOT JUDGE`.
        var label: String
        var count: Int
    }

    /// One product's releases, as the home page and the product's own page show them.
    struct Group: Sendable, Encodable {
        /// Its heading: the product exactly as release.yaml writes it, or "Other".
        var name: String
        /// The product (absent for the "Other" group).
        var product: String?
        /// Its page (`products/<product>/index.html`) and feed, from the site root; absent for "Other".
        var url: String?
        var feedUrl: String?
        /// Every release of the group.
        var total: Int
        /// The verdicts of every release of the group, in the order GO, NO-GO, PENDING, CANNOT JUDGE; only those present.
        var counts: [VerdictCount]
        /// The releases listed, newest first (on the home page, those among the site's newest `pageSize`).
        var releases: [ReleaseRow]
    }

    /// The archive's navigation on one of its pages.
    struct Archive: Sendable, Encodable {
        /// This page's number (1-based) and how many there are.
        var number: Int
        var count: Int
        /// Every archive page (`number`, `url` from the site root, `current`).
        var pages: [PageLink]
        /// The previous (newer) and next (older) page, from the site root; absent at the ends.
        var prevUrl: String?
        var nextUrl: String?
        /// The position (1-based) of this page's first and last release among all releases.
        var first: Int
        var last: Int
        /// Every release of the site.
        var total: Int
    }

    /// One link of the archive's page list.
    struct PageLink: Sendable, Encodable {
        var number: Int
        var url: String
        var current: Bool
    }

    /// The verdict counts of some releases, in the fixed order GO, NO-GO, PENDING, CANNOT JUDGE.
    static func counts(_ rows: [ReleaseRow]) -> [VerdictCount] {
        let order: [Verdict.Decision] = [.go, .noGo, .pending, .cannotJudge]
        return order.compactMap { decision in
            let count = rows.count { $0.decision == decision.rawValue }
            return count == 0 ? nil : VerdictCount(decision: decision.rawValue, label: decision.label, count: count)
        }
    }

    /// Product names in display order: ignoring case, then as written (so the order never depends on the locale).
    static func sorted(_ products: some Sequence<String>) -> [String] {
        products.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
    }

    /// The groups of the home page: one per product (sorted by name, ignoring case), then "Other" when some release names
    /// no product. `rows` are every release, newest first; each group lists its releases among the first `shown`.
    static func groups(_ rows: [ReleaseRow], shown: Int = pageSize) -> [Group] {
        let newest = Set(rows.prefix(shown).map(\.id))
        var byProduct: [String: [ReleaseRow]] = [:]
        var other: [ReleaseRow] = []
        for row in rows {
            if let product = row.product { byProduct[product, default: []].append(row) } else { other.append(row) }
        }
        var groups = sorted(byProduct.keys).map { product in
            group(product: product, rows: byProduct[product] ?? [], listed: { newest.contains($0.id) })
        }
        if !other.isEmpty { groups.append(group(product: nil, rows: other, listed: { newest.contains($0.id) })) }
        return groups
    }

    /// One group, listing the rows `listed` keeps.
    static func group(product: String?, rows: [ReleaseRow], listed: (ReleaseRow) -> Bool = { _ in true }) -> Group {
        Group(name: product ?? otherName, product: product, url: product.map(SitePaths.productPage),
              feedUrl: product.map(SitePaths.productFeed), total: rows.count, counts: counts(rows),
              releases: rows.filter(listed))
    }

    /// How many archive pages `releases` releases fill (none when the home page lists them all).
    static func archivePageCount(releases: Int) -> Int {
        releases > pageSize ? (releases + pageSize - 1) / pageSize : 0
    }

    /// The archive's navigation on page `number` (1-based) of `count`, for `total` releases.
    static func archive(number: Int, count: Int, total: Int) -> Archive {
        Archive(number: number, count: count,
                pages: (1...max(count, 1)).map { PageLink(number: $0, url: SitePaths.archive($0), current: $0 == number) },
                prevUrl: number > 1 ? SitePaths.archive(number - 1) : nil,
                nextUrl: number < count ? SitePaths.archive(number + 1) : nil,
                first: (number - 1) * pageSize + 1, last: min(number * pageSize, total), total: total)
    }

    /// The releases of archive page `number` (1-based), newest first.
    static func archiveRows(_ rows: [ReleaseRow], number: Int) -> [ReleaseRow] {
        let start = (number - 1) * pageSize
        guard start >= 0, start < rows.count else { return [] }
        return Array(rows[start..<min(start + pageSize, rows.count)])
    }
}
