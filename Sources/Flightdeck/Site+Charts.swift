/// For the charts benchmark: every chart a site's pages show, drawn without the rest of the build.
extension Site {
    /// Loads and analyses the site once, then returns a function that draws all its charts (SVG and
    /// data table) each time it is called, reporting how many charts and how many bytes.
    package func chartDrawer() throws(DiagnosticError) -> @Sendable () -> (charts: Int, bytes: Int) {
        let model = try BuildPipeline(root: root, options: options, through: .analyse).model(log: DiagnosticLog())
        return {
            var views = model.releases.flatMap { ReleaseCharts.charts(for: $0).values }
            views += TrendCharts.byProduct(model.trends)
            return (views.count, views.reduce(0) { $0 + $1.svg.utf8.count + $1.table.utf8.count })
        }
    }
}
