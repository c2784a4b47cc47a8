/// A chart as templates see it: `title`, the inline `svg` and its data `table` (both HTML, print with `| safe`).
struct ChartView: Sendable, Encodable {
    var id: String
    var title: String
    var svg: String
    var table: String
}
