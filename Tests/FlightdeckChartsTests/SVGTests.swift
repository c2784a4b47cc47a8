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
        #expect(root["width"] == "100%")
        #expect(root["viewBox"]?.hasPrefix("0 0 ") == true)
        #expect(root["height"] == nil)
        let labelled = try #require(root["aria-labelledby"]).split(separator: " ").map(String.init)
        #expect(labelled.count == 2)
        for id in labelled { #expect(check.ids.contains(id)) }
        #expect(check.elements.prefix(3) == ["svg", "title", "desc"])
        #expect(Set(check.ids).count == check.ids.count, "ids are unique")
        #expect(check.ids.allSatisfy { $0.hasPrefix(Escape.identifier(chart.id)) })
        #expect(!svg.contains("style="), "styled by classes only")
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
                #expect(check.text.contains("<script>alert(\"x\")</script>") || name.hasSuffix("timeline") || markup.hasPrefix("<table"))
            }
        }
        #expect(Escape.xml("a\u{0}b\u{FFFE}<") == "a\u{FFFD}b\u{FFFD}&lt;")
        #expect(Escape.identifier("a b<c>") == "fd-a-b-c-")
        #expect(Escape.identifier("") == "fd-chart")
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
