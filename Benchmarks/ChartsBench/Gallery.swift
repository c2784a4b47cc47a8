import Foundation
import FlightdeckCharts

/// The gallery page: every chart kind with realistic release-report data, each with its data table in a `<details>`.
enum Gallery {
    /// Writes `gallery.html` (linking `charts.css`, copied next to it) into `directory`; returns its path.
    static func write(to directory: URL) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let css = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../templates/assets/charts.css").standardizedFileURL
        let target = directory.appendingPathComponent("charts.css")
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: css, to: target)
        let page = directory.appendingPathComponent("gallery.html")
        try html(Samples.gallery).write(to: page, atomically: true, encoding: .utf8)
        return page.path
    }

    static func html(_ charts: [Chart]) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Flightdeck charts gallery</title><link rel="stylesheet" href="charts.css">
        <style>body{font-family:system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:76rem;background:var(--fd-chart-bg);color:var(--fd-chart-fg)}
        h2{font-size:1.1rem}.trends th,.trends td{text-align:left;padding:.25rem .75rem;vertical-align:top}main{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(34rem,100%),1fr));gap:1.5rem 2rem}h1{font-size:1.4rem}</style>
        </head><body><h1>Flightdeck charts</h1><main>

        """
        var trends = ""
        for chart in charts {
            guard case .sparkline(let line) = chart else { continue }
            let latest = line.values.last.map(line.format.format) ?? "—"
            trends += "<tr><th scope=\"row\">" + escape(line.title) + "</th><td>" + line.svg() + "</td><td>" + escape(latest)
                + "</td><td><details><summary>Data</summary>" + line.dataTable() + "</details></td></tr>\n"
        }
        for chart in charts {
            if case .sparkline = chart {
                guard !trends.isEmpty else { continue }
                out += "<figure class=\"fd-figure\"><figcaption>Trends across releases (sparklines)</figcaption><table class=\"trends\">"
                    + "<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">Trend</th><th scope=\"col\">Latest</th>"
                    + "<th scope=\"col\">Data</th></tr></thead>\n" + trends + "</table></figure>\n"
                trends = ""
                continue
            }
            out += "<figure class=\"fd-figure\"><figcaption>" + escape(chart.title) + "</figcaption>\n"
            out += chart.svg() + "\n<details><summary>Data</summary>\n" + chart.dataTable() + "\n</details></figure>\n"
        }
        return out + "</main></body></html>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
