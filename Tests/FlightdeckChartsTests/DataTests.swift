import Foundation
import Testing
@testable import FlightdeckCharts

@Suite struct DataTests {
    struct QuartileCase: Decodable {
        var values: [Double]
        var q1, median, q3, lowerWhisker, upperWhisker: Double
        var outliers: [Double]
    }

    @Test func quartilesMatchNumPy() throws {
        let cases = try JSONDecoder().decode([QuartileCase].self, from: Fixtures.data("oracle/quartiles.json"))
        for item in cases {
            let summary = try #require(BoxSummary(values: item.values))
            #expect(abs(summary.q1 - item.q1) < 1e-9)
            #expect(abs(summary.median - item.median) < 1e-9)
            #expect(abs(summary.q3 - item.q3) < 1e-9)
            #expect(summary.lowerWhisker == item.lowerWhisker)
            #expect(summary.upperWhisker == item.upperWhisker)
            #expect(summary.outliers == item.outliers)
        }
        #expect(BoxSummary(values: [.nan]) == nil)
    }

    @Test func downsamplingKeepsEndsAndPeaks() {
        let points = (0..<10_000).map { Point(x: Double($0), y: $0 == 5_000 ? 1000 : Double($0 % 7)) }
        let sampled = Downsample.lttb(points, threshold: 100)
        #expect(sampled.count == 100)
        #expect(sampled.first == points.first && sampled.last == points.last)
        #expect(sampled.contains { $0.y == 1000 })
        #expect(zip(sampled, sampled.dropFirst()).allSatisfy { $0.x < $1.x })
        #expect(Downsample.lttb(points, threshold: 20_000).count == 10_000)
        #expect(Downsample.lttb(points, threshold: 2) == [points[0], points[9_999]])
        #expect(Downsample.lttb(points, threshold: -5).isEmpty)
    }

    @Test func binsAreNiceAndCountEverything() throws {
        let bins = try #require(Bins(values: [0.5, 1, 2.2, 3.9, 4, 9.99, .nan], target: 5))
        #expect(bins.width == 2)
        #expect(bins.start == 0)
        #expect(bins.counts.reduce(0, +) == 6)
        #expect(try #require(Bins(values: [7, 7, 7], target: nil)).counts.reduce(0, +) == 3)
        #expect(try #require(Bins(values: [0, 1e300], target: 1000)).counts.count <= Limits.maxBins)
    }

    @Test func tablesEscapeAndSpan() {
        var table = DataTable(stem: "fd-t", caption: "<b>", columns: ["a", "b", "c"])
        table.groups = [("Events", [["x", "y"]])]
        let html = table.html()
        #expect(html.contains("<caption>&lt;b&gt;</caption>"))
        #expect(html.contains("<td colspan=\"3\">No data</td>"))
        #expect(html.contains("<th scope=\"row\">x</th><td colspan=\"2\">y</td>"))
    }
}

@Suite struct OrderTests {
    @Test func unsortedPointsAreSortedStably() {
        let chart = LineChart(id: "o", title: "o", series: [LineSeries(name: "s", x: [2, 1, 2, .nan], y: [20, 10, 30, 5])])
        let rows = chart.dataTable().components(separatedBy: "\n").filter { $0.hasPrefix("<tr><th scope=\"row\">") }
        #expect(rows == [
            "<tr><th scope=\"row\">1</th><td>10</td></tr>",
            "<tr><th scope=\"row\">2</th><td>20</td></tr>",
            "<tr><th scope=\"row\">2</th><td>30</td></tr>",
        ])
        #expect(chart.svg().contains("d=\"M"))
    }
}
