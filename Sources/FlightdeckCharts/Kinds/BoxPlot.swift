/// One box of a box plot.
public struct BoxGroup: Sendable, Hashable {
    /// The category label.
    public var label: String
    /// The summary drawn; nil when the group has no data.
    public var summary: BoxSummary?

    /// A group summarised from raw values.
    public init(label: String, values: [Double]) {
        self.label = label
        summary = BoxSummary(values: values)
    }

    /// A group from a summary computed elsewhere.
    public init(label: String, summary: BoxSummary?) {
        self.label = label
        self.summary = summary
    }
}

/// Distributions side by side (e.g. job durations per type): box from Q1 to Q3, median, Tukey whiskers, outliers.
public struct BoxPlot: ChartSpec, Hashable {
    /// Makes element ids unique on a page (see `ChartSpec.id`).
    public var id: String
    /// The title: the `<title>` of the SVG and the `<caption>` of the table.
    public var title: String
    /// Written to `<desc>`.
    public var description: String
    /// The category axis title.
    public var xLabel: String
    /// The value axis title.
    public var yLabel: String
    /// How values are written.
    public var format: ValueFormat
    /// The boxes, left to right.
    public var groups: [BoxGroup]

    /// A box plot.
    public init(id: String, title: String, description: String = "", xLabel: String = "", yLabel: String = "",
                format: ValueFormat = .integer, groups: [BoxGroup] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.format = format
        self.groups = groups
    }

    var shown: [BoxGroup] { Array(groups.prefix(Limits.maxCategories)) }

    /// The charted data as an accessible HTML `<table>`.
    public func dataTable() -> String {
        var table = DataTable(stem: Escape.identifier(id), caption: title,
                              columns: [xLabel.isEmpty ? "Group" : xLabel, "n", "Min", "Q1", "Median", "Q3", "Max", "Outliers"])
        table.rows = shown.map { group in
            guard let s = group.summary else { return [group.label, "0", "—", "—", "—", "—", "—", "—"] }
            return [group.label, String(s.count), format.format(s.min), format.format(s.q1), format.format(s.median),
                    format.format(s.q3), format.format(s.max), String(s.outliers.count)]
        }
        return table.html()
    }

    /// The chart as an inline, accessible `<svg>`.
    public func svg() -> String {
        let groups = shown
        let summaries = groups.compactMap(\.summary)
        var notes: [String] = summaries.isEmpty ? ["No data."] : []
        if self.groups.count > groups.count { notes.append("Showing the first \(groups.count) of \(self.groups.count) groups.") }
        let ticks = TickSet.make(lo: summaries.map(\.min).min() ?? 0, hi: summaries.map(\.max).max() ?? 1, count: 5, format: format)
        let frame = ColumnFrame(categories: groups.map(\.label), xTitle: xLabel, yTicks: ticks, yTitle: yLabel, legend: Legend(items: []))
        var doc = ChartDocument(kind: "box", id: id, title: title,
                                description: ([description] + notes).filter { !$0.isEmpty }.joined(separator: " "),
                                width: ColumnFrame.width, height: frame.height)
        guard !summaries.isEmpty else {
            return doc.finishEmpty()
        }
        frame.drawBackground(in: &doc)
        let scale = frame.yScale
        let width = min(frame.band * 0.6, 70)
        for (index, group) in groups.enumerated() {
            guard let s = group.summary else { continue }
            let x = frame.centre(index)
            doc.writer.group("fd-series " + SeriesStyle.colorClass(index))
            var whiskers = PathData()
            whiskers.move(x, scale(s.lowerWhisker))
            whiskers.vertical(scale(s.q1))
            whiskers.move(x, scale(s.q3))
            whiskers.vertical(scale(s.upperWhisker))
            for end in [s.lowerWhisker, s.upperWhisker] {
                whiskers.move(x - width / 4, scale(end))
                whiskers.horizontal(x + width / 4)
            }
            doc.writer.path(whiskers, class: "fd-whisker")
            let tip = group.label + ": median " + format.format(s.median) + ", IQR " + format.format(s.q1) + " to "
                + format.format(s.q3) + ", n = " + String(s.count)
            doc.writer.rect(Rect(x: x - width / 2, y: scale(s.q3), width: width, height: scale(s.q1) - scale(s.q3)),
                            class: "fd-box", tooltip: tip)
            doc.writer.line(x - width / 2, scale(s.median), x + width / 2, scale(s.median), class: "fd-median")
            for value in Self.extremes(s.outliers, keeping: min(Limits.maxOutliers, max(4, Limits.maxOutliersTotal / groups.count))) {
                doc.writer.circle(x, scale(value), radius: 2.5, class: "fd-outlier", tooltip: group.label + ": " + format.format(value))
            }
            doc.writer.endGroup()
        }
        frame.drawCategories(in: &doc)
        return doc.finish()
    }

    /// At most `count` outliers, keeping the most extreme on each side.
    static func extremes(_ outliers: [Double], keeping count: Int) -> [Double] {
        guard outliers.count > count else { return outliers }
        let half = count / 2
        return Array(outliers.prefix(half)) + Array(outliers.suffix(half))
    }
}
