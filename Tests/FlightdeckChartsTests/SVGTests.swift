import Foundation
import Testing
@testable import FlightdeckCharts

@Suite struct SVGTests {
    @Test(arguments: ChartCases.all.map(\.name))
    func wellFormedAndAccessible(name: String) throws {
        let chart = try #require(ChartCases.all.first { $0.name == name }).chart
        let svg = chart.svg()
        let check = XMLCheck(svg)
        #expect(check.isWellFormed, "\(name): \(check.error ?? "")")
        let root = try #require(check.attributes.first)
        #expect(check.elements.first == "svg")
        #expect(root["role"] == "img")
        #expect(root["viewBox"] == "0 0 " + (root["width"] ?? "") + " " + (root["height"] ?? ""), "shown 1:1 without CSS")
        let labelled = try #require(root["aria-labelledby"]).split(separator: " ").map(String.init)
        #expect(labelled.count == 2)
        for id in labelled { #expect(check.ids.contains(id)) }
        #expect(check.elements.prefix(3) == ["svg", "title", "desc"])
        #expect(Set(check.ids).count == check.ids.count, "ids are unique")
        #expect(check.ids.allSatisfy { $0.hasPrefix(Escape.identifier(chart.id)) })
        #expect(!svg.contains(" style="), "no style attribute: the page's Content-Security-Policy has no 'unsafe-inline'")
        #expect(!check.elements.contains("script") && !check.elements.contains("style") && !check.elements.contains("image"))
        #expect(svg.utf8.count < 200_000)

        let table = XMLCheck(chart.dataTable())
        #expect(table.isWellFormed, "\(name) table: \(table.error ?? "")")
        #expect(table.elements.prefix(2) == ["table", "caption"])
        #expect(table.attributes.filter { !($0["scope"] ?? "").isEmpty }.count >= 1)
    }

    @Test(arguments: ChartCases.all.map(\.name))
    func matchesSnapshot(name: String) throws {
        let chart = try #require(ChartCases.all.first { $0.name == name }).chart
        try Fixtures.assertSnapshot(chart.svg() + "\n", named: name + ".svg")
        try Fixtures.assertSnapshot(chart.dataTable() + "\n", named: name + ".table.html")
    }

    @Test func escapesDataText() throws {
        for (name, chart) in ChartCases.all where name.hasPrefix("script") {
            for markup in [chart.svg(), chart.dataTable()] {
                #expect(!markup.contains("<script"))
                #expect(markup.contains("&lt;script&gt;"))
                #expect(!markup.contains("\u{1}") && !markup.contains("\u{7}"))
                let check = XMLCheck(markup)
                #expect(check.isWellFormed)
                #expect(check.text.contains(ChartCases.script), "\(name): the label reads back as text")
            }
        }
        #expect(Escape.xml("a\u{0}b\u{FFFE}<") == "a\u{FFFD}b\u{FFFD}&lt;")
        // Each character that needs work, alone among ones that need none (the check reads UTF-8 bytes).
        for (raw, escaped) in [("\u{7F}", "\u{FFFD}"), ("\u{80}", "\u{FFFD}"), ("\u{9F}", "\u{FFFD}"), ("\u{FFFF}", "\u{FFFD}"),
                               ("\u{1F}", "\u{FFFD}"), ("'", "&#39;"), ("\"", "&quot;"), ("&", "&amp;"), (">", "&gt;")] {
            #expect(Escape.xml("é\(raw)\u{FFFD}x") == "é\(escaped)\u{FFFD}x", "\(raw.unicodeScalars.first?.value ?? 0)")
        }
        for kept in ["\u{85}", "\u{A0}", "\u{FFFD}", "\u{EFBF}", "\t\n\r", "ῠ", "\u{1FFFE}", "plain"] {
            #expect(Escape.xml(kept) == kept, "\(kept.unicodeScalars.map(\.value))")
        }
        #expect(Escape.identifier("a b<c>") == "fd-a-b-c-")
        #expect(Escape.identifier("") == "fd-chart")
        // ASCII ids are read byte by byte: the same as scalar by scalar.
        func reference(_ raw: String) -> String {
            var out = "fd-"
            for scalar in raw.unicodeScalars.prefix(64) {
                let isSafe = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                out.unicodeScalars.append(isSafe ? scalar : "-")
            }
            return raw.isEmpty ? "fd-chart" : out
        }
        let ascii = String((0..<128).map { Character(UnicodeScalar(UInt8($0))) })
        for raw in [ascii, String(ascii.reversed()), "rollout-api-error_rate", String(repeating: "ab", count: 40), "é-x", "x\u{AA}y"] {
            #expect(Escape.identifier(raw) == reference(raw), "\(raw.debugDescription)")
        }
    }

    @Test func deterministic() {
        for (_, chart) in ChartCases.all {
            #expect(chart.svg() == chart.svg())
            #expect(chart.dataTable() == chart.dataTable())
        }
    }

    @Test func compactCoordinates() {
        #expect(SVGWriter.format(1.25) == "1.3")
        #expect(SVGWriter.format(-0.04) == "0")
        #expect(SVGWriter.format(3.0) == "3")
        #expect(SVGWriter.format(.nan) == "0")
        #expect(SVGWriter.format(1e300) == "1000000")
    }

    @Test func hundredThousandPointsStayUnder200KB() {
        let points = (0..<100_000).map { Point(x: Double($0), y: Double(($0 * 7919) % 1000)) }
        let one = LineChart(id: "big", title: "Big", series: [LineSeries(name: "s", points: points)])
        let svg = one.svg()
        #expect(svg.utf8.count < 200_000)
        #expect(XMLCheck(svg).isWellFormed)
        #expect(svg.contains("100,000 points downsampled to 1500"))
        #expect(one.dataTable().utf8.count < 200_000)
        let many = StepChart(id: "many", title: "Many", series: (0..<20).map { LineSeries(name: "s\($0)", points: points) })
        #expect(many.svg().utf8.count < 200_000)
        let histogram = Histogram(id: "h", title: "h", values: points.map(\.y))
        #expect(histogram.svg().utf8.count < 200_000)
        let box = BoxPlot(id: "b", title: "b", groups: [BoxGroup(label: "x", values: points.map { $0.y * $0.y * $0.y })])
        #expect(box.svg().utf8.count < 200_000)
    }

    @Test func seriesDifferWithoutColour() {
        guard case .groupedBar(let chart) = ChartCases.kinds[0].chart else { return }
        let svg = chart.svg()
        #expect(svg.contains("fill=\"url(#fd-g-p-s2-1)\""))
        #expect(svg.contains("<pattern id=\"fd-g-p-s2-1\""))
        guard case .line(let line) = ChartCases.kinds[6].chart else { return }
        let lines = line.svg()
        #expect(lines.contains("href=\"#fd-l-m0\"") && lines.contains("href=\"#fd-l-m1\""))
        #expect(lines.contains("fd-k2"))
    }
}

@Suite struct HostileInputTests {
    static let long = String(repeating: "<long label> ", count: 400)

    static var charts: [Chart] {
        let labels = (0..<1000).map { "\($0) " + long }
        let values = (0..<1000).map { Double($0 % 97) - 40 }
        let series = (0..<40).map { BarSeries(name: "\($0) " + long, values: values, errors: values) }
        let lines = (0..<20).map { s in LineSeries(name: long, points: (0..<5_000).map { Point(x: Double($0), y: Double(($0 * s) % 101)) }) }
        let events = (0..<500).map { EventMarker(label: long, x: Double($0 * 40)) }
        let spread = (0..<300).map { pow(Double($0), 3) }
        return [
            .groupedBar(GroupedBarChart(id: long, title: long, description: long, xLabel: long, yLabel: long, categories: labels, series: series)),
            .stackedBar(StackedBarChart(id: "s", title: long, categories: labels, series: series, normalized: true)),
            .horizontalBar(HorizontalBarChart(id: "h", title: long, bars: labels.map { Bar(label: $0, value: 1) })),
            .donut(DonutChart(id: "d", title: long, slices: labels.map { Slice(label: $0, value: 1) })),
            .histogram(Histogram(id: "hi", title: long, values: spread, binCount: 100_000)),
            .boxPlot(BoxPlot(id: "b", title: long, groups: labels.map { BoxGroup(label: $0, values: spread) })),
            .line(LineChart(id: "l", title: long, series: lines, thresholds: events.map { Threshold(label: long, value: $0.x) },
                            bands: events.map { Band(label: long, from: 0, to: $0.x) }, events: events)),
            .step(StepChart(id: "st", title: long, series: lines, events: events)),
            .timeline(TimelineChart(id: "t", title: long, items: labels.map { TimelineItem(label: $0, section: $0, start: 0, end: 86_400) },
                                    markers: events)),
            .sparkline(Sparkline(id: "sp", title: long, values: values + values, labels: labels)),
            .forest(ForestPlot(id: "f", title: long, estimates: labels.map { Estimate(label: $0, value: 1, lower: -1, upper: 3) })),
        ]
    }

    @Test func everyKindStaysUnder200KBWhateverTheInput() {
        for chart in Self.charts {
            let svg = chart.svg()
            #expect(svg.utf8.count < 200_000, "\(svg.prefix(80)) is \(svg.utf8.count) bytes")
            #expect(XMLCheck(svg).isWellFormed)
        }
    }
}

@Suite struct ExtremeValueTests {
    static let extremes: [Double] = [
        0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1e-310, 1e-300, 1, 1e15 + 0.1, 1e15, 1e308,
        -1e308, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .nan, .infinity, -.infinity,
    ]

    /// Every pair of extreme values as the data of every kind: no crash, well-formed, bounded.
    @Test(arguments: extremes)
    func extremePairsRender(first: Double) {
        for second in Self.extremes {
            let values = [first, second]
            let charts: [Chart] = [
                .groupedBar(GroupedBarChart(id: "g", title: "g", categories: ["a", "b"], series: [BarSeries(name: "s", values: values, errors: values)])),
                .stackedBar(StackedBarChart(id: "s", title: "s", categories: ["a", "b"], series: [BarSeries(name: "s", values: values)], normalized: true)),
                .horizontalBar(HorizontalBarChart(id: "h", title: "h", format: .bytes, bars: values.map { Bar(label: "x", value: $0) })),
                .donut(DonutChart(id: "d", title: "d", slices: values.map { Slice(label: "x", value: $0) })),
                .histogram(Histogram(id: "hi", title: "hi", format: .duration(.seconds), values: values)),
                .boxPlot(BoxPlot(id: "b", title: "b", groups: [BoxGroup(label: "x", values: values)])),
                .line(LineChart(id: "l", title: "l", xFormat: .dateTime, series: [LineSeries(name: "s", x: values, y: values)],
                                thresholds: [Threshold(label: "t", value: first)], bands: [Band(label: "b", from: first, to: second)],
                                events: [EventMarker(label: "e", x: second)])),
                .step(StepChart(id: "st", title: "st", format: .percent(decimals: 2), series: [LineSeries(name: "s", x: [0, 1], y: values)])),
                .timeline(TimelineChart(id: "t", title: "t", items: [TimelineItem(label: "x", start: first, end: second)], markers: [EventMarker(label: "m", x: second)])),
                .sparkline(Sparkline(id: "sp", title: "sp", values: values)),
                .forest(ForestPlot(id: "f", title: "f", estimates: [Estimate(label: "x", value: first, lower: first, upper: second)], reference: second)),
            ]
            for chart in charts {
                let svg = chart.svg()
                #expect(XMLCheck(svg).isWellFormed, "\(first), \(second): \(svg.prefix(60))")
                #expect(svg.utf8.count < 200_000)
                #expect(XMLCheck(chart.dataTable()).isWellFormed)
            }
        }
    }
}
