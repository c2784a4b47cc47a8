/// How many rows of one list a page shows: a release page stays readable, and under 20 MB, whatever the
/// size of the file behind it (issue #17). summary.json keeps every row.
enum PageRows {
    /// Rows of one table or list on a page.
    static let limit = 500
    /// Bars of one chart.
    static let chartBars = 40

    /// `items` when there are at most `limit`; else the failing ones first, then the others, each in their
    /// order, up to `limit`, and how many are left off (nil when none is).
    static func cut<Items: Collection>(_ items: Items, limit: Int = limit, failing: (Items.Element) -> Bool) -> (rows: [Items.Element], omitted: Int?) {
        guard items.count > limit else { return (Array(items), nil) }
        var rows: [Items.Element] = []
        rows.reserveCapacity(limit)
        for item in items where rows.count < limit && failing(item) { rows.append(item) }
        for item in items where rows.count < limit && !failing(item) { rows.append(item) }
        return (rows, items.count - limit)
    }
}

extension ReleaseFigures {
    /// The figures as the release's pages show them: each kind's `pageFigures` (long lists cut to `PageRows.limit`).
    func forPages() -> ReleaseFigures {
        var paged = self
        for kind in Registry.kinds { paged.cutForPages(kind) }
        return paged
    }

    private mutating func cutForPages<Kind: EvidenceKind>(_ kind: Kind.Type) {
        if let figures = self[kind] { self[kind] = Kind.pageFigures(figures) }
    }
}
