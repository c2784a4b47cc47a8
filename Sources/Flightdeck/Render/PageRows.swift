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
        cut(items, limit: limit, rank: { failing($0) ? 0 : 1 })
    }

    /// `items` when there are at most `limit`; else those of rank 0 first, then rank 1, and so on, each rank in
    /// their order, up to `limit`, and how many are left off (nil when none is).
    static func cut<Items: Collection>(_ items: Items, limit: Int = limit, rank: (Items.Element) -> Int) -> (rows: [Items.Element], omitted: Int?) {
        guard items.count > limit else { return (Array(items), nil) }
        var rows: [Items.Element] = []
        rows.reserveCapacity(limit)
        var level = 0
        var next = Int.max
        while rows.count < limit {
            for item in items where rows.count < limit {
                let r = rank(item)
                if r == level { rows.append(item) } else if r > level { next = min(next, r) }
            }
            guard next != Int.max else { break }
            (level, next) = (next, Int.max)
        }
        return (rows, items.count - limit)
    }

    /// The positions `cut` lists of `items`, back in their order: for lists a page shows as a document
    /// (a checklist's items, sign-offs), whose order means something.
    static func listed<Items: Collection>(_ items: Items, rank: (Items.Element) -> Int) -> (positions: [Int], omitted: Int?)
        where Items.Index == Int {
        let (rows, omitted) = cut(items.indices, rank: { rank(items[$0]) })
        return (omitted == nil ? rows : rows.sorted(), omitted)
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
