/// What every chart spec offers: an inline `<svg>` and an HTML table of the same data.
public protocol ChartSpec: Sendable {
    /// Makes element ids unique on a page (sanitised to `A-Z a-z 0-9 - _`, prefixed `fd-`).
    var id: String { get }
    /// The chart's title, written to `<title>` and the table's `<caption>`.
    var title: String { get }
    /// A standalone, accessible, responsive `<svg>` styled by `charts.css`.
    func svg() -> String
    /// An accessible `<table>` of the charted data, with `<caption>` and `<th scope>`.
    func dataTable() -> String
}
